// Closing the loop over HTTP, with the real SMTP sink: the authorisation matrix of every loop route; the lead
// facilitator says what happened next to a topic (errors in plain words with what was typed kept; the same form sent
// twice makes one change), and the topic's author and supporters are told, each once, in their own language, in the
// app and by email, but not the person who made the change; the topic's page, its timeline, the group's "You said, we
// did" (public for a public group only) and the author's "What happened to what I said" show it; a proposal's voters
// are told too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName } from "./harness.mjs";
import { rows, loopIds, fill } from "./matrices/loop.mjs";
import { startSmtpSink, plainText } from "./smtp.mjs";

let sink, server;
before(async () => {
  sink = await startSmtpSink();
  server = await startServer({ args: ["--smtp-url", sink.url] });
});
after(async () => {
  await server?.stop();
  await sink?.stop();
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
const idOf = (email) => one(`SELECT id FROM users WHERE email = '${email}'`);
const keyOf = (text) => text.match(/name="change_key" value="([^"]+)"/)[1];

test(`${backendName}: authorisation matrix — every loop route for every kind of visitor`, async () => {
  const ids = loopIds(server);
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
        assert.doesNotMatch(res.text, /evening|young carers|summer event/, `${path} leaks a title to ${name}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test(`${backendName}: the demo's statuses show on the topic, its timeline, the group's page and the author's list`, async () => {
  const ids = loopIds(server);
  const gareth = await signedIn(demo.member);
  const topic = await gareth.get(`/o/demo/topics/${ids.TOPIC}`);
  assert.equal(topic.status, 200);
  assert.match(topic.text, /Something changed because of this/);
  assert.match(topic.text, new RegExp(`href="/o/demo/loop/topic/${ids.TOPIC}"`));
  // Gareth does not run the board: no link to say what happened next.
  assert.doesNotMatch(topic.text, /\/status"/);
  const timeline = await gareth.get(`/o/demo/loop/topic/${ids.TOPIC}`);
  assert.match(timeline.text, /Board meetings now start at 6pm/);
  assert.match(timeline.text, /We asked everyone which times suit them/);
  const board = await gareth.get(`/o/demo/groups/${ids.BOARD}/you-said-we-did`);
  assert.match(board.text, /You said/);
  assert.match(board.text, /Could board meetings be in the evening, so carers can come\?/);
  // Gareth wrote the respite topic, which has a status in the demo.
  const mine = await gareth.get("/account/what-happened");
  assert.match(mine.text, /Booking respite: what went wrong for you\?/);
  const account = await gareth.get("/account");
  assert.match(account.text, /href="\/account\/what-happened"/);
  const home = await gareth.get(`/o/demo/groups/${ids.BOARD}`);
  assert.match(home.text, new RegExp(`href="/o/demo/groups/${ids.BOARD}/you-said-we-did"`));
});

test(`${backendName}: saying what happened next — plain errors with input kept, one change for a double submit, author and supporters told once`, async () => {
  const ids = loopIds(server);
  const tom = await signedIn(demo.facilitator);
  const path = `/o/demo/loop/topic/${ids.TOPIC}/status`;
  const form = await tom.get(path);
  assert.equal(form.status, 200);
  const key = keyOf(form.text);
  // "Changed" without what changed: the form comes back, with what was typed.
  const bad = await tom.post(path, { change_key: key, status: "changed", detail: "", you_said: "Evening meetings, please" });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Say what changed/);
  assert.match(bad.text, /Evening meetings, please/);
  // "Not now" until a day already gone.
  const past = await tom.post(path, {
    change_key: key, status: "not_now", "until-day": "1", "until-month": "1", "until-year": "2020", you_said: "x",
  });
  assert.equal(past.status, 400);
  assert.match(past.text, /must be after today/);

  const before = Number(count("loop_changes"));
  const noticesBefore = Number(count("notices WHERE kind = 'loop_status'"));
  const fields = { change_key: key, status: "changed", detail: "Meetings moved to 5.30pm", you_said: "Evening meetings, please" };
  const saved = await tom.post(path, fields);
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get("location"), `/o/demo/loop/topic/${ids.TOPIC}`);
  const again = await tom.post(path, fields);
  assert.equal(again.status, 303);
  assert.equal(Number(count("loop_changes")), before + 1);

  // Mair wrote it (and asked for it to be raised), Gareth said "me too": each told once; Tom made the change.
  const mair = idOf(demo.carer), gareth = idOf(demo.member), tomId = idOf(demo.facilitator);
  assert.equal(Number(count("notices WHERE kind = 'loop_status'")), noticesBefore + 2);
  assert.equal(count(`notices WHERE kind = 'loop_status' AND user_id = ${mair}`), "1");
  assert.equal(count(`notices WHERE kind = 'loop_status' AND user_id = ${gareth}`), "1");
  assert.equal(count(`notices WHERE kind = 'loop_status' AND user_id = ${tomId}`), "0");
  // Mair reads Welsh; Gareth English.
  const toMair = await sink.until(() => sink.to(demo.carer).find((m) => /Beth ddigwyddodd nesaf/.test(m)), "Mair's email");
  assert.match(plainText(toMair), /Meetings moved to 5.30pm/);
  assert.match(plainText(toMair), /i rywbeth ddywedoch chi/);
  const toGareth = await sink.until(() => sink.to(demo.member).find((m) => /What happened next/.test(m)), "Gareth's email");
  assert.match(plainText(toGareth), /something you supported/);
  assert.match(plainText(toGareth), new RegExp(`/o/demo/loop/topic/${ids.TOPIC}`));
  assert.equal(sink.to(demo.facilitator).filter((m) => /What happened next/.test(m)).length, 0);

  // The timeline has it, with who and when; the topic's page too; the group's page says "You said" in Tom's words.
  const timeline = await tom.get(`/o/demo/loop/topic/${ids.TOPIC}`);
  assert.match(timeline.text, /Meetings moved to 5.30pm/);
  assert.match(timeline.text, /Tom/);
  assert.match(timeline.text, /You said: Evening meetings, please/);
  const topicPage = await tom.get(`/o/demo/topics/${ids.TOPIC}`);
  assert.match(topicPage.text, /Meetings moved to 5.30pm/);
  assert.match(topicPage.text, new RegExp(`href="${path}"`));
  const board = await tom.get(`/o/demo/groups/${ids.BOARD}/you-said-we-did`);
  assert.match(board.text, /Evening meetings, please/);
  assert.match(board.text, /We changed something: Meetings moved to 5.30pm/);
  const mairPage = await (await signedIn(demo.carer)).get("/account/what-happened");
  assert.match(mairPage.text, /Can board meetings be in the evening\?/);
});

test(`${backendName}: a proposal's voters are told; a public group's page is public and names nobody`, async () => {
  const ids = loopIds(server);
  const tom = await signedIn(demo.facilitator);
  const path = `/o/demo/loop/proposal/${ids.POLL}/status`;
  // The proposal's page leads to its timeline, and its facilitator to the form that says what happened next; a
  // member sees only the timeline's link.
  const proposal = await tom.get(`/o/demo/decisions/${ids.POLL}`);
  assert.match(proposal.text, new RegExp(`href="/o/demo/loop/proposal/${ids.POLL}">See what happened because of this proposal`));
  assert.match(proposal.text, new RegExp(`href="${path}">Say what happened next`));
  const asMember = await (await signedIn(demo.member)).get(`/o/demo/decisions/${ids.POLL}`);
  assert.match(asMember.text, new RegExp(`href="/o/demo/loop/proposal/${ids.POLL}">`));
  assert.doesNotMatch(asMember.text, new RegExp(`href="${path}"`));
  const form = await tom.get(path);
  const voters = count(
    `(SELECT user_id FROM decision_voters WHERE decision_id = ${ids.POLL} UNION SELECT user_id FROM decision_responses WHERE decision_id = ${ids.POLL}) v WHERE user_id <> ${idOf(demo.facilitator)}`,
  );
  const before = Number(count("notices WHERE kind = 'loop_status'"));
  const saved = await tom.post(path, {
    change_key: keyOf(form.text), status: "decided_against", detail: "The venue was not accessible.", you_said: "Summer event",
  });
  assert.equal(saved.status, 303);
  assert.ok(Number(count("notices WHERE kind = 'loop_status'")) >= before + Number(voters));
  const timeline = await tom.get(`/o/demo/loop/proposal/${ids.POLL}`);
  assert.match(timeline.text, /We decided not to do it. Why: The venue was not accessible./);

  // The public project has no statuses yet: the public page says so, and links nowhere inside the organisation.
  const anon = await visitorAs(server.url, null);
  const pub = await anon.get(`/groups/demo/${ids.PUBLIC}/you-said-we-did`);
  assert.equal(pub.status, 200);
  assert.match(pub.text, /has not said yet/);
  assert.doesNotMatch(pub.text, /href="\/o\/demo\/loop/);
});

test(`${backendName}: every registered kind resolves for the group's people only — a reply, an agenda item, a meeting action`, async () => {
  const ids = loopIds(server);
  const reply = one(`SELECT id FROM discussion_posts WHERE topic_id = ${ids.TOPIC} AND number = 2`);
  const item = one(
    "SELECT MIN(i.id) FROM meeting_agenda_items i JOIN org_groups g ON g.id = i.group_id WHERE g.name = 'Carers Co-production Board'",
  );
  const action = one(
    "SELECT MIN(a.id) FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id JOIN org_groups g ON g.id = m.group_id WHERE g.name = 'Carers Co-production Board'",
  );
  const gareth = await signedIn(demo.member);
  const priya = await signedIn(demo.finance);
  for (const [kind, id, words] of [
    ["reply", reply, /Same for me. Evenings after 7pm work best/],
    ["agenda_item", item, /An item on a meeting&#39;s agenda/],
    ["meeting_action", action, /An action from a meeting/],
  ]) {
    const seen = await gareth.get(`/o/demo/loop/${kind}/${id}`);
    assert.equal(seen.status, 200, `${kind} ${id}`);
    assert.match(seen.text, words);
    assert.equal((await priya.get(`/o/demo/loop/${kind}/${id}`)).status, 404, `${kind} ${id} as Priya`);
  }
  // Gareth wrote the reply and Mair agreed with it: both told when Tom says what happened next.
  const tom = await signedIn(demo.facilitator);
  const path = `/o/demo/loop/reply/${reply}/status`;
  const form = await tom.get(path);
  const before = Number(count("notices WHERE kind = 'loop_status'"));
  const saved = await tom.post(path, {
    change_key: keyOf(form.text), status: "not_now", "until-day": "1", "until-month": "1", "until-year": "2099",
    detail: "After the new year", you_said: "Evenings after 7pm or Saturday mornings",
  });
  assert.equal(saved.status, 303);
  assert.equal(Number(count("notices WHERE kind = 'loop_status'")), before + 2);
  const timeline = await gareth.get(`/o/demo/loop/reply/${reply}`);
  assert.match(timeline.text, /Not now. We will look at it again by 1 January 2099. After the new year/);
});

test(`${backendName}: a reply, an agenda item and a meeting's action each lead to their timeline from their page`, async () => {
  const ids = loopIds(server);
  const reply = one(`SELECT id FROM discussion_posts WHERE topic_id = ${ids.TOPIC} AND number = 2`);
  const [item, itemMeeting] = one(
    "SELECT i.id, i.meeting_id FROM meeting_agenda_items i JOIN org_groups g ON g.id = i.group_id WHERE g.name = 'Carers Co-production Board' AND i.status = 'accepted' ORDER BY i.id LIMIT 1",
  ).split("|");
  const [action, actionMeeting] = one(
    "SELECT a.id, a.meeting_id FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id JOIN org_groups g ON g.id = m.group_id WHERE g.name = 'Carers Co-production Board' ORDER BY a.id LIMIT 1",
  ).split("|");
  const gareth = await signedIn(demo.member);
  const mair = await signedIn(demo.carer);
  const tom = await signedIn(demo.facilitator);
  // A reply: its author (Gareth) and the people who run the group (Tom) get the link; Mair, who did neither, does not.
  const replyLink = new RegExp(`<a class="govuk-link" href="/o/demo/loop/reply/${reply}">What happened next to this reply</a>`);
  assert.match((await gareth.get(`/o/demo/topics/${ids.TOPIC}`)).text, replyLink);
  assert.match((await tom.get(`/o/demo/topics/${ids.TOPIC}`)).text, replyLink);
  assert.doesNotMatch((await mair.get(`/o/demo/topics/${ids.TOPIC}`)).text, new RegExp(`/loop/reply/${reply}"`));
  // An accepted agenda item and an action: everyone who sees them, named by what they are.
  const agenda = await gareth.get(`/o/demo/meetings/${itemMeeting}/agenda`);
  assert.equal(agenda.status, 200);
  assert.match(agenda.text, new RegExp(`href="/o/demo/loop/agenda_item/${item}">What happened next: [^<]+</a>`));
  const minutes = await tom.get(`/o/demo/meetings/${actionMeeting}/minutes`);
  assert.equal(minutes.status, 200);
  assert.match(minutes.text, new RegExp(`href="/o/demo/loop/meeting_action/${action}">What happened next: [^<]+</a>`));
  // Each link leads to a timeline the person may read, which offers "Put it on the board" (issue #16: a reply or an
  // action has no page of its own, so this is where it can become a card), and the form it leads to names it.
  const board = one("SELECT id FROM boards WHERE title = 'Respite booking ideas'");
  for (const [v, kind, id] of [[gareth, "reply", reply], [gareth, "agenda_item", item], [tom, "meeting_action", action]]) {
    const timeline = await v.get(`/o/demo/loop/${kind}/${id}`);
    assert.equal(timeline.status, 200, `${kind} ${id}`);
    const offer = `/o/demo/boards/${board}/cards/new?from=${kind}-${id}`;
    assert.match(timeline.text, new RegExp(`<h2[^>]*>What was done with it</h2>[\\s\\S]*href="${offer.replace("?", "\\?")}">Put it on the board</a>`));
    const form = await v.get(offer);
    assert.equal(form.status, 200, offer);
  }
  // Observers (Ngozi) read a reply's timeline but add no cards, so they are not offered one.
  const ngozi = await signedIn(demo.partner);
  const watched = await ngozi.get(`/o/demo/loop/reply/${reply}`);
  assert.equal(watched.status, 200);
  assert.doesNotMatch(watched.text, /Put it on the board/);
  // A card's own timeline does not offer to put the card on a board.
  const card = one("SELECT id FROM board_cards WHERE title = 'Show which places are free this month'");
  const cardTimeline = await gareth.get(`/o/demo/loop/card/${card}`);
  assert.equal(cardTimeline.status, 200);
  assert.doesNotMatch(cardTimeline.text, /Put it on the board/);
});

test(`${backendName}: a board's card is a contribution too — its page leads to its timeline, and whoever gave it dots is told`, async () => {
  const card = one(
    "SELECT c.id FROM board_cards c JOIN boards b ON b.id = c.board_id WHERE b.title = 'Respite booking ideas' AND EXISTS (SELECT 1 FROM board_dots d WHERE d.card_id = c.id) ORDER BY c.id LIMIT 1",
  );
  const title = one(`SELECT title FROM board_cards WHERE id = ${card}`);
  const tom = await signedIn(demo.facilitator);
  const gareth = await signedIn(demo.member);
  // The card's page links to what happened to it; only the people who run the group are offered to say it.
  const forGareth = await gareth.get(`/o/demo/cards/${card}`);
  assert.match(forGareth.text, new RegExp(`href="/o/demo/loop/card/${card}">See what happened to this card`));
  assert.doesNotMatch(forGareth.text, new RegExp(`/o/demo/loop/card/${card}/status`));
  const forTom = await tom.get(`/o/demo/cards/${card}`);
  assert.match(forTom.text, new RegExp(`href="/o/demo/loop/card/${card}/status"`));
  assert.equal((await (await signedIn(demo.finance)).get(`/o/demo/loop/card/${card}`)).status, 404);

  const givers = count(`board_dots WHERE card_id = ${card} AND user_id <> ${idOf(demo.facilitator)}`);
  assert.ok(Number(givers) > 0, "the demo card has dots from someone other than Tom");
  const path = `/o/demo/loop/card/${card}/status`;
  const form = await tom.get(path);
  const before = Number(count("notices WHERE kind = 'loop_status'"));
  const saved = await tom.post(path, {
    change_key: keyOf(form.text), status: "under_way", detail: "Priya is asking the council", you_said: title,
  });
  assert.equal(saved.status, 303);
  assert.ok(Number(count("notices WHERE kind = 'loop_status'")) >= before + Number(givers));
  const timeline = await gareth.get(`/o/demo/loop/card/${card}`);
  assert.equal(timeline.status, 200);
  assert.match(timeline.text, /A card on a board/);
});
