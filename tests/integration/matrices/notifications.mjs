// The notifications module's rows of the authorisation matrix (run by notifications.test.mjs; people.test.mjs checks
// that every route of the route table is in some matrix). Placeholders name demo groups (see notificationIds):
//   BOARD     Carers Co-production Board: Tom lead, Siân facilitator, Gareth and Mair members, Ngozi observer; not Priya
//   STEERING  Carers Strategy Steering Group: members only; Tom lead, Mair and Ngozi members
// Visitors, in order: anonymous, another organisation's admin, member (Gareth), facilitator (Tom), finance (Priya),
// organisation admin (Siân, two-step), platform admin.
//                                                               anon other member facil finance orgAdmin platform
export const rows = [
  // Every member's own notices and choices (each page reads only the signed-in person's).
  ["GET", "/o/demo/notifications", /*                       */ [303, 404, 200, 200, 200, 200, 404]],
  ["POST", "/o/demo/notifications/read", /*                 */ [401, 404, 303, 303, 303, 303, 404]],
  ["GET", "/o/demo/notifications/settings", /*              */ [303, 404, 200, 200, 200, 200, 404]],
  // Nothing chosen: nothing changes, and back to the page.
  ["POST", "/o/demo/notifications/settings", /*             */ [401, 404, 303, 303, 303, 303, 404]],
  // From a group's page: only for a group the person is in.
  ["GET", "/o/demo/groups/BOARD/notifications", /*          */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/notifications", /*       */ [303, 404, 404, 200, 404, 404, 404]],
  ["GET", "/o/demo/groups/999999/notifications", /*         */ [303, 404, 404, 404, 404, 404, 404]],
  // The one-click stop needs no sign-in, only a token this server signed: a forged one is 404 for everyone.
  ["GET", "/stop/1.1.1.forged", /*                          */ [404, 404, 404, 404, 404, 404, 404]],
  ["POST", "/stop/1.1.1.forged", /*                         */ [404, 404, 404, 404, 404, 404, 404]],
];

/** A row's path as a route pattern ("/o/{org}/groups/{group}/notifications"). */
export function patternOf(path) {
  return path
    .replace("/o/demo", "/o/{org}")
    .replace(/\/groups\/(BOARD|STEERING|999999)/, "/groups/{group}")
    .replace(/^\/stop\/[^/]+$/, "/stop/{token}");
}

/** The demo ids the placeholders stand for, read from the server's database. */
export function notificationIds(server) {
  const one = (sql) => server.database.sql(sql).trim();
  const group = (name) => one(`SELECT id FROM org_groups WHERE name = '${name}'`);
  return { BOARD: group("Carers Co-production Board"), STEERING: group("Carers Strategy Steering Group") };
}

export function fill(path, ids) {
  return path.replace(/BOARD|STEERING/g, (m) => ids[m]);
}
