// The discussions module's rows of the authorisation matrix (run by discussions.test.mjs; people.test.mjs checks
// that every route of the route table is in some matrix). Placeholders name demo groups and topics (see
// discussionIds):
//   BOARD    Carers Co-production Board: Tom lead, Siân facilitator, Gareth and Mair members, Ngozi observer
//   STEERING Carers Strategy Steering Group: members only; Tom lead, Mair and Ngozi; not Gareth, Siân or Priya
//   ARCHIVED Leaflet review 2025: archived
//   EVENING  "Can board meetings be in the evening?" in BOARD: Mair started it; reply 2 is Gareth's, 3 Tom's
//   YOUNG    "What should the strategy say about young carers?" in STEERING
//   EVENING_PICTURE  the public id of EVENING's picture (its attachment, an upload)
// Visitors, in order: anonymous, another organisation's admin, member (Gareth), facilitator (Tom), finance (Priya,
// not in the board), organisation admin (Siân, a facilitator of the board), platform admin. Forms are sent empty:
// the people allowed get their form back with its problem (400), or the action done (303).
//                                                                     anon other member facil finance orgAdmin platform
export const rows = [
  ["GET", "/o/demo/groups/BOARD/discussion", /*                    */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/BOARD/discussion?show=raised", /*        */ [303, 404, 200, 200, 404, 200, 404]],
  // What people say in a group stays in the group: outside it, whatever the role, the discussion does not exist.
  ["GET", "/o/demo/groups/STEERING/discussion", /*                 */ [303, 404, 404, 200, 404, 404, 404]],
  ["GET", "/o/demo/groups/999999/discussion", /*                   */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/groups/BOARD/discussion/new", /*                */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/ARCHIVED/discussion/new", /*             */ [303, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/groups/BOARD/discussion", /*                   */ [401, 404, 400, 400, 404, 400, 404]],
  ["POST", "/o/demo/groups/STEERING/discussion", /*                */ [401, 404, 404, 400, 404, 404, 404]],
  ["GET", "/o/demo/groups/BOARD/discussion/reports", /*            */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/groups/BOARD/discussion/reports/999999/dismiss", [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/topics/EVENING", /*                             */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/topics/EVENING?after=51", /*                    */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/topics/YOUNG", /*                               */ [303, 404, 404, 200, 404, 404, 404]],
  ["GET", "/o/demo/topics/999999", /*                              */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/topics/not-a-number", /*                        */ [303, 404, 404, 404, 404, 404, 404]],
  // The live channel: those who may read the topic get 406 here only because the matrix does not ask for events
  // (live.test.mjs listens); anyone else learns nothing.
  ["GET", "/o/demo/topics/EVENING/live", /*                        */ [401, 404, 406, 406, 404, 406, 404]],
  ["GET", "/o/demo/topics/YOUNG/live", /*                          */ [401, 404, 404, 406, 404, 404, 404]],
  ["POST", "/o/demo/topics/EVENING/replies", /*                    */ [401, 404, 400, 400, 404, 400, 404]],
  ["POST", "/o/demo/topics/YOUNG/replies", /*                      */ [401, 404, 404, 400, 404, 404, 404]],
  ["POST", "/o/demo/topics/YOUNG/follow", /*                       */ [401, 404, 404, 303, 404, 404, 404]],
  ["POST", "/o/demo/topics/YOUNG/raise", /*                        */ [401, 404, 404, 303, 404, 404, 404]],
  ["GET", "/o/demo/topics/EVENING/easy-read", /*                   */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/topics/YOUNG/easy-read", /*                    */ [401, 404, 404, 303, 404, 404, 404]],
  // No reaction named: nothing to add.
  ["POST", "/o/demo/topics/EVENING/posts/2/react", /*              */ [401, 404, 404, 404, 404, 404, 404]],
  // Only its author changes or deletes a post.
  ["GET", "/o/demo/topics/EVENING/posts/2/edit", /*                */ [303, 404, 200, 404, 404, 404, 404]],
  ["POST", "/o/demo/topics/EVENING/posts/2/edit", /*               */ [401, 404, 400, 404, 404, 404, 404]],
  ["GET", "/o/demo/topics/EVENING/posts/2/delete", /*              */ [303, 404, 200, 404, 404, 404, 404]],
  ["POST", "/o/demo/topics/EVENING/posts/999/delete", /*           */ [401, 404, 404, 404, 404, 404, 404]],
  // Its author and the people who run the group see a post's earlier versions.
  ["GET", "/o/demo/topics/EVENING/posts/2/history", /*             */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/topics/EVENING/posts/3/history", /*             */ [303, 404, 404, 200, 404, 200, 404]],
  // Anyone in the group reports someone else's post.
  ["GET", "/o/demo/topics/EVENING/posts/2/report", /*              */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/topics/EVENING/posts/2/report", /*             */ [401, 404, 404, 400, 404, 400, 404]],
  ["GET", "/o/demo/topics/EVENING/posts/2/hide", /*                */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/topics/EVENING/posts/2/hide", /*               */ [401, 404, 404, 400, 404, 400, 404]],
  // Not hidden: nothing to show again.
  ["POST", "/o/demo/topics/EVENING/posts/2/show", /*               */ [401, 404, 404, 404, 404, 404, 404]],
  // A topic's picture: exactly who may see the topic fetches it (an observer too: topic_media.test.mjs).
  ["GET", "/files/EVENING_PICTURE", /*                             */ [404, 404, 200, 200, 404, 200, 404]],
];

/** A row's path as a route pattern ("/o/{org}/topics/{topic}/posts/{number}/edit"). */
export function patternOf(path) {
  return path
    .replace(/\?.*$/, "")
    .replace("/o/demo", "/o/{org}")
    .replace(/\/files\/EVENING_PICTURE$/, "/files/{public_id}")
    .replace(/\/groups\/(BOARD|STEERING|ARCHIVED|999999)/, "/groups/{group}")
    .replace(/\/reports\/999999/, "/reports/{report}")
    .replace(/\/topics\/(EVENING|YOUNG|999999|not-a-number)/, "/topics/{topic}")
    .replace(/\/posts\/\d+/, "/posts/{number}");
}

/** The demo ids the placeholders stand for, read from the server's database. */
export function discussionIds(server) {
  const one = (sql) => server.database.sql(sql).trim();
  const group = (name) => one(`SELECT id FROM org_groups WHERE name = '${name}'`);
  const topic = (title) => one(`SELECT id FROM discussion_topics WHERE title = '${title}'`);
  return {
    BOARD: group("Carers Co-production Board"),
    STEERING: group("Carers Strategy Steering Group"),
    ARCHIVED: group("Leaflet review 2025"),
    EVENING: topic("Can board meetings be in the evening?"),
    YOUNG: topic("What should the strategy say about young carers?"),
    EVENING_PICTURE: one(
      "SELECT u.public_id FROM discussion_topics t JOIN uploads u ON u.id = t.attachment_upload_id WHERE t.title = " +
        "'Can board meetings be in the evening?'",
    ),
  };
}

export function fill(path, ids) {
  return path.replace(/EVENING_PICTURE|BOARD|STEERING|ARCHIVED|EVENING|YOUNG/g, (m) => ids[m]);
}
