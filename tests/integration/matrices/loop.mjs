// The loop module's rows of the authorisation matrix (run by loop.test.mjs; people.test.mjs checks that every route of
// the route table is in some matrix). Placeholders name demo groups and contributions (see loopIds):
//   BOARD     Carers Co-production Board (the organisation sees it): Tom lead, Siân facilitator, Gareth and Mair
//             members, Ngozi observer; not Priya
//   STEERING  Carers Strategy Steering Group: members only; Tom lead, Mair and Ngozi members
//   PUBLIC    Carers' emergency card: a public project
//   ARCHIVED  Leaflet review 2025: archived
//   TOPIC     the board's "Can board meetings be in the evening?" (a status in the demo)
//   STEERTOPIC the steering group's "What should the strategy say about young carers?"
//   POLL      the board's poll "Where should the summer event be?"
// Visitors, in order: anonymous, another organisation's admin, member (Gareth), facilitator (Tom), finance (Priya),
// organisation admin (Siân, two-step, a facilitator of the board), platform admin.
//                                                               anon other member facil finance orgAdmin platform
export const rows = [
  // A contribution's timeline: whoever may see the contribution (the group's people).
  ["GET", "/o/demo/loop/topic/TOPIC", /*                    */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/loop/topic/STEERTOPIC", /*               */ [303, 404, 404, 200, 404, 404, 404]],
  ["GET", "/o/demo/loop/proposal/POLL", /*                  */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/loop/topic/999999", /*                   */ [303, 404, 404, 404, 404, 404, 404]],
  // A kind nobody registered.
  ["GET", "/o/demo/loop/nothing/TOPIC", /*                  */ [303, 404, 404, 404, 404, 404, 404]],
  // Saying what happened next: the people who run the group.
  ["GET", "/o/demo/loop/topic/TOPIC/status", /*             */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/loop/topic/STEERTOPIC/status", /*        */ [303, 404, 404, 200, 404, 404, 404]],
  ["GET", "/o/demo/loop/proposal/POLL/status", /*           */ [303, 404, 404, 200, 404, 200, 404]],
  // Nothing filled in: the form comes back with the problems.
  ["POST", "/o/demo/loop/topic/TOPIC/status", /*            */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/loop/topic/STEERTOPIC/status", /*       */ [401, 404, 404, 400, 404, 404, 404]],
  ["POST", "/o/demo/loop/topic/999999/status", /*           */ [401, 404, 404, 404, 404, 404, 404]],
  // "You said, we did": whoever may see the group.
  ["GET", "/o/demo/groups/BOARD/you-said-we-did", /*        */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/you-said-we-did", /*     */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/ARCHIVED/you-said-we-did", /*     */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups/999999/you-said-we-did", /*       */ [303, 404, 404, 404, 404, 404, 404]],
  // A public group's page is public; no other group's is.
  ["GET", "/groups/demo/PUBLIC/you-said-we-did", /*         */ [200, 200, 200, 200, 200, 200, 200]],
  ["GET", "/groups/demo/BOARD/you-said-we-did", /*          */ [404, 404, 404, 404, 404, 404, 404]],
  ["GET", "/groups/demo/STEERING/you-said-we-did", /*       */ [404, 404, 404, 404, 404, 404, 404]],
  // Each person's own list.
  ["GET", "/account/what-happened", /*                      */ [303, 200, 200, 200, 200, 200, 200]],
  // The easy-read versions: the same people as the standard pages.
  ["GET", "/o/demo/groups/BOARD/you-said-we-did/easy-read", [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/you-said-we-did/easy-read", [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/999999/you-said-we-did/easy-read", [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/groups/demo/PUBLIC/you-said-we-did/easy-read", [200, 200, 200, 200, 200, 200, 200]],
  ["GET", "/groups/demo/BOARD/you-said-we-did/easy-read", [404, 404, 404, 404, 404, 404, 404]],
  ["GET", "/groups/demo/STEERING/you-said-we-did/easy-read", [404, 404, 404, 404, 404, 404, 404]],
  ["GET", "/account/what-happened/easy-read", /*            */ [303, 200, 200, 200, 200, 200, 200]],
];

/** A row's path as a route pattern ("/o/{org}/loop/{kind}/{id}/status"). */
export function patternOf(path) {
  return path
    .replace("/o/demo", "/o/{org}")
    .replace("/groups/demo/", "/groups/{org}/")
    .replace(/\/groups\/(\{org\}\/)?(BOARD|STEERING|PUBLIC|ARCHIVED|999999)/, (_, org) => `/groups/${org ?? ""}{group}`)
    .replace(/\/loop\/[a-z_]+\/(TOPIC|STEERTOPIC|POLL|999999)(?=\/|$)/, "/loop/{kind}/{id}");
}

/** The demo ids the placeholders stand for, read from the server's database. */
export function loopIds(server) {
  const one = (sql) => server.database.sql(sql).trim();
  const group = (name) => one(`SELECT id FROM org_groups WHERE name = '${name}'`);
  return {
    BOARD: group("Carers Co-production Board"),
    STEERING: group("Carers Strategy Steering Group"),
    PUBLIC: group("Carers'' emergency card"),
    ARCHIVED: group("Leaflet review 2025"),
    TOPIC: one("SELECT id FROM discussion_topics WHERE title = 'Can board meetings be in the evening?'"),
    STEERTOPIC: one("SELECT id FROM discussion_topics WHERE title = 'What should the strategy say about young carers?'"),
    POLL: one("SELECT id FROM decisions WHERE title = 'Where should the summer event be?'"),
  };
}

export function fill(path, ids) {
  return path.replace(/STEERTOPIC|STEERING|BOARD|PUBLIC|ARCHIVED|TOPIC|POLL/g, (m) => ids[m]);
}
