// A big board over HTTP (ADR 0046): each list of the board's page shows its first five cards (in the board's order, or
// the five with the most dots when sorted by dots) and then a plain link "See all 8 cards in Ideas" to the list's own
// page, which has every card; a list of five or fewer looks as before, with no link; an archived card is not counted;
// a filter shows the first five matching cards; and the number of queries does not grow with the cards.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName } from "./harness.mjs";
import { boardIds } from "./matrices/boards.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const one = (sql) => server.database.sql(sql).trim();

/** The cards' titles shown in the list with this id on a board's page, in order. */
function titlesIn(html, listId) {
  const start = html.indexOf(`data-rt-list="${listId}"`);
  assert.ok(start >= 0, `list ${listId} is on the page`);
  const next = html.indexOf('class="rt-board-list"', start);
  const part = html.slice(start, next < 0 ? undefined : next);
  return [...part.matchAll(/<a class="govuk-link" href="\/o\/demo\/cards\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
}

/** The "See all" link of a list, as [href, words], or null. */
function seeAll(html, listId) {
  const m = html.match(new RegExp(`<a class="govuk-link" href="([^"]*/lists/${listId})">(See all [^<]*)</a>`));
  return m ? [m[1], m[2]] : null;
}

test(`${backendName}: a big list shows its first five cards and a link to all of them; a small one shows everything`, async () => {
  const ids = boardIds(server);
  const tom = await visitorAs(server.url, demo.facilitator);
  const gareth = await visitorAs(server.url, demo.member);
  const made = await tom.post(`/o/demo/groups/${ids.GROUP}/boards`, { create_key: "big-board", title: "Big board" });
  assert.equal(made.status, 303);
  const board = one("SELECT id FROM boards WHERE title = 'Big board'");
  const [ideas, doing, done] = one(`SELECT id FROM board_lists WHERE board_id = ${board} ORDER BY position`).split("\n");
  const url = `/o/demo/boards/${board}`;
  for (let i = 1; i <= 8; i++) {
    assert.equal((await tom.post(`${url}/cards`, { create_key: `big-${i}`, list: ideas, title: `Idea ${i}` })).status, 303);
  }
  for (let i = 1; i <= 2; i++) {
    assert.equal((await tom.post(`${url}/cards`, { create_key: `doing-${i}`, list: doing, title: `Doing ${i}` })).status, 303);
  }
  const cardId = (title) => one(`SELECT id FROM board_cards WHERE board_id = ${board} AND title = '${title}'`);

  // Ideas (8 cards): the first five in the board's order, the heading's count, and the link to the list's page.
  let page = await gareth.get(url);
  assert.equal(page.status, 200);
  assert.deepEqual(titlesIn(page.text, ideas), ["Idea 1", "Idea 2", "Idea 3", "Idea 4", "Idea 5"]);
  assert.match(page.text, /Ideas \(8 cards\)/);
  assert.deepEqual(seeAll(page.text, ideas), [`/o/demo/boards/${board}/lists/${ideas}`, "See all 8 cards in Ideas"]);
  // Doing (2 cards) and Done (none) look as before: every card, no link.
  assert.deepEqual(titlesIn(page.text, doing), ["Doing 1", "Doing 2"]);
  assert.equal(seeAll(page.text, doing), null);
  assert.equal(seeAll(page.text, done), null);
  assert.match(page.text, /There are no cards in this list/);

  // The link leads to every card of the list.
  const list = await gareth.get(`/o/demo/boards/${board}/lists/${ideas}`);
  assert.equal(list.status, 200);
  for (let i = 1; i <= 8; i++) assert.match(list.text, new RegExp(`>Idea ${i}</a>`));

  // In Welsh, the same link in Welsh.
  const welsh = await visitorAs(server.url, demo.member);
  assert.equal((await welsh.post("/language", { lang: "cy", return_to: url })).status, 303);
  assert.match((await welsh.get(url)).text, /Gweld y 8 cerdyn i gyd yn Ideas/);

  // Sorted by dots: the cards with the most dots first, even from the end of the list.
  assert.equal((await gareth.post(`/o/demo/cards/${cardId("Idea 8")}/dots`, { change: "give" })).status, 303);
  assert.equal((await gareth.post(`/o/demo/cards/${cardId("Idea 8")}/dots`, { change: "give" })).status, 303);
  assert.equal((await gareth.post(`/o/demo/cards/${cardId("Idea 7")}/dots`, { change: "give" })).status, 303);
  page = await gareth.get(`${url}?sort=dots`);
  assert.deepEqual(titlesIn(page.text, ideas), ["Idea 8", "Idea 7", "Idea 1", "Idea 2", "Idea 3"]);
  assert.match(page.text, /2 dots/);
  assert.deepEqual(seeAll(page.text, ideas)[1], "See all 8 cards in Ideas");
  assert.deepEqual(titlesIn(page.text, doing), ["Doing 1", "Doing 2"]);

  // An archived card leaves the list and its count; the next card takes its place.
  assert.equal((await tom.post(`/o/demo/cards/${cardId("Idea 2")}/archive`, {})).status, 303);
  page = await gareth.get(url);
  assert.deepEqual(titlesIn(page.text, ideas), ["Idea 1", "Idea 3", "Idea 4", "Idea 5", "Idea 6"]);
  assert.equal(seeAll(page.text, ideas)[1], "See all 7 cards in Ideas");

  // A card moved to a short list makes it long: Doing now has 6, shows 5 and links to the rest.
  for (const n of [3, 4, 5, 6]) {
    const moved = await tom.post(`/o/demo/cards/${cardId(`Idea ${n}`)}/move`, { list: doing, position: "9" });
    assert.equal(moved.status, 303);
  }
  page = await gareth.get(url);
  assert.deepEqual(titlesIn(page.text, doing), ["Doing 1", "Doing 2", "Idea 3", "Idea 4", "Idea 5"]);
  assert.equal(seeAll(page.text, doing)[1], "See all 6 cards in Doing");
  assert.deepEqual(titlesIn(page.text, ideas), ["Idea 1", "Idea 7", "Idea 8"]);
  assert.equal(seeAll(page.text, ideas), null);

  // A filter shows only matching cards (here none: nobody is on a card), and still the link to the whole list.
  page = await gareth.get(`${url}?mine=yes`);
  assert.match(page.text, /No cards in this list match the filters/);
  assert.deepEqual(titlesIn(page.text, doing), []);
  assert.equal(seeAll(page.text, doing)[1], "See all 6 cards in Doing");
});
