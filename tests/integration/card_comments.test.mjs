// Comments on a board's cards over HTTP: the demo card's comments oldest first with Markdown and never raw HTML; an
// observer reads them without a form; an empty or too long comment comes back with the problem in plain words, the
// GOV.UK error summary and what was typed kept; the same form twice makes one comment, counted on the board and in
// the card's history; its author changes it (it says so) and deletes it ("This comment was deleted"); someone else's
// comment cannot be changed; the group's lead removes a comment with a reason only its author (and the people who run
// the group) see; a comment asked for under another card is 404. Files on a card go through the uploads module's rules
// (a file that is not what it says is refused in plain words), are fetched by whoever sees the board and nobody else,
// and are taken off by the group's lead.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer, visitorAs, demo, backendName, root } from "./harness.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const one = (sql) => server.database.sql(sql).trim();
const signedIn = (email) => visitorAs(server.url, email);

/** The card page's comment form's key. */
function keyOf(page) {
  const m = page.text.match(/action="[^"]*\/comments" novalidate>[\s\S]*?name="create_key" value="([^"]+)"/);
  assert.ok(m, "no comment form with a create_key");
  return m[1];
}

/** The text of the comment with this id on the card page. */
function commentBlock(page, id) {
  const m = page.text.match(
    new RegExp(`<div class="govuk-!-margin-bottom-6" id="comment-${id}">([\\s\\S]*?)(?=<div class="govuk-!-margin-bottom-6" id="comment-|<form|<h2)`),
  );
  assert.ok(m, `comment ${id} is not on the page`);
  return m[1];
}

test(`${backendName}: comments on a card — add, problems kept, edit, delete, remove with a reason, 404s`, async () => {
  const phone = one("SELECT id FROM board_cards WHERE title = 'Book respite by phone as well as online'");
  const other = one("SELECT id FROM board_cards WHERE title = 'Show which places are free this month'");
  const board = one(`SELECT board_id FROM board_cards WHERE id = ${phone}`);
  const cardUrl = `/o/demo/cards/${phone}`;
  const gareth = await signedIn(demo.member);
  const tom = await signedIn(demo.facilitator);
  const ngozi = await signedIn(demo.partner);

  // The demo's comments, oldest first, Markdown rendered; Gareth may add one.
  let page = await gareth.get(cardUrl);
  assert.equal(page.status, 200);
  assert.match(page.text, /<h2 id="comments" class="govuk-heading-m">Comments<\/h2>/);
  const mairAt = page.text.indexOf("three evenings");
  const tomAt = page.text.indexOf("Thank you, Mair");
  assert.ok(mairAt > 0 && tomAt > mairAt, "comments are not oldest first");
  assert.match(page.text, /<strong>three evenings<\/strong>/);
  assert.match(page.text, /<label class="govuk-label govuk-label--s" for="comment">\s*Add a comment/);
  const key = keyOf(page);

  // An observer reads them, without a form or links to change them.
  const seen = await ngozi.get(cardUrl);
  assert.equal(seen.status, 200);
  assert.match(seen.text, /three evenings/);
  assert.doesNotMatch(seen.text, /name="comment"/);
  assert.doesNotMatch(seen.text, /\/comments\/\d+\/(edit|delete|remove)/);

  // Nothing typed, then too much: the problem in plain words, the error summary, what was typed kept.
  const empty = await gareth.post(`${cardUrl}/comments`, { create_key: key, comment: "   " });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /govuk-error-summary/);
  assert.match(empty.text, /Enter your comment/);
  const long = "Too long. ".repeat(501);
  const tooLong = await gareth.post(`${cardUrl}/comments`, { create_key: key, comment: long });
  assert.equal(tooLong.status, 400);
  assert.match(tooLong.text, /Your comment must be 5,000 characters or fewer/);
  assert.ok(tooLong.text.includes(long.trim()), "the typed comment was not kept");
  assert.match(tooLong.text, new RegExp(`name="create_key" value="${key}"`));

  // Added (raw HTML shown as typed, never run); the same form twice makes one comment.
  const words = "I can ask the **surgery** too. <script>alert(1)</script>";
  const added = await gareth.post(`${cardUrl}/comments`, { create_key: key, comment: words });
  assert.equal(added.status, 303, added.text.slice(0, 300));
  const location = added.headers.get("location");
  assert.match(location, new RegExp(`^${cardUrl}#comment-\\d+$`));
  const id = location.split("#comment-")[1];
  const again = await gareth.post(`${cardUrl}/comments`, { create_key: key, comment: words });
  assert.equal(again.headers.get("location"), location);
  assert.equal(one(`SELECT COUNT(*) FROM board_card_comments WHERE card_id = ${phone} AND create_key = '${key}'`), "1");
  page = await gareth.get(cardUrl);
  assert.match(page.text, /Your comment has been added/);
  let block = commentBlock(page, id);
  assert.match(block, /Gareth/);
  assert.match(block, /<strong>surgery<\/strong>/);
  assert.doesNotMatch(page.text, /<script>alert/);
  assert.match(block, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(block, /Change your comment/);
  assert.doesNotMatch(block, /Remove this comment/);
  // The card's history says so; the board counts the card's comments (the demo's two and Gareth's).
  assert.match(page.text, /Added a comment/);
  const boardPage = await gareth.get(`/o/demo/boards/${board}`);
  assert.match(boardPage.text, /3 comments/);

  // Someone else's comment: Tom cannot change or delete Gareth's, Gareth cannot change Tom's.
  const toms = one("SELECT id FROM board_card_comments WHERE create_key = 'demo-board-respite-comment-2'");
  assert.equal((await tom.get(`${cardUrl}/comments/${id}/edit`)).status, 404);
  assert.equal((await tom.post(`${cardUrl}/comments/${id}/edit`, { comment: "Tom's words" })).status, 404);
  assert.equal((await tom.post(`${cardUrl}/comments/${id}/delete`, {})).status, 404);
  assert.equal((await gareth.post(`${cardUrl}/comments/${toms}/edit`, { comment: "Gareth's words" })).status, 404);
  // A comment asked for under another card, or one that does not exist: 404.
  assert.equal((await gareth.get(`/o/demo/cards/${other}/comments/${id}/edit`)).status, 404);
  assert.equal((await gareth.post(`/o/demo/cards/${other}/comments/${id}/delete`, {})).status, 404);
  assert.equal((await gareth.get(`${cardUrl}/comments/999999/edit`)).status, 404);

  // Gareth changes it: an empty change comes back with its problem; then it says it was changed.
  const form = await gareth.get(`${cardUrl}/comments/${id}/edit`);
  assert.equal(form.status, 200);
  assert.match(form.text, /surgery/);
  const bad = await gareth.post(`${cardUrl}/comments/${id}/edit`, { comment: "" });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Enter your comment/);
  assert.match(bad.text, /govuk-error-summary/);
  const saved = await gareth.post(`${cardUrl}/comments/${id}/edit`, { comment: "I can ask the _surgery_ too." });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get("location"), location);
  page = await gareth.get(cardUrl);
  block = commentBlock(page, id);
  assert.match(block, /<em>surgery<\/em>/);
  assert.match(block, /Changed on/);
  // Its earlier words are kept: Gareth (who wrote it) and Tom (who runs the group) read them; Ngozi, an observer, does
  // not see the link and gets 404.
  const historyUrl = `${cardUrl}/comments/${id}/history`;
  assert.match(block, new RegExp(`href="${historyUrl}">See earlier versions`));
  assert.doesNotMatch(commentBlock(await ngozi.get(cardUrl), id), /See earlier versions/);
  assert.equal((await ngozi.get(historyUrl)).status, 404);
  let history = await gareth.get(historyUrl);
  assert.equal(history.status, 200);
  assert.match(history.text, /Earlier versions of this comment/);
  assert.match(history.text, /Until \d/);
  assert.match(history.text, /<strong>surgery<\/strong>/);
  assert.doesNotMatch(history.text, /<em>surgery<\/em>/);
  assert.match((await tom.get(historyUrl)).text, /<strong>surgery<\/strong>/);

  // Tom, the group's lead, removes it with a reason: Gareth sees the reason and his words; Ngozi sees only that it went.
  assert.equal((await gareth.get(`${cardUrl}/comments/${id}/remove`)).status, 404);
  assert.equal((await gareth.post(`${cardUrl}/comments/${id}/remove`, { reason: "Mine" })).status, 404);
  const removeForm = await tom.get(`${cardUrl}/comments/${id}/remove`);
  assert.equal(removeForm.status, 200);
  assert.match(removeForm.text, /<em>surgery<\/em>/);
  const noReason = await tom.post(`${cardUrl}/comments/${id}/remove`, { reason: "" });
  assert.equal(noReason.status, 400);
  assert.match(noReason.text, /Say why you are removing the comment/);
  const removed = await tom.post(`${cardUrl}/comments/${id}/remove`, { reason: "Please keep names of surgeries off the board" });
  assert.equal(removed.status, 303);
  block = commentBlock(await gareth.get(cardUrl), id);
  assert.match(block, /removed your comment/);
  assert.match(block, /Please keep names of surgeries off the board/);
  assert.match(block, /surgery/);
  assert.doesNotMatch(block, /Change your comment/);
  block = commentBlock(await ngozi.get(cardUrl), id);
  assert.match(block, /removed this comment/);
  assert.doesNotMatch(block, /surgeries|surgery/);
  assert.match((await gareth.get(`/o/demo/boards/${board}`)).text, /2 comments/);

  // Gareth deletes it: its words are gone from the page and from the comment, and a line says a comment was deleted;
  // Tom, who runs the group, can still read what it said.
  const confirm = await gareth.get(`${cardUrl}/comments/${id}/delete`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /Delete the comment/);
  const deleted = await gareth.post(`${cardUrl}/comments/${id}/delete`, {});
  assert.equal(deleted.status, 303);
  page = await ngozi.get(cardUrl);
  block = commentBlock(page, id);
  assert.match(block, /This comment was deleted/);
  assert.doesNotMatch(block, /Gareth|surgery/);
  assert.equal(one(`SELECT body FROM board_card_comments WHERE id = ${id}`), "");
  assert.doesNotMatch(block, /See earlier versions/);
  history = await tom.get(historyUrl);
  assert.match(history.text, /<em>surgery<\/em>/);
  assert.match(history.text, /<strong>surgery<\/strong>/);
  assert.match(commentBlock(await tom.get(cardUrl), id), /See earlier versions/);
  assert.equal((await gareth.post(`${cardUrl}/comments/${id}/delete`, {})).status, 404);
  assert.equal((await gareth.get(`${cardUrl}/comments/${id}/edit`)).status, 404);
});

