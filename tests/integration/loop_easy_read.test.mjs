// The easy-read "You said, we did" and "What happened to what I said" over HTTP (issue #15 item 6, ADR 0042): signed
// in for whoever may see the group, public only for a public group (404 otherwise, whoever asks), linked both ways
// with the standard pages; each entry says what was said (a topic's easy-read summary for the group's people, the
// group's "You said" for anyone else) and what happened in easy-read words, with a picture that has a text
// equivalent; the status form's easy-read sentence is kept, shown in place of the standard words, and refused in
// plain words when too long, with everything typed kept; in Welsh too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName } from "./harness.mjs";
import { loopIds } from "./matrices/loop.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const signedIn = (email) => visitorAs(server.url, email);
const keyOf = (text) => text.match(/name="change_key" value="([^"]+)"/)[1];
/** The page's words without markup, spaces squeezed (so a test reads what a person reads). */
const words = (html) =>
  html.replace(/<title>[\s\S]*?<\/title>/, "").replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");

test(`${backendName}: signed in — the group's page in easy read, linked both ways, with the topic's easy-read summary and the demo's easy-read words`, async () => {
  const ids = loopIds(server);
  const gareth = await signedIn(demo.member);
  const standard = await gareth.get(`/o/demo/groups/${ids.BOARD}/you-said-we-did`);
  assert.equal(standard.status, 200);
  assert.match(standard.text, new RegExp(`href="/o/demo/groups/${ids.BOARD}/you-said-we-did/easy-read"[^>]*>Easy read version<`));
  const easy = await gareth.get(`/o/demo/groups/${ids.BOARD}/you-said-we-did/easy-read`);
  assert.equal(easy.status, 200);
  assert.match(easy.text, /<h1[^>]*>[\s\S]*You said, we did: easy read/);
  assert.match(easy.text, new RegExp(`href="/o/demo/groups/${ids.BOARD}/you-said-we-did"[^>]*>Standard version<`));
  const text = words(easy.text);
  // The evening topic: its easy-read summary (Gareth is in the board), and the status's easy-read words in place
  // of the standard ones.
  assert.match(text, /You said: Mair asked if the board can meet in the evening or on a Saturday\./);
  assert.doesNotMatch(text, /Could board meetings be in the evening, so carers can come\?/);
  assert.match(text, /We did: We changed something: Board meetings start at 6 in the evening now\. There is food at the meeting\./);
  assert.doesNotMatch(text, /light supper/);
  // The respite topic has no easy-read words: the standard ones, after the easy-read status line.
  assert.match(text, /We are doing this now\. Your stories went to the respite project\./);
  // The young carers' topic (the steering group's) is not the board's.
  assert.doesNotMatch(text, /young carers/);
  // A picture beside each status, with its words as the text equivalent.
  assert.match(easy.text, /<svg class="rt-easy-read__icon rt-easy-read__icon--changed"[^>]*role="img"[^>]*><title>Changed<\/title>/);
  assert.match(easy.text, /<svg class="rt-easy-read__icon rt-easy-read__icon--under-way"[^>]*role="img"[^>]*><title>Under way<\/title>/);
  // Links to each timeline for the group's people.
  assert.match(easy.text, new RegExp(`href="/o/demo/loop/topic/${ids.TOPIC}"`));

  // Priya may see the board (the organisation sees it) but is not in it: the group's "You said", no summary, no links.
  const priya = await signedIn(demo.finance);
  const outside = await priya.get(`/o/demo/groups/${ids.BOARD}/you-said-we-did/easy-read`);
  assert.equal(outside.status, 200);
  assert.match(words(outside.text), /You said: Could board meetings be in the evening, so carers can come\?/);
  assert.doesNotMatch(outside.text, /Mair asked if the board/);
  assert.doesNotMatch(outside.text, /\/o\/demo\/loop\//);
  assert.match(words(outside.text), /Board meetings start at 6 in the evening now\./);
  // The members-only steering group: not for her, as on the standard page.
  assert.equal((await priya.get(`/o/demo/groups/${ids.STEERING}/you-said-we-did/easy-read`)).status, 404);
  assert.equal((await priya.get(`/o/demo/groups/999999/you-said-we-did/easy-read`)).status, 404);
});

test(`${backendName}: public — only for a public group, 404 for any other whoever asks, without the contributions' own words or links in`, async () => {
  const ids = loopIds(server);
  const anyone = await visitorAs(server.url);
  const gareth = await signedIn(demo.member);
  for (const v of [anyone, gareth]) {
    assert.equal((await v.get(`/groups/demo/${ids.BOARD}/you-said-we-did/easy-read`)).status, 404);
    assert.equal((await v.get(`/groups/demo/${ids.STEERING}/you-said-we-did/easy-read`)).status, 404);
    assert.equal((await v.get(`/groups/nowhere/${ids.PUBLIC}/you-said-we-did/easy-read`)).status, 404);
  }
  const empty = await anyone.get(`/groups/demo/${ids.PUBLIC}/you-said-we-did/easy-read`);
  assert.equal(empty.status, 200);
  assert.match(words(empty.text), /The group has not told us what it did yet\./);
  const standard = await anyone.get(`/groups/demo/${ids.PUBLIC}/you-said-we-did`);
  assert.match(standard.text, new RegExp(`href="/groups/demo/${ids.PUBLIC}/you-said-we-did/easy-read"`));

  // The board made public: anyone reads its easy-read page, with the group's "You said" (not the topic's summary,
  // written for the group's people) and no link into the organisation.
  server.database.sql(`UPDATE org_groups SET visibility = 'public' WHERE id = ${ids.BOARD}`);
  try {
    const open = await anyone.get(`/groups/demo/${ids.BOARD}/you-said-we-did/easy-read`);
    assert.equal(open.status, 200);
    const text = words(open.text);
    assert.match(text, /This group is part of /);
    assert.match(text, /You said: Could board meetings be in the evening, so carers can come\?/);
    assert.match(text, /We changed something: Board meetings start at 6 in the evening now\./);
    assert.doesNotMatch(open.text, /Mair asked if the board|\/o\/demo\//);
    assert.match(open.text, new RegExp(`href="/groups/demo/${ids.BOARD}/you-said-we-did"[^>]*>Standard version<`));
  } finally {
    server.database.sql(`UPDATE org_groups SET visibility = 'organisation' WHERE id = ${ids.BOARD}`);
  }
  assert.equal((await anyone.get(`/groups/demo/${ids.BOARD}/you-said-we-did/easy-read`)).status, 404);
});

test(`${backendName}: the status form's easy-read sentence — too long refused in plain words with everything kept, then shown instead of the standard words; none: the standard words`, async () => {
  const ids = loopIds(server);
  const tom = await signedIn(demo.facilitator);
  const path = `/o/demo/loop/topic/${ids.TOPIC}/status`;
  const form = await tom.get(path);
  assert.equal(form.status, 200);
  assert.match(form.text, /name="easy_read"/);
  assert.match(form.text, /Easy read version \(optional\)/);
  const key = keyOf(form.text);
  const long = "We have no money for this. ".repeat(20);
  const bad = await tom.post(path, {
    change_key: key, status: "decided_against", detail: "The budget for 2027 is already committed.", easy_read: long,
    you_said: "Evening meetings, please",
  });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /The easy read version must be 500 characters or fewer/);
  assert.match(bad.text, /href="#easy_read"/);
  assert.match(bad.text, /We have no money for this\. We have no money/);
  assert.match(bad.text, /The budget for 2027 is already committed\./);
  assert.match(bad.text, /Evening meetings, please/);
  assert.match(bad.text, /value="decided_against" checked/);

  const saved = await tom.post(path, {
    change_key: key, status: "decided_against", detail: "The budget for 2027 is already committed.",
    easy_read: "We have no money for this.\nWe can ask again next year.", you_said: "Evening meetings, please",
  });
  assert.equal(saved.status, 303);
  const timeline = await tom.get(`/o/demo/loop/topic/${ids.TOPIC}`);
  assert.match(words(timeline.text), /In easy read: We have no money for this\./);
  const gareth = await signedIn(demo.member);
  const easy = words((await gareth.get(`/o/demo/groups/${ids.BOARD}/you-said-we-did/easy-read`)).text);
  assert.match(easy, /We decided not to do this\. This is why: We have no money for this\. We can ask again next year\./);
  assert.doesNotMatch(easy, /already committed/);
  // The standard page keeps the standard words.
  const standard = words((await gareth.get(`/o/demo/groups/${ids.BOARD}/you-said-we-did`)).text);
  assert.match(standard, /The budget for 2027 is already committed\./);

  // "Not now" without an easy-read sentence: the month it will be looked at again, in easy read.
  const year = new Date().getUTCFullYear() + 2;
  const again = await tom.get(path);
  const later = await tom.post(path, {
    change_key: keyOf(again.text), status: "not_now", "until-day": "27", "until-month": "3", "until-year": String(year),
    you_said: "Evening meetings, please",
  });
  assert.equal(later.status, 303);
  const now = words((await gareth.get(`/o/demo/groups/${ids.BOARD}/you-said-we-did/easy-read`)).text);
  assert.match(now, new RegExp(`Not now\\. We will look at this again in March ${year}\\.`));
  assert.match((await gareth.get(`/o/demo/groups/${ids.BOARD}/you-said-we-did/easy-read`)).text, /<title>Not now<\/title>/);
});

test(`${backendName}: "What happened to what I said" in easy read, linked both ways, drawn the same way`, async () => {
  const gareth = await signedIn(demo.member);
  const standard = await gareth.get("/account/what-happened");
  assert.match(standard.text, /href="\/account\/what-happened\/easy-read"[^>]*>Easy read version</);
  const easy = await gareth.get("/account/what-happened/easy-read");
  assert.equal(easy.status, 200);
  assert.match(easy.text, /href="\/account\/what-happened"[^>]*>Standard version</);
  const text = words(easy.text);
  assert.match(text, /What happened to what I said: easy read/);
  // Gareth wrote the respite topic: its title (it has no easy-read summary), the group, and what happened.
  assert.match(text, /You said: Booking respite: what went wrong for you\?/);
  assert.match(text, /We are doing this now\. Your stories went to the respite project\./);
  assert.match(text, /Group: Carers Co-production Board/);
  assert.match(easy.text, /class="rt-easy-read__icon rt-easy-read__icon--under-way"/);
  assert.equal((await (await visitorAs(server.url)).get("/account/what-happened/easy-read")).status, 303);
});

test(`${backendName}: in Welsh — the easy-read page in the reader's language, the date's month in Welsh`, async () => {
  const ids = loopIds(server);
  // Mair reads Welsh; she is in the board, whose evening topic is "not now" since the test before this one.
  const mair = await signedIn(demo.carer);
  const easy = await mair.get(`/o/demo/groups/${ids.BOARD}/you-said-we-did/easy-read`);
  assert.equal(easy.status, 200);
  const text = words(easy.text);
  assert.match(text, /Dywedoch chi, fe wnaethon ni: hawdd ei ddeall/);
  assert.match(text, /Fersiwn safonol/);
  assert.match(text, /Dywedoch chi:/);
  assert.match(text, /Fe wnaethon ni:/);
  assert.match(text, /Dim nawr\. Byddwn ni'n edrych ar hyn eto ym mis Mawrth \d{4}\./);
  assert.match(easy.text, /<title>Dim nawr<\/title>/);
  assert.doesNotMatch(text, /The newest are at the top/);
  // Anyone choosing Welsh on a public page.
  const anyone = await visitorAs(server.url);
  assert.equal((await anyone.post("/language", { lang: "cy", return_to: "/" })).status, 303);
  const pub = await anyone.get(`/groups/demo/${ids.PUBLIC}/you-said-we-did/easy-read`);
  assert.equal(pub.status, 200);
  assert.match(words(pub.text), /Dydy'r grŵp ddim wedi dweud beth wnaeth e eto\./);
});
