// The measures module's rows of the authorisation matrix (run by measures.test.mjs; people.test.mjs checks that every
// route of the route table is in some matrix). Placeholders name demo groups (see measureIds):
//   BOARD     Carers Co-production Board (the organisation sees it): Tom lead, Siân facilitator, Gareth and Mair
//             members, Ngozi observer; not Priya
//   STEERING  Carers Strategy Steering Group: members only; Tom lead, Mair and Ngozi members
//   ARCHIVED  Leaflet review 2025: archived
// Visitors, in order: anonymous, another organisation's admin, member (Gareth), facilitator (Tom, a facilitator of the
// organisation), finance (Priya), organisation admin (Siân, two-step, a facilitator of the board), platform admin.
//                                                               anon other member facil finance orgAdmin platform
export const rows = [
  // A group's measures: whoever may see the group (counts only, nobody's words).
  ["GET", "/o/demo/groups/BOARD/measures", /*               */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/measures", /*            */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/ARCHIVED/measures", /*            */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups/999999/measures", /*              */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/groups/BOARD/measures.csv", /*           */ [401, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/measures.csv", /*        */ [401, 404, 404, 200, 404, 200, 404]],
  // The organisation's measures: its admins and facilitators; nobody else.
  ["GET", "/o/demo/measures", /*                            */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/measures.csv", /*                        */ [401, 404, 404, 200, 404, 200, 404]],
];

/** A row's path as a route pattern ("/o/{org}/groups/{group}/measures"). */
export function patternOf(path) {
  return path.replace("/o/demo", "/o/{org}").replace(/\/groups\/(BOARD|STEERING|ARCHIVED|999999)/, "/groups/{group}");
}

/** The demo ids the placeholders stand for, read from the server's database. */
export function measureIds(server) {
  const one = (sql) => server.database.sql(sql).trim();
  const group = (name) => one(`SELECT id FROM org_groups WHERE name = '${name}'`);
  return {
    BOARD: group("Carers Co-production Board"),
    STEERING: group("Carers Strategy Steering Group"),
    ARCHIVED: group("Leaflet review 2025"),
  };
}

export function fill(path, ids) {
  return path.replace(/STEERING|BOARD|ARCHIVED/g, (m) => ids[m]);
}
