// The consensus finder's rows of the authorisation matrix (run by consensus.test.mjs; people.test.mjs checks that
// every route of the route table is in some matrix). Placeholders name demo groups, the demo conversation and one of
// its statements (see consensusIds):
//   GROUP         Carers Co-production Board: Tom lead, Siân facilitator, Gareth and Mair members, Ngozi observer;
//                 not Priya
//   STEERING      Carers Strategy Steering Group: members only; Tom lead, Mair and Ngozi members
//   ARCHIVED      Leaflet review 2025: archived
//   CONVERSATION  the group's "What matters most about respite care?"; STATEMENT its first statement
// Visitors, in order: anonymous, another organisation's admin, member (Gareth), facilitator (Tom), finance (Priya),
// organisation admin (Siân, two-step, a facilitator of the group), platform admin.
// Changes are sent with nothing filled in, so a change that would go through comes back as the form with its problems
// (400) instead of changing the demo conversation.
//                                                                      anon other member facil finance orgAdmin platform
export const rows = [
  // A group's conversations are the group's own (observers read them) and its organisation's admins'; others get 404.
  ["GET", "/o/demo/groups/GROUP/conversations", /*                */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/conversations", /*             */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/999999/conversations", /*               */ [303, 404, 404, 404, 404, 404, 404]],
  // The people who run the group start conversations; not in an archived group.
  ["POST", "/o/demo/groups/GROUP/conversations", /*               */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/groups/ARCHIVED/conversations", /*            */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/conversations/CONVERSATION", /*                */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/conversations/999999", /*                      */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/conversations/CONVERSATION/results", /*        */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/conversations/999999/results", /*              */ [303, 404, 404, 404, 404, 404, 404]],
  // Members write statements (an empty one comes back with its problem).
  ["POST", "/o/demo/conversations/CONVERSATION/statements", /*    */ [401, 404, 400, 400, 404, 400, 404]],
  // Closing and reopening: the people who run the group (reopening an open conversation changes nothing).
  ["POST", "/o/demo/conversations/999999/close", /*               */ [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/conversations/CONVERSATION/reopen", /*        */ [401, 404, 404, 303, 404, 303, 404]],
  ["GET", "/o/demo/statements/STATEMENT", /*                      */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/statements/999999", /*                         */ [303, 404, 404, 404, 404, 404, 404]],
  // No answer chosen: the statement comes back asking for one.
  ["POST", "/o/demo/statements/STATEMENT/answer", /*              */ [401, 404, 400, 400, 404, 400, 404]],
  // No reason: the statement comes back asking for one; members do not hide.
  ["POST", "/o/demo/statements/STATEMENT/hide", /*                */ [401, 404, 404, 400, 404, 400, 404]],
];

/** A row's path as a route pattern ("/o/{org}/statements/{statement}/hide"). */
export function patternOf(path) {
  return path
    .replace("/o/demo", "/o/{org}")
    .replace(/\/groups\/(GROUP|STEERING|ARCHIVED|999999)/, "/groups/{group}")
    .replace(/\/conversations\/(CONVERSATION|999999)(?=\/|$)/, "/conversations/{conversation}")
    .replace(/\/statements\/(STATEMENT|999999)(?=\/|$)/, "/statements/{statement}");
}

/** The demo ids the placeholders stand for, read from the server's database. */
export function consensusIds(server) {
  const one = (sql) => server.database.sql(sql).trim();
  const group = (name) => one(`SELECT id FROM org_groups WHERE name = '${name}'`);
  const conversation = one("SELECT id FROM consensus_conversations WHERE question = 'What matters most about respite care?'");
  return {
    GROUP: group("Carers Co-production Board"),
    STEERING: group("Carers Strategy Steering Group"),
    ARCHIVED: group("Leaflet review 2025"),
    CONVERSATION: conversation,
    STATEMENT: one(`SELECT MIN(id) FROM consensus_statements WHERE conversation_id = ${conversation}`),
  };
}

export function fill(path, ids) {
  return path.replace(/GROUP|STEERING|ARCHIVED|CONVERSATION|STATEMENT/g, (m) => ids[m]);
}
