// The consensus finder over HTTP: the authorisation matrix of every consensus route; a facilitator starts a
// conversation (problems in plain words with what was typed kept; the same form twice makes one); a member adds a
// statement (too long: refused with the words kept; the same form twice makes one), answers the next statement one at
// a time by plain POST forms and changes an answer; an observer reads but cannot answer; a facilitator hides a
// statement with a reason; the demo conversation's results show two clear groups, what they share and what divides
// them, with an accessible picture and tables and nobody's name.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName } from "./harness.mjs";
import { rows, consensusIds, fill } from "./matrices/consensus.mjs";

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

test(`${backendName}: authorisation matrix — every consensus route for every kind of visitor`, async () => {
  const ids = consensusIds(server);
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
        assert.doesNotMatch(res.text, /respite care|crisis point/, `${path} leaks a statement to ${name}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test(`${backendName}: start a conversation, add statements, answer one at a time, change, hide`, async () => {
  const ids = consensusIds(server);
  const tom = await signedIn(demo.facilitator);
  const gareth = await signedIn(demo.member);
  const ngozi = await signedIn(demo.partner);
  const listUrl = `/o/demo/groups/${ids.GROUP}/conversations`;

  // Tom starts a conversation; a question too long comes back with it kept; the same form twice makes one.
  const list = await tom.get(listUrl);
  assert.match(list.text, /What matters most about respite care\?/);
  const key = list.text.match(/name="create_key" value="([^"]+)"/)[1];
  const long = "Why ".repeat(51);
  const tooLong = await tom.post(listUrl, { create_key: key, question: long });
  assert.equal(tooLong.status, 400);
  assert.match(tooLong.text, /The question must be 200 characters or fewer/);
  assert.match(tooLong.text, /value="Why Why/);
  const made = await tom.post(listUrl, { create_key: key, question: "Where should we meet?" });
  assert.equal(made.status, 303);
  const again = await tom.post(listUrl, { create_key: key, question: "Where should we meet?" });
  assert.equal(again.headers.get("location"), made.headers.get("location"));
  assert.equal(count("consensus_conversations WHERE question = 'Where should we meet?'"), "1");
  const conversation = one("SELECT id FROM consensus_conversations WHERE question = 'Where should we meet?'");
  const url = `/o/demo/conversations/${conversation}`;
  // Gareth is a member: he does not start conversations.
  assert.equal((await gareth.post(listUrl, { question: "Mine" })).status, 404);

  // Gareth adds statements: one too long is refused with his words kept; the same form twice makes one.
  const page = await gareth.get(url);
  assert.equal(page.status, 200);
  assert.match(page.text, /There are no statements yet/);
  const statementKey = page.text.match(/name="create_key" value="([^"]+)"/)[1];
  const words = "A hall in town is easier to reach by bus than the centre out at the retail park, and it has a loop. ".repeat(2);
  const refused = await gareth.post(`${url}/statements`, { create_key: statementKey, statement: words });
  assert.equal(refused.status, 400);
  assert.match(refused.text, /The statement must be 140 characters or fewer/);
  assert.match(refused.text, /A hall in town is easier to reach by bus/);
  const added = await gareth.post(`${url}/statements`, { create_key: statementKey, statement: "Meet in town, near the bus station." });
  assert.equal(added.status, 303);
  const twice = await gareth.post(`${url}/statements`, { create_key: statementKey, statement: "Meet in town, near the bus station." });
  assert.equal(twice.status, 303);
  assert.equal(count(`consensus_statements WHERE conversation_id = ${conversation}`), "1");
  const second = await gareth.post(`${url}/statements`, { create_key: "second-key-123456", statement: "Meet online as well." });
  assert.equal(second.status, 303);
  const [first, other] = one(`SELECT id FROM consensus_statements WHERE conversation_id = ${conversation} ORDER BY id`).split("\n");

  // One at a time: the page shows the first statement not answered, with Agree, Disagree and Pass buttons.
  let shown = await gareth.get(url);
  assert.match(shown.text, /Statement 1 of 2/);
  assert.match(shown.text, new RegExp(`action="/o/demo/statements/${first}/answer"`));
  assert.match(shown.text, /value="agree" name="answer"/);
  const agreed = await gareth.post(`/o/demo/statements/${first}/answer`, { answer: "agree" });
  assert.equal(agreed.status, 303);
  assert.equal(agreed.headers.get("location"), url);
  shown = await gareth.get(url);
  assert.match(shown.text, /Your answer has been saved/);
  assert.match(shown.text, /Statement 2 of 2/);
  assert.match(shown.text, new RegExp(`action="/o/demo/statements/${other}/answer"`));
  // He changes his mind on the statement's own page: one answer, now disagree.
  const statementPage = await gareth.get(`/o/demo/statements/${first}`);
  assert.match(statementPage.text, /Your answer: Agree/);
  assert.equal((await gareth.post(`/o/demo/statements/${first}/answer`, { answer: "disagree" })).status, 303);
  assert.equal(one(`SELECT vote FROM consensus_votes WHERE statement_id = ${first}`), "-1");
  assert.equal(count(`consensus_votes WHERE statement_id = ${first}`), "1");
  // Nothing chosen: the statement comes back asking.
  const none = await gareth.post(`/o/demo/statements/${other}/answer`, {});
  assert.equal(none.status, 400);
  assert.match(none.text, /Choose agree, disagree or pass/);

  // Ngozi observes: she reads, with no buttons, and cannot answer.
  const read = await ngozi.get(url);
  assert.equal(read.status, 200);
  assert.doesNotMatch(read.text, /name="answer"/);
  assert.equal((await ngozi.post(`/o/demo/statements/${first}/answer`, { answer: "agree" })).status, 404);

  // Tom hides a statement: a reason is needed, and everyone sees it.
  assert.equal((await gareth.post(`/o/demo/statements/${other}/hide`, { reason: "No" })).status, 404);
  const noReason = await tom.post(`/o/demo/statements/${other}/hide`, { reason: "" });
  assert.equal(noReason.status, 400);
  assert.match(noReason.text, /Enter why you are hiding the statement/);
  assert.equal((await tom.post(`/o/demo/statements/${other}/hide`, { reason: "The same as another" })).status, 303);
  shown = await gareth.get(url);
  assert.match(shown.text, /Hidden by the facilitators: The same as another/);
  // Its words stay with the people who run the group.
  assert.doesNotMatch(shown.text, /Meet online as well/);
  const hiddenPage = await gareth.get(`/o/demo/statements/${other}`);
  assert.match(hiddenPage.text, /Hidden by the facilitators: The same as another/);
  assert.doesNotMatch(hiddenPage.text, /Meet online as well/);
  assert.match((await tom.get(`/o/demo/statements/${other}`)).text, /Meet online as well/);
  assert.equal((await gareth.post(`/o/demo/statements/${other}/answer`, { answer: "agree" })).status, 404);

  // Closed: no more answers; reopened: answers again.
  assert.equal((await tom.post(`${url}/close`, {})).status, 303);
  assert.equal((await gareth.post(`/o/demo/statements/${first}/answer`, { answer: "agree" })).status, 404);
  assert.equal((await tom.post(`${url}/reopen`, {})).status, 303);
  assert.equal((await gareth.post(`/o/demo/statements/${first}/answer`, { answer: "agree" })).status, 303);
});

test(`${backendName}: the demo conversation's results show two clear groups, anonymously`, async () => {
  const ids = consensusIds(server);
  const gareth = await signedIn(demo.member);
  const res = await gareth.get(`/o/demo/conversations/${ids.CONVERSATION}/results`);
  assert.equal(res.status, 200);
  assert.match(res.text, /2 groups of people voted in similar ways/);
  assert.match(res.text, /<svg class="rt-chart" role="img"/);
  assert.match(res.text, /<title id="opinion-map-title">/);
  assert.match(res.text, /Group A is drawn as circles: 2 people/);
  assert.match(res.text, /What every group agrees with/);
  assert.match(res.text, /Carers should hear about respite before they reach crisis point\./);
  assert.match(res.text, /Where the groups differ/);
  assert.match(res.text, /Carers should get the money and choose their own respite\./);
  // Nobody's name: the other three voters appear nowhere on the page.
  assert.doesNotMatch(res.text, /Mair|Siân|Tom Evans/);
  // Asked again with no new votes, the same answer.
  const again = await gareth.get(`/o/demo/conversations/${ids.CONVERSATION}/results`);
  assert.equal(again.text.match(/<svg[\s\S]*<\/svg>/)[0], res.text.match(/<svg[\s\S]*<\/svg>/)[0]);
});
