// The boards module's rows of the authorisation matrix (run by boards.test.mjs; people.test.mjs checks that every
// route of the route table is in some matrix). Placeholders name demo groups, the demo board and its cards (see
// boardIds):
//   GROUP     Carers Co-production Board: Tom lead, Siân facilitator, Gareth and Mair members, Ngozi observer; not
//             Priya
//   STEERING  Carers Strategy Steering Group: members only; Tom lead, Mair and Ngozi members
//   ARCHIVED  Leaflet review 2025: archived
//   BOARD     the group's "Respite booking ideas" board; LIST its first list (Ideas, with cards); CARD a card on it
//   PHONE     the board's first card, with two comments: MAIRS (Mair's) and TOMS (Tom's)
// Visitors, in order: anonymous, another organisation's admin, member (Gareth), facilitator (Tom), finance (Priya),
// organisation admin (Siân, two-step, a facilitator of the group), platform admin.
// Changes are sent with nothing filled in, so a change that would go through comes back as the form with its problems
// (400) instead of changing the demo board.
//                                                               anon other member facil finance orgAdmin platform
export const rows = [
  // A group's boards are the group's own (observers read them) and its organisation's admins'; others get 404.
  ["GET", "/o/demo/groups/GROUP/boards", /*                 */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/boards", /*              */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/999999/boards", /*                */ [303, 404, 404, 404, 404, 404, 404]],
  // The people who run the group start boards; not in an archived group.
  ["POST", "/o/demo/groups/GROUP/boards", /*                */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/groups/ARCHIVED/boards", /*             */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/boards/BOARD", /*                        */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/boards/999999", /*                       */ [303, 404, 404, 404, 404, 404, 404]],
  // A list's own page (its cards' forms for those who work on them; observers read it): as the board.
  ["GET", "/o/demo/boards/BOARD/lists/LIST", /*             */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/boards/BOARD/lists/999999", /*           */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/boards/BOARD/results", /*                */ [303, 404, 200, 200, 404, 200, 404]],
  // A download, not a page: someone signed out gets 401, not the sign-in page.
  ["GET", "/o/demo/boards/BOARD/cards.csv", /*              */ [401, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/boards/BOARD/print", /*                  */ [303, 404, 200, 200, 404, 200, 404]],
  // The live channel: those who may read the board get 406 here only because the matrix does not ask for events
  // (boards.test.mjs listens); anyone else learns nothing.
  ["GET", "/o/demo/boards/BOARD/live", /*                   */ [401, 404, 406, 406, 404, 406, 404]],
  ["GET", "/o/demo/boards/999999/live", /*                  */ [401, 404, 404, 404, 404, 404, 404]],
  // Settings, lists and labels: the people who run the group.
  ["GET", "/o/demo/boards/BOARD/settings", /*               */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/boards/BOARD/settings", /*              */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/boards/999999/archive", /*              */ [401, 404, 404, 404, 404, 404, 404]],
  // Only an archived board is restored.
  ["POST", "/o/demo/boards/BOARD/restore", /*               */ [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/boards/BOARD/lists", /*                 */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/boards/BOARD/lists/LIST/rename", /*     */ [401, 404, 404, 400, 404, 400, 404]],
  // No direction given.
  ["POST", "/o/demo/boards/BOARD/lists/LIST/move", /*       */ [401, 404, 404, 404, 404, 404, 404]],
  // A list with cards stays: the settings come back saying so.
  ["POST", "/o/demo/boards/BOARD/lists/LIST/remove", /*     */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/boards/BOARD/labels", /*                */ [401, 404, 404, 400, 404, 400, 404]],
  // Cards: everyone in the group but observers.
  ["GET", "/o/demo/boards/BOARD/cards/new", /*              */ [303, 404, 200, 200, 404, 200, 404]],
  ["POST", "/o/demo/boards/BOARD/cards", /*                 */ [401, 404, 400, 400, 404, 400, 404]],
  ["GET", "/o/demo/cards/CARD", /*                          */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/cards/999999", /*                        */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/cards/CARD/edit", /*                     */ [303, 404, 200, 200, 404, 200, 404]],
  ["POST", "/o/demo/cards/CARD/edit", /*                    */ [401, 404, 400, 400, 404, 400, 404]],
  // No position: the card's page comes back asking for one.
  ["POST", "/o/demo/cards/CARD/move", /*                    */ [401, 404, 400, 400, 404, 400, 404]],
  ["POST", "/o/demo/cards/999999/archive", /*               */ [401, 404, 404, 404, 404, 404, 404]],
  // Only an archived card is restored.
  ["POST", "/o/demo/cards/CARD/restore", /*                 */ [401, 404, 404, 404, 404, 404, 404]],
  // Neither "give" nor "take".
  ["POST", "/o/demo/cards/CARD/dots", /*                    */ [401, 404, 404, 404, 404, 404, 404]],
  // Comments: everyone in the group but observers adds them (nothing typed: the card comes back asking for words).
  ["POST", "/o/demo/cards/CARD/comments", /*                */ [401, 404, 400, 400, 404, 400, 404]],
  ["POST", "/o/demo/cards/999999/comments", /*              */ [401, 404, 404, 404, 404, 404, 404]],
  // Only its author changes or deletes a comment (Tom wrote TOMS).
  ["GET", "/o/demo/cards/PHONE/comments/TOMS/edit", /*      */ [303, 404, 404, 200, 404, 404, 404]],
  ["POST", "/o/demo/cards/PHONE/comments/TOMS/edit", /*     */ [401, 404, 404, 400, 404, 404, 404]],
  ["GET", "/o/demo/cards/PHONE/comments/TOMS/delete", /*    */ [303, 404, 404, 200, 404, 404, 404]],
  ["GET", "/o/demo/cards/PHONE/comments/999999/edit", /*    */ [303, 404, 404, 404, 404, 404, 404]],
  // A comment asked for under another card is not found, whoever asks.
  ["GET", "/o/demo/cards/CARD/comments/TOMS/edit", /*       */ [303, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/cards/CARD/comments/TOMS/delete", /*    */ [401, 404, 404, 404, 404, 404, 404]],
  // The people who run the group remove anyone's comment, with a reason (none given: the form asks for one).
  // A comment's earlier versions: its author and the people who run the group (Tom wrote TOMS and runs the group).
  ["GET", "/o/demo/cards/PHONE/comments/TOMS/history", /*   */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/cards/PHONE/comments/MAIRS/history", /*  */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/cards/CARD/comments/TOMS/history", /*    */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/cards/PHONE/comments/MAIRS/remove", /*   */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/cards/PHONE/comments/MAIRS/remove", /*  */ [401, 404, 404, 400, 404, 400, 404]],
  // Files: everyone in the group but observers adds them (no file sent: the card comes back asking for one).
  ["POST", "/o/demo/cards/CARD/files", /*                   */ [401, 404, 400, 400, 404, 400, 404]],
  ["POST", "/o/demo/cards/CARD/files/999999/remove", /*     */ [401, 404, 404, 404, 404, 404, 404]],
];

/** A row's path as a route pattern ("/o/{org}/cards/{card}/move"). */
export function patternOf(path) {
  return path
    .replace("/o/demo", "/o/{org}")
    .replace(/\/groups\/(GROUP|STEERING|ARCHIVED|999999)/, "/groups/{group}")
    .replace(/\/boards\/(BOARD|999999)(?=\/|$)/, "/boards/{board}")
    .replace(/\/lists\/(LIST|999999)(?=\/|$)/, "/lists/{list}")
    .replace(/\/cards\/(CARD|PHONE|999999)(?=\/|$)/, "/cards/{card}")
    .replace(/\/comments\/(MAIRS|TOMS|999999)(?=\/|$)/, "/comments/{comment}")
    .replace(/\/files\/999999(?=\/|$)/, "/files/{file}");
}

/** The demo ids the placeholders stand for, read from the server's database. */
export function boardIds(server) {
  const one = (sql) => server.database.sql(sql).trim();
  const group = (name) => one(`SELECT id FROM org_groups WHERE name = '${name}'`);
  const board = one("SELECT id FROM boards WHERE title = 'Respite booking ideas'");
  return {
    GROUP: group("Carers Co-production Board"),
    STEERING: group("Carers Strategy Steering Group"),
    ARCHIVED: group("Leaflet review 2025"),
    BOARD: board,
    LIST: one(`SELECT id FROM board_lists WHERE board_id = ${board} AND position = 1`),
    CARD: one("SELECT id FROM board_cards WHERE title = 'Show which places are free this month'"),
    PHONE: one("SELECT id FROM board_cards WHERE title = 'Book respite by phone as well as online'"),
    MAIRS: one("SELECT m.id FROM board_card_comments m JOIN users u ON u.id = m.author_id WHERE u.email = 'mair@demo.example' AND m.create_key = 'demo-board-respite-comment-1'"),
    TOMS: one("SELECT id FROM board_card_comments WHERE create_key = 'demo-board-respite-comment-2'"),
  };
}

export function fill(path, ids) {
  return path.replace(/GROUP|STEERING|ARCHIVED|BOARD|LIST|CARD|PHONE|MAIRS|TOMS/g, (m) => ids[m]);
}