test(`${backendName}: an observer cannot comment, and another organisation's admin sees nothing`, async () => {
  const phone = one("SELECT id FROM board_cards WHERE title = 'Book respite by phone as well as online'");
  const toms = one("SELECT id FROM board_card_comments WHERE create_key = 'demo-board-respite-comment-2'");
  const ngozi = await signedIn(demo.partner);
  const before = one("SELECT COUNT(*) FROM board_card_comments");
  assert.equal((await ngozi.post(`/o/demo/cards/${phone}/comments`, { comment: "Me too", create_key: "ngozi-key" })).status, 404);
  const outsider = await signedIn(demo.otherOrgAdmin);
  assert.equal((await outsider.post(`/o/demo/cards/${phone}/comments`, { comment: "Hi", create_key: "x-key" })).status, 404);
  const edit = await outsider.get(`/o/demo/cards/${phone}/comments/${toms}/edit`);
  assert.equal(edit.status, 404);
  assert.doesNotMatch(edit.text, /Thank you, Mair/);
  assert.equal(one("SELECT COUNT(*) FROM board_card_comments"), before);
});

test(`${backendName}: files on a card — the uploads module's rules, who fetches them, taking one off`, async () => {
  const card = one("SELECT id FROM board_cards WHERE title = 'Easy read booking guide'");
  const other = one("SELECT id FROM board_cards WHERE title = 'Show which places are free this month'");
  const cardUrl = `/o/demo/cards/${card}`;
  const gareth = await signedIn(demo.member);
  const tom = await signedIn(demo.facilitator);
  const ngozi = await signedIn(demo.partner);
  const priya = await signedIn(demo.finance);
  const anonymous = await visitorAs(server.url);

  let page = await gareth.get(cardUrl);
  assert.match(page.text, /There are no files on this card/);
  assert.match(page.text, new RegExp(`action="${cardUrl}/files" enctype="multipart/form-data"`));
  assert.doesNotMatch((await ngozi.get(cardUrl)).text, /Add a file/);

  // No file, then words that say they are a PDF: refused in plain words on the card's page.
  const none = await gareth.postMultipart(`${cardUrl}/files`, {}, {});
  assert.equal(none.status, 400);
  assert.match(none.text, /Choose a file to add/);
  assert.match(none.text, /govuk-error-summary/);
  const fake = await gareth.postMultipart(`${cardUrl}/files`, {}, { file: { filename: "guide.pdf", type: "application/pdf", data: "not a pdf" } });
  assert.equal(fake.status, 400);
  assert.match(fake.text, /govuk-error-message/);

  // A picture: listed with its kind and size, fetched by the board's people (an observer too) and nobody else.
  const png = readFileSync(`${root}/tests/integration/fixtures/about_me/tiny.png`);
  const added = await gareth.postMultipart(`${cardUrl}/files`, {}, { file: { filename: "tiny.png", type: "image/png", data: png } });
  assert.equal(added.status, 303, added.text.slice(0, 300));
  page = await gareth.get(cardUrl);
  assert.match(page.text, /The file has been added to the card/);
  const link = page.text.match(/<a class="govuk-link" href="(\/files\/[^"]+)">tiny\.png \(picture, [^)]+\)<\/a>/);
  assert.ok(link, "the file is not listed");
  assert.match(page.text, /Added a file: tiny\.png/);
  assert.equal((await gareth.get(link[1])).status, 200);
  assert.equal((await ngozi.get(link[1])).status, 200);
  assert.equal((await priya.get(link[1])).status, 404);
  assert.equal((await anonymous.get(link[1])).status, 404);

  // The board's CSV and its printed list say everything the card does, its words and its files by name: on paper
  // or in a spreadsheet there is no card page to open.
  const boardUrl = `/o/demo/boards/${one(`SELECT board_id FROM board_cards WHERE id = ${card}`)}`;
  const csv = await gareth.get(`${boardUrl}/cards.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.text.split("\r\n")[0], /,Description,Comments,Files$/);
  const row = csv.text.split("\r\n").find((line) => line.includes("Easy read booking guide"));
  assert.match(row, /A guide in easy read, in English and Welsh\.",\d+,tiny\.png$/);
  const printed = await gareth.get(`${boardUrl}/print`);
  assert.match(printed.text, /A guide in easy read, in English and Welsh\./);
  assert.match(printed.text, /Files: tiny\.png/);
  const welsh = await signedIn(demo.member);
  assert.equal((await welsh.post("/language", { lang: "cy", return_to: boardUrl })).status, 303);
  assert.match((await welsh.get(`${boardUrl}/cards.csv`)).text.split("\r\n")[0], /,Disgrifiad,Sylwadau,Ffeiliau$/);
  assert.match((await welsh.get(`${boardUrl}/print`)).text, /Ffeiliau: tiny\.png/);

  // Observers take nothing off; a file asked for under another card is 404; Tom, who runs the group, takes it off.
  const file = one(`SELECT id FROM board_card_attachments WHERE card_id = ${card}`);
  assert.equal((await ngozi.post(`${cardUrl}/files/${file}/remove`, {})).status, 404);
  assert.equal((await gareth.post(`/o/demo/cards/${other}/files/${file}/remove`, {})).status, 404);
  assert.equal((await tom.post(`${cardUrl}/files/${file}/remove`, {})).status, 303);
  assert.equal((await gareth.get(link[1])).status, 404);
  assert.equal(one(`SELECT COUNT(*) FROM board_card_attachments WHERE card_id = ${card}`), "0");
  assert.doesNotMatch((await gareth.get(`${boardUrl}/cards.csv`)).text, /tiny\.png/);
  assert.doesNotMatch((await gareth.get(`${boardUrl}/print`)).text, /Files:/);
});
