// The groups module's rows of the authorisation matrix (run by groups.test.mjs; people.test.mjs checks that every
// route of the route table is in some matrix). Placeholders name demo groups and people (see groupIds):
//   BOARD    Carers Co-production Board: organisation-wide; Tom lead, Siân facilitator, Gareth member
//   STEERING Carers Strategy Steering Group: members only; Tom lead; not Gareth, Siân or Priya
//   ARCHIVED Leaflet review 2025: archived
//   GARETH   Gareth's user id
// Visitors, in order: anonymous, another organisation's admin, member (Gareth), facilitator (Tom), finance (Priya),
// organisation admin (Siân, two-step), platform admin.
//                                                         anon other member facil finance orgAdmin platform
export const rows = [
  ["GET", "/o/demo/groups", /*                       */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups.csv", /*                   */ [401, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups/new", /*                   */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/groups", /*                      */ [401, 404, 404, 400, 404, 400, 404]],
  ["GET", "/o/demo/groups/BOARD", /*                 */ [303, 404, 200, 200, 200, 200, 404]],
  // Members only: Tom is in it; Siân sees it as the organisation's admin; Gareth and Priya do not know it exists.
  ["GET", "/o/demo/groups/STEERING", /*              */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/999999", /*                */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/groups/not-a-number", /*          */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/groups/BOARD/edit", /*            */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/groups/BOARD/edit", /*           */ [401, 404, 404, 400, 404, 400, 404]],
  // The picture: for the people who change the group's details. An empty form keeps the picture and lacks its words
  // (400); removing the steering group's (it has none) changes nothing but is theirs to do (303).
  ["GET", "/o/demo/groups/BOARD/picture", /*         */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/groups/BOARD/picture", /*        */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/groups/STEERING/picture/remove", [401, 404, 404, 303, 404, 303, 404]],
  ["POST", "/o/demo/groups/ARCHIVED/picture/remove", [401, 404, 404, 404, 404, 404, 404]],
  // Archiving an archived group and restoring an active one are not things anyone can do.
  ["POST", "/o/demo/groups/ARCHIVED/archive", /*     */ [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/groups/BOARD/restore", /*        */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/groups/BOARD/stage", /*           */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/stage", /*        */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/groups/BOARD/stage", /*          */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/groups/ARCHIVED/stage", /*       */ [401, 404, 404, 404, 404, 404, 404]],
  // Only people outside a group may ask to join it, and not a members-only one.
  ["GET", "/o/demo/groups/BOARD/join", /*            */ [303, 404, 404, 404, 200, 404, 404]],
  ["POST", "/o/demo/groups/STEERING/join", /*        */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/groups/BOARD/requests", /*        */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/groups/BOARD/requests", /*       */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/groups/BOARD/leave", /*           */ [303, 404, 200, 200, 404, 200, 404]],
  // Tom is the steering group's only lead: he is told so and stays (303 back to the group).
  ["POST", "/o/demo/groups/STEERING/leave", /*       */ [401, 404, 404, 303, 404, 404, 404]],
  ["GET", "/o/demo/groups/BOARD/members", /*         */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/BOARD/members/GARETH", /*  */ [303, 404, 404, 200, 404, 200, 404]],
  // No role chosen: back to the form with a message.
  ["POST", "/o/demo/groups/BOARD/members/GARETH", /* */ [401, 404, 404, 303, 404, 303, 404]],
  ["POST", "/o/demo/groups/BOARD/members/999999/remove", [401, 404, 404, 404, 404, 404, 404]],
  // Inviting: the people who run the group (an empty form names nobody: 404); answering: only someone invited.
  ["GET", "/o/demo/groups/STEERING/invite", /*       */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/BOARD/invite?name=a", /*   */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/groups/BOARD/invite", /*         */ [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/groups/BOARD/invitation", /*     */ [401, 404, 404, 404, 404, 404, 404]],
  // Support needs: the people who run the group (Tom leads it, Siân is a facilitator in it), nobody else.
  ["GET", "/o/demo/groups/BOARD/support", /*         */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/support", /*      */ [303, 404, 404, 200, 404, 404, 404]],
  ["GET", "/o/demo/groups/BOARD/support.csv", /*     */ [401, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/support.csv", /*  */ [401, 404, 404, 200, 404, 404, 404]],
  // The same tables as spreadsheet files, for the same people as their pages (not pages: 401, not a sign-in page).
  ["GET", "/o/demo/groups/BOARD/members.csv", /*     */ [401, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/members.csv", /*  */ [401, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/BOARD/stage.csv", /*       */ [401, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups/BOARD/activity.csv", /*    */ [401, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/BOARD/activity", /*        */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/activity", /*     */ [303, 404, 404, 200, 404, 200, 404]],
];

/** A row's path as a route pattern ("/o/{org}/groups/{group}/members/{user}"). */
export function patternOf(path) {
  return path
    .replace(/\?.*$/, "")
    .replace("/o/demo", "/o/{org}")
    .replace(/\/groups\/(BOARD|STEERING|ARCHIVED|999999|not-a-number)/, "/groups/{group}")
    .replace(/\/members\/(GARETH|999999)/, "/members/{user}");
}

/** The demo ids the placeholders stand for, read from the server's database. */
export function groupIds(server) {
  const group = (name) => server.database.sql(`SELECT id FROM org_groups WHERE name = '${name}'`).trim();
  return {
    BOARD: group("Carers Co-production Board"),
    STEERING: group("Carers Strategy Steering Group"),
    ARCHIVED: group("Leaflet review 2025"),
    GARETH: server.database.sql("SELECT id FROM users WHERE email = 'gareth@demo.example'").trim(),
  };
}

export function fill(path, ids) {
  return path.replace(/BOARD|STEERING|ARCHIVED|GARETH/g, (m) => ids[m]);
}
