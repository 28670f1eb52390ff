// Boards over HTTP: the authorisation matrix of every boards route; a facilitator starts a board (the same form sent
// twice makes one); a member adds a card (problems come back in plain words with what was typed kept; the same form
// twice makes one card), edits it with labels, people and a due date, and its Markdown shows without raw HTML; cards
// move up, down and to a list and position by plain POST forms that return to the card with a plain-words
// confirmation; an observer reads but cannot move; the card's history; archive and restore; a list with cards stays;
// dots within the budget (a clear message when out of dots) with results as a chart and table; the CSV escapes
// formulas; 40 concurrent moves leave every card in exactly one list at positions 1..n; and someone with the board
// open hears of each change on its live channel.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName } from "./harness.mjs";
import { rows, boardIds, fill } from "./matrices/boards.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const visitors = [
  ["anonymous", null],
  ["otherOrg", demo.otherOrgAdmin],
  ["member", demo.member],
  ["facilitator", demo.facilitator],
  ["finance", demo.finance],
  ["orgAdmin", demo.orgAdmin],
  ["platformAdmin", demo.platformAdmin],
];

const signedIn = (email) => visitorAs(server.url, email);
const one = (sql) => server.database.sql(sql).trim();
const count = (sql) => one(`SELECT COUNT(*) FROM ${sql}`);

test(`${backendName}: authorisation matrix — every boards route for every kind of visitor`, async () => {
  const ids = boardIds(server);
  const people = [];
  for (const [name, email] of visitors) people.push([name, await signedIn(email)]);
  const wrong = [];
  for (const [method, template, expected] of rows) {
    const path = fill(template, ids);
    for (let i = 0; i < people.length; i++) {
      const [name, v] = people[i];
      const res = method === "GET" ? await v.get(path) : await v.post(path, {});
      if (res.status !== expected[i]) wrong.push(`${method} ${path} as ${name}: ${res.status}, expected ${expected[i]}`);
      if (res.status === 404) {
        assert.doesNotMatch(res.text, /Respite booking|places are free/, `${path} leaks a title to ${name}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

/** Follows a 303 and returns the page it leads to. */
async function follow(visitor, res) {
  assert.equal(res.status, 303, res.text.slice(0, 400));
  return visitor.get(res.headers.get("location").replace(/#.*$/, ""));
}

test(`${backendName}: start a board, add, edit, move, archive and restore cards, dots, results and CSV`, async () => {
  const ids = boardIds(server);
  const tom = await signedIn(demo.facilitator);
  const gareth = await signedIn(demo.member);
  const ngozi = await signedIn(demo.partner);
  const boardsUrl = `/o/demo/groups/${ids.GROUP}/boards`;

  // Tom starts a board; the same form twice makes one.
  const list = await tom.get(boardsUrl);
  assert.match(list.text, /Respite booking ideas/);
  const key = list.text.match(/name="create_key" value="([^"]+)"/)[1];
  const noName = await tom.post(boardsUrl, { create_key: key, title: "", purpose: "Kept words" });
  assert.equal(noName.status, 400);
  assert.match(noName.text, /Enter a name/);
  assert.match(noName.text, /Kept words/);
  const made = await tom.post(boardsUrl, { create_key: key, title: "Summer event plans", purpose: "What we do" });
  assert.equal(made.status, 303);
  const again = await tom.post(boardsUrl, { create_key: key, title: "Summer event plans", purpose: "What we do" });
  assert.equal(again.headers.get("location"), made.headers.get("location"));
  assert.equal(count("boards WHERE title = 'Summer event plans'"), "1");
  const board = one("SELECT id FROM boards WHERE title = 'Summer event plans'");
  const boardUrl = `/o/demo/boards/${board}`;
  const lists = one(`SELECT id FROM board_lists WHERE board_id = ${board} ORDER BY position`).split("\n");
  assert.equal(lists.length, 3);
  // Gareth is a member: he cannot start boards or change the board's settings.
  assert.equal((await gareth.post(boardsUrl, { title: "Mine" })).status, 404);
  assert.equal((await gareth.get(`${boardUrl}/settings`)).status, 404);

  // Tom adds a label.
  const label = await tom.post(`${boardUrl}/labels`, { name: "Urgent", colour: "red" });
  assert.equal(label.status, 303);
  const labelId = one(`SELECT id FROM board_labels WHERE board_id = ${board}`);

  // Gareth adds a card with the full form: problems in plain words, what he typed kept.
  const form = await gareth.get(`${boardUrl}/cards/new?list=${lists[0]}`);
  assert.equal(form.status, 200);
  const cardKey = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const fields = {
    create_key: cardKey, list: lists[0], title: "Book a hall", description: "We need **a big room**.\n\n<script>alert(1)</script>",
    "due-day": "31", "due-month": "2", "due-year": "2027",
  };
  const bad = await gareth.post(`${boardUrl}/cards`, fields);
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Enter a real date/);
  assert.match(bad.text, /value="Book a hall"/);
  fields["due-day"] = "28";
  const added = await gareth.post(`${boardUrl}/cards`, fields);
  assert.equal(added.status, 303);
  assert.match(added.headers.get("location"), new RegExp(`^/o/demo/boards/${board}#card-\\d+$`));
  const twice = await gareth.post(`${boardUrl}/cards`, fields);
  assert.equal(twice.headers.get("location"), added.headers.get("location"));
  assert.equal(count(`board_cards WHERE board_id = ${board}`), "1");
  const hall = one("SELECT id FROM board_cards WHERE title = 'Book a hall'");
  const shown = await follow(gareth, added);
  assert.match(shown.text, /Added &#39;Book a hall&#39; to &#39;Ideas&#39;|Added 'Book a hall' to 'Ideas'/);

  // The card's page: Markdown shown, raw HTML never.
  const page = await gareth.get(`/o/demo/cards/${hall}`);
  assert.match(page.text, /<strong>a big room<\/strong>/);
  assert.doesNotMatch(page.text, /<script>alert/);
  assert.match(page.text, /28 February 2027/);

  // Edit: a label and a person (Gareth himself), kept.
  const gid = one(`SELECT id FROM users WHERE email = '${demo.member}'`);
  const edited = await gareth.postPairs(`/o/demo/cards/${hall}/edit`, [
    ["title", "Book a hall for the summer event"], ["description", "A big room"], ["labels", labelId], ["people", gid],
    ["due-day", ""], ["due-month", ""], ["due-year", ""],
  ]);
  assert.equal(edited.status, 303);
  assert.equal(count(`board_card_labels WHERE card_id = ${hall}`), "1");
  assert.equal(count(`board_card_people WHERE card_id = ${hall}`), "1");

  // Two more cards, then moves by plain forms.
  for (const title of ["Find volunteers", "Print posters"]) {
    const r = await gareth.post(`${boardUrl}/cards`, { create_key: `k-${title}`, list: lists[0], title });
    assert.equal(r.status, 303);
  }
  const posters = one("SELECT id FROM board_cards WHERE title = 'Print posters'");
  const up = await gareth.post(`/o/demo/cards/${posters}/move`, { direction: "up" });
  // Back to the card on its list's own page, where the buttons are.
  assert.equal(up.headers.get("location"), `${boardUrl}/lists/${lists[0]}#card-${posters}`);
  const afterUp = await follow(gareth, up);
  assert.match(afterUp.text, /Moved (&#39;|')Print posters(&#39;|') to (&#39;|')Ideas(&#39;|'), position 2/);
  assert.match(afterUp.text, new RegExp(`id="card-${posters}"`));
  assert.match(afterUp.text, /<h1[^>]*>\s*(<span[^>]*>[^<]*<\/span>\s*)?Ideas/);
  assert.match(afterUp.text, new RegExp(`action="/o/demo/cards/${posters}/move"`));
  // On a list's page, a card's "Move to another list or position" is a link to the form on its own page.
  assert.match(afterUp.text, new RegExp(`href="/o/demo/cards/${posters}#move">Move to another list or position`));
  const cardPage = await gareth.get(`/o/demo/cards/${posters}`);
  assert.match(cardPage.text, /<h2 id="move" class="govuk-heading-m">Move the card<\/h2>/);
  // The board itself shows every card without the buttons, and links each list to its page.
  const whole = await gareth.get(boardUrl);
  assert.match(whole.text, /Print posters/);
  assert.doesNotMatch(whole.text, /Move up/);
  assert.doesNotMatch(whole.text, /\/move"/);
  assert.match(whole.text, new RegExp(`href="${boardUrl}/lists/${lists[0]}">Move cards or give dots in Ideas`));
  // A list of another board, or none, is not found.
  const otherList = one(`SELECT MIN(id) FROM board_lists WHERE board_id <> ${board}`);
  assert.equal((await gareth.get(`${boardUrl}/lists/${otherList}`)).status, 404);
  assert.equal((await gareth.get(`${boardUrl}/lists/999999`)).status, 404);
  assert.equal((await gareth.get(`${boardUrl}/lists/x`)).status, 404);
  const moved = await gareth.post(`/o/demo/cards/${posters}/move`, { list: lists[1], position: "1" });
  assert.equal(moved.headers.get("location"), `${boardUrl}/lists/${lists[1]}#card-${posters}`);
  const afterMove = await follow(gareth, moved);
  assert.match(afterMove.text, /Moved (&#39;|')Print posters(&#39;|') to (&#39;|')Doing(&#39;|'), position 1/);
  const notNumber = await gareth.post(`/o/demo/cards/${posters}/move`, { list: lists[0], position: "first" });
  assert.equal(notNumber.status, 400);
  assert.match(notNumber.text, /Enter a position as a number/);
  assert.equal(one(`SELECT position FROM board_cards WHERE id = ${hall}`), "1");
  assert.equal(one(`SELECT list_id FROM board_cards WHERE id = ${posters}`), lists[1]);
  const history = await gareth.get(`/o/demo/cards/${posters}`);
  assert.match(history.text, /Moved it to Doing, position 1/);
  assert.match(history.text, /Added the card/);

  // Ngozi observes: she reads the board, without the forms, and cannot move cards.
  const read = await ngozi.get(boardUrl);
  assert.equal(read.status, 200);
  assert.match(read.text, /Print posters/);
  assert.doesNotMatch(read.text, /Move up/);
  assert.doesNotMatch(read.text, /Move cards/);
  const readList = await ngozi.get(`${boardUrl}/lists/${lists[1]}`);
  assert.equal(readList.status, 200);
  assert.match(readList.text, /Print posters/);
  assert.doesNotMatch(readList.text, /Move up|Give a dot|action="[^"]*\/(move|dots|cards)"/);
  assert.equal((await ngozi.post(`/o/demo/cards/${posters}/move`, { direction: "up" })).status, 404);

  // A list with cards stays; an empty list goes.
  const keep = await tom.post(`${boardUrl}/lists/${lists[1]}/remove`, {});
  assert.equal(keep.status, 400);
  assert.match(keep.text, /This list still has cards in it/);
  assert.equal((await tom.post(`${boardUrl}/lists/${lists[2]}/remove`, {})).status, 303);
  assert.equal(count(`board_lists WHERE board_id = ${board}`), "2");

  // Archive and restore: the gap closes and the card comes back at the end.
  assert.equal((await gareth.post(`/o/demo/cards/${hall}/archive`, {})).status, 303);
  assert.equal(one(`SELECT position FROM board_cards WHERE title = 'Find volunteers'`), "1");
  assert.equal((await gareth.post(`/o/demo/cards/${hall}/restore`, {})).status, 303);
  assert.equal(one(`SELECT position FROM board_cards WHERE id = ${hall}`), "2");

  // Dots: five each by default; the sixth is refused in plain words.
  for (let i = 0; i < 5; i++) {
    assert.equal((await gareth.post(`/o/demo/cards/${hall}/dots`, { change: "give" })).status, 303);
  }
  const sixth = await follow(gareth, await gareth.post(`/o/demo/cards/${posters}/dots`, { change: "give" }));
  assert.match(sixth.text, /You have no dots left/);
  assert.equal(one(`SELECT SUM(dots) FROM board_dots WHERE board_id = ${board}`), "5");
  assert.equal((await gareth.post(`/o/demo/cards/${hall}/dots`, { change: "take" })).status, 303);
  assert.equal(one(`SELECT dots FROM board_dots WHERE card_id = ${hall}`), "4");
  const results = await gareth.get(`${boardUrl}/results`);
  assert.match(results.text, /<svg[^>]*role="img"/);
  assert.match(results.text, /Book a hall for the summer event: 4 dots/);
  assert.match(results.text, /<table/);
  const sorted = await gareth.get(`${boardUrl}?sort=dots&mine=yes`);
  assert.equal(sorted.status, 200);
  assert.match(sorted.text, /Book a hall for the summer event/);
  assert.doesNotMatch(sorted.text, /Find volunteers<\/a>/);

  // The CSV: formulas are not run by a spreadsheet.
  await gareth.post(`${boardUrl}/cards`, { create_key: "k-formula", list: lists[0], title: "=HYPERLINK(\"x\")" });
  const csv = await gareth.get(`${boardUrl}/cards.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get("content-type"), /text\/csv/);
  assert.match(csv.text, /'=HYPERLINK/);
  assert.match(csv.text, /Book a hall for the summer event/);
  const printable = await gareth.get(`${boardUrl}/print`);
  assert.match(printable.text, /Find volunteers/);

  // Tom archives the board: it reads, but nothing changes; he restores it.
  assert.equal((await tom.post(`${boardUrl}/archive`, {})).status, 303);
  assert.equal((await gareth.post(`/o/demo/cards/${hall}/move`, { direction: "down" })).status, 404);
  assert.equal((await tom.post(`${boardUrl}/restore`, {})).status, 303);
});

test(`${backendName}: a decision goes on the group's board from its own page, and its page then links to the card`, async () => {
  const ids = boardIds(server);
  const decision = one("SELECT id FROM decisions WHERE title = 'Hold board meetings in the early evening'");
  const gareth = await signedIn(demo.member);
  const ngozi = await signedIn(demo.partner);

  // Under "What happened next", Gareth (a member) is offered the group's board; Ngozi (an observer) is not.
  const page = await gareth.get(`/o/demo/decisions/${decision}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /You can put this on the board “Respite booking ideas”/);
  const link = page.text.match(/href="(\/o\/demo\/boards\/\d+\/cards\/new\?from=proposal-\d+)"/)[1];
  assert.equal(link, `/o/demo/boards/${ids.BOARD}/cards/new?from=proposal-${decision}`);
  assert.doesNotMatch((await ngozi.get(`/o/demo/decisions/${decision}`)).text, /You can put this on the board/);

  const form = await gareth.get(link);
  assert.equal(form.status, 200);
  assert.match(form.text, /This card will link to where it came from/);
  assert.match(form.text, /Hold board meetings in the early evening/);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const made = await gareth.post(`/o/demo/boards/${ids.BOARD}/cards`, { create_key: key, from: `proposal-${decision}`, title: "Try evening meetings from March" });
  assert.equal(made.status, 303);
  const card = one(`SELECT id FROM board_cards WHERE source_kind = 'proposal' AND source_id = ${decision}`);
  assert.ok(card, "the card links to the decision");

  // The decision's page now says so, with a link to the card, for everyone who reads it (Ngozi too).
  const after = await ngozi.get(`/o/demo/decisions/${decision}`);
  assert.match(after.text, /Put on the board “Respite booking ideas” as a card on/);
  assert.match(after.text, new RegExp(`href="/o/demo/cards/${card}">See the card`));
  assert.match((await ngozi.get(`/o/demo/cards/${card}`)).text, new RegExp(`href="/o/demo/decisions/${decision}">Hold board meetings in the early evening`));
});

test(`${backendName}: a topic goes on the group's board as a card that links back to it, for those who may see both`, async () => {
  const ids = boardIds(server);
  const topic = one("SELECT id FROM discussion_topics WHERE title = 'Booking respite: what went wrong for you?'");
  const elsewhere = one("SELECT id FROM discussion_topics WHERE title = 'What should the strategy say about young carers?'");
  const gareth = await signedIn(demo.member);
  const ngozi = await signedIn(demo.partner);
  const tom = await signedIn(demo.facilitator);

  // On the topic, Gareth (a member) is offered the group's board; Ngozi (an observer) reads the topic but is not.
  const page = await gareth.get(`/o/demo/topics/${topic}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /You can put this on the board “Respite booking ideas”/);
  const link = page.text.match(/href="(\/o\/demo\/boards\/\d+\/cards\/new\?from=topic-\d+)"/)[1].replace(/&amp;/g, "&");
  assert.equal(link, `/o/demo/boards/${ids.BOARD}/cards/new?from=topic-${topic}`);
  assert.doesNotMatch((await ngozi.get(`/o/demo/topics/${topic}`)).text, /You can put this on the board/);

  // The form says where the card comes from and starts with the topic's title.
  const form = await gareth.get(link);
  assert.equal(form.status, 200);
  assert.match(form.text, /This card will link to where it came from\. A discussion topic: “Booking respite: what went wrong for you\?”/);
  assert.match(form.text, /name="title" type="text" value="Booking respite: what went wrong for you\?"|value="Booking respite: what went wrong for you\?"/);
  assert.match(form.text, new RegExp(`name="from" value="topic-${topic}"`));
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];

  // A problem keeps where it comes from; then the card is made once, linking back.
  const empty = await gareth.post(`/o/demo/boards/${ids.BOARD}/cards`, { create_key: key, from: `topic-${topic}`, title: "" });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /This card will link to where it came from/);
  assert.match(empty.text, new RegExp(`name="from" value="topic-${topic}"`));
  const fields = { create_key: key, from: `topic-${topic}`, title: "Booking respite should take one phone call" };
  const made = await gareth.post(`/o/demo/boards/${ids.BOARD}/cards`, fields);
  assert.equal(made.status, 303);
  await gareth.post(`/o/demo/boards/${ids.BOARD}/cards`, fields);
  assert.equal(count(`board_cards WHERE source_kind = 'topic' AND source_id = ${topic}`), "1");
  const card = one(`SELECT id FROM board_cards WHERE source_kind = 'topic' AND source_id = ${topic}`);
  const cardPage = await ngozi.get(`/o/demo/cards/${card}`);
  assert.match(cardPage.text, /Came from/);
  assert.match(cardPage.text, new RegExp(`A discussion topic: <a class="govuk-link" href="/o/demo/topics/${topic}">Booking respite: what went wrong for you\\?</a>`));

  // The topic now says it is on the board, with a link to the card, for everyone who sees the topic.
  const after = await ngozi.get(`/o/demo/topics/${topic}`);
  assert.match(after.text, /Put on the board “Respite booking ideas” as a card on/);
  assert.match(after.text, new RegExp(`href="/o/demo/cards/${card}"`));

  // A topic of another group (Tom leads both), one that does not exist, or words that are not a source: 404.
  assert.equal((await tom.get(`/o/demo/boards/${ids.BOARD}/cards/new?from=topic-${elsewhere}`)).status, 404);
  assert.equal((await tom.get(`/o/demo/boards/${ids.BOARD}/cards/new?from=topic-999999`)).status, 404);
  assert.equal((await tom.get(`/o/demo/boards/${ids.BOARD}/cards/new?from=nothing`)).status, 404);
  assert.equal((await tom.get(`/o/demo/boards/${ids.BOARD}/cards/new?from=no_such_kind-1`)).status, 404);
  const tomKey = (await tom.get(`/o/demo/boards/${ids.BOARD}/cards/new`)).text.match(/name="create_key" value="([^"]+)"/)[1];
  const sneaky = await tom.post(`/o/demo/boards/${ids.BOARD}/cards`, { create_key: tomKey, from: `topic-${elsewhere}`, title: "From elsewhere" });
  assert.equal(sneaky.status, 404);
  assert.equal(count("board_cards WHERE title = 'From elsewhere'"), "0");

  // Once the topic is deleted, the card says so without naming it.
  server.database.sql(`UPDATE board_cards SET source_id = 999999 WHERE id = ${card}`);
  const gone = await gareth.get(`/o/demo/cards/${card}`);
  assert.match(gone.text, /Something that was deleted, or that you cannot see/);
  assert.doesNotMatch(gone.text, /href="\/o\/demo\/topics\/999999"/);
});

test(`${backendName}: 40 concurrent moves leave every card in one list at positions 1..n`, async () => {
  const ids = boardIds(server);
  const tom = await signedIn(demo.facilitator);
  const movers = [tom, await signedIn(demo.member), await signedIn(demo.carer), await signedIn(demo.orgAdmin)];
  const boardsUrl = `/o/demo/groups/${ids.GROUP}/boards`;
  const made = await tom.post(boardsUrl, { create_key: "race-board", title: "Race board" });
  assert.equal(made.status, 303);
  const board = one("SELECT id FROM boards WHERE title = 'Race board'");
  const lists = one(`SELECT id FROM board_lists WHERE board_id = ${board} ORDER BY position`).split("\n");
  for (let i = 0; i < 12; i++) {
    const r = await tom.post(`/o/demo/boards/${board}/cards`, { create_key: `race-${i}`, list: lists[i % 3], title: `Card ${i}` });
    assert.equal(r.status, 303);
  }
  const cards = one(`SELECT id FROM board_cards WHERE board_id = ${board} ORDER BY id`).split("\n");
  assert.equal(cards.length, 12);
  // A fixed pseudo-random sequence, so a failure can be repeated.
  let seed = 7;
  const next = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const moves = [];
  for (let i = 0; i < 40; i++) {
    const who = movers[i % movers.length];
    const card = cards[next(cards.length)];
    const kind = next(3);
    const fields = kind === 0 ? { direction: "up" } : kind === 1 ? { direction: "down" }
      : { list: lists[next(lists.length)], position: String(1 + next(8)) };
    moves.push(who.post(`/o/demo/cards/${card}/move`, fields));
  }
  const answers = await Promise.all(moves);
  for (const a of answers) assert.equal(a.status, 303, a.text.slice(0, 300));
  const placed = one(`SELECT list_id, position FROM board_cards WHERE board_id = ${board} AND archived_at IS NULL ORDER BY list_id, position`)
    .split("\n").map((l) => l.split("|"));
  assert.equal(placed.length, 12);
  const byList = new Map();
  for (const [l, p] of placed) {
    assert.ok(lists.includes(l), `card in a list of another board: ${l}`);
    byList.set(l, [...(byList.get(l) ?? []), Number(p)]);
  }
  for (const [l, positions] of byList) {
    assert.deepEqual(positions, positions.map((_, i) => i + 1), `list ${l} has positions ${positions}`);
  }
});

/** Opens a board's live stream as this visitor and resolves with the first event that matches (or fails). */
async function firstEvent(v, path, match, start) {
  const controller = new AbortController();
  const res = await fetch(new URL(path, v.baseUrl), {
    redirect: "manual",
    signal: controller.signal,
    headers: { accept: "text/event-stream", cookie: v.cookieHeader() },
  });
  if (res.status !== 200) return { status: res.status };
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const events = [];
  const timer = setTimeout(() => controller.abort(), 10_000);
  let started = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const ev = { event: "message", data: "" };
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) ev.event = line.slice(6).trim();
          if (line.startsWith("data:")) ev.data += line.slice(5).trim();
        }
        events.push(ev);
        if (ev.event === "ready" && !started) {
          started = true;
          await start();
        }
        if (match(ev)) return { status: 200, event: ev, events };
      }
    }
  } catch {
    // Aborted: no matching event in time.
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return { status: 200, event: null, events };
}

test(`${backendName}: someone with the board open hears of a change on its live channel`, async () => {
  const ids = boardIds(server);
  const mair = await signedIn(demo.carer);
  const gareth = await signedIn(demo.member);
  const priya = await signedIn(demo.finance);
  const path = `/o/demo/boards/${ids.BOARD}/live`;
  const heard = await firstEvent(mair, path, (e) => e.event === "card", async () => {
    const moved = await gareth.post(`/o/demo/cards/${ids.CARD}/move`, { direction: "down" });
    assert.equal(moved.status, 303);
  });
  assert.equal(heard.status, 200);
  assert.ok(heard.event, `no card event: ${JSON.stringify(heard.events)}`);
  assert.deepEqual(JSON.parse(heard.event.data), { card: Number(ids.CARD) });
  // Someone outside the group learns nothing, not even that the board is there.
  assert.equal((await firstEvent(priya, path, () => true, async () => {})).status, 404);
});

// Boards per stage: in a project with stages, a board may be for one stage of its double diamond or for none; the
// group's boards are shown by stage, the project's stage now first, and the boards for no stage under their own
// heading. A group without stages offers no choice.
test(`${backendName}: a board for one stage of the project, shown by stage on the group's boards (and in Welsh)`, async () => {
  const ids = boardIds(server);
  const tom = await signedIn(demo.facilitator);
  const mair = await signedIn("mair@demo.example");
  const project = one("SELECT id FROM org_groups WHERE name = 'Booking respite made simple'");
  const boardsUrl = `/o/demo/groups/${project}/boards`;

  // The co-production board has no stages: its form asks for none.
  const plain = await tom.get(`/o/demo/groups/${ids.GROUP}/boards`);
  assert.doesNotMatch(plain.text, /name="stage"/);
  assert.doesNotMatch(plain.text, /the stage the project is at now/);

  // The project is at Define: the demo's board for Define is under it, marked as the stage now.
  const list = await tom.get(boardsUrl);
  assert.equal(list.status, 200);
  assert.match(list.text, /Which stage of the project is this board for\?/);
  assert.match(list.text, /The project is at the Define stage now/);
  assert.match(list.text, /Define: the stage the project is at now[\s\S]*The problems we heard/);
  const key = () => list.text.match(/name="create_key" value="([^"]+)"/)[1];
  const bad = await tom.post(boardsUrl, { create_key: key(), title: "Odd", stage: "purple" });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Choose a stage from the list, or No stage/);
  assert.equal(count("boards WHERE title = 'Odd'"), "0");

  const made = await tom.post(boardsUrl, { create_key: key(), title: "Trying the new form", stage: "deliver" });
  assert.equal(made.status, 303);
  const other = await tom.get(boardsUrl);
  const loose = await tom.post(boardsUrl, {
    create_key: other.text.match(/name="create_key" value="([^"]+)"/)[1], title: "Odds and ends", stage: "none",
  });
  assert.equal(loose.status, 303);
  assert.equal(one("SELECT stage FROM boards WHERE title = 'Trying the new form'"), "deliver");
  assert.equal(one("SELECT COUNT(*) FROM boards WHERE title = 'Odds and ends' AND stage IS NULL"), "1");

  // By stage: Define (now) first, then Deliver, then the boards for no stage.
  const shown = (await tom.get(boardsUrl)).text;
  const at = (words) => shown.indexOf(words);
  assert.ok(at("Define: the stage the project is at now") > 0);
  assert.ok(at("The problems we heard") > at("Define: the stage the project is at now"));
  assert.ok(at(">Deliver<") > at("The problems we heard"), "Deliver comes after the stage now");
  assert.ok(at("Trying the new form") > at(">Deliver<"));
  assert.ok(at("Boards for no stage") > at("Trying the new form"));
  assert.ok(at("Odds and ends") > at("Boards for no stage"));
  assert.equal(at(">Discover<"), -1, "a stage without boards has no heading");

  // The board says its stage; its settings change it.
  const board = one("SELECT id FROM boards WHERE title = 'Trying the new form'");
  assert.match((await tom.get(`/o/demo/boards/${board}`)).text, /This board is for the project&#39;s Deliver stage\.|This board is for the project's Deliver stage\./);
  const settings = await tom.get(`/o/demo/boards/${board}/settings`);
  assert.match(settings.text, /value="deliver" checked/);
  const saved = await tom.post(`/o/demo/boards/${board}/settings`, { title: "Trying the new form", purpose: "", budget: "5", stage: "discover" });
  assert.equal(saved.status, 303);
  assert.equal(one(`SELECT stage FROM boards WHERE id = ${board}`), "discover");
  const unset = await tom.post(`/o/demo/boards/${board}/settings`, { title: "Trying the new form", purpose: "", budget: "5", stage: "none" });
  assert.equal(unset.status, 303);
  assert.equal(one(`SELECT COUNT(*) FROM boards WHERE id = ${board} AND stage IS NULL`), "1");

  // Mair reads Welsh.
  const welsh = (await mair.get(boardsUrl)).text;
  assert.match(welsh, /Diffinio: y cam mae&#39;r prosiect arno nawr|Diffinio: y cam mae'r prosiect arno nawr/);
  assert.match(welsh, /Byrddau heb gam/);
  const demoBoard = one("SELECT id FROM boards WHERE title = 'The problems we heard'");
  assert.match((await mair.get(`/o/demo/boards/${demoBoard}`)).text, /Mae&#39;r bwrdd hwn ar gyfer cam Diffinio y prosiect\.|Mae'r bwrdd hwn ar gyfer cam Diffinio y prosiect\./);
});

// Dragging (web/js/board_drag.mjs) is offered only where every card shows in its place and only to people who may
// move cards: the page marks its cards and gives the words to say; the drop sends the card's own move form.
test(`${backendName}: the board and a list's page offer dragging only to people who move cards, on an unfiltered board`, async () => {
  const ids = boardIds(server);
  const gareth = await signedIn(demo.member);
  const ngozi = await signedIn(demo.partner);
  const boardUrl = `/o/demo/boards/${ids.BOARD}`;
  const board = await gareth.get(boardUrl);
  assert.match(board.text, /id="board-lists"[^>]* data-rt-board-drag data-rt-csrf="[^"]+"/);
  assert.match(board.text, /data-text-moved="Moved “\{card\}” to position \{position\} in “\{list\}”\."/);
  assert.match(board.text, /data-rt-list="\d+" data-rt-list-title="Doing"/);
  assert.match(board.text, new RegExp(`data-rt-card="${ids.CARD}"`));
  for (const filtered of ["?sort=dots", "?mine=yes"]) {
    const page = await gareth.get(boardUrl + filtered);
    assert.doesNotMatch(page.text, /data-rt-board-drag|data-rt-card=/, `no dragging on ${filtered}`);
  }
  const read = await ngozi.get(boardUrl);
  assert.equal(read.status, 200);
  assert.doesNotMatch(read.text, /data-rt-board-drag|data-rt-card=|data-rt-csrf/);
  // A list's page: its cards, and the board's other lists as links (places to drop a card at the end of one).
  const list = await gareth.get(`${boardUrl}/lists/${ids.LIST}`);
  assert.match(list.text, /data-rt-board-drag/);
  assert.match(list.text, /The board&#39;s other lists|The board's other lists/);
  assert.match(list.text, /data-rt-list-title="Done" data-rt-list-end><a class="govuk-link" href="\/o\/demo\/boards\/\d+\/lists\/\d+">/);
  // In Welsh, the words to say are Welsh.
  const mair = await signedIn("mair@demo.example");
  assert.match((await mair.get(boardUrl)).text, /data-text-moved="Wedi symud “\{card\}” i safle \{position\} yn “\{list\}”\."/);
});
