// The measures over HTTP: the authorisation matrix of every measures route; a group's dashboard shows the demo's
// figures (how many things people said got an answer, counted here from the tables themselves, and the board's closed
// decisions with their kept verdicts), by month as charts with a table, and as CSV; the organisation's dashboard adds
// up the groups the person may see; the group's home and the organisation's page link to them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName } from "./harness.mjs";
import { rows, measureIds, fill } from "./matrices/measures.mjs";

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
const number = (sql) => Number(one(sql));

/** Every contribution of every kind in the group, counted here from each module's table. */
function contributions(group) {
  return number(`SELECT COUNT(*) FROM (
    SELECT id FROM discussion_topics WHERE group_id = ${group}
    UNION ALL SELECT id FROM discussion_posts WHERE group_id = ${group} AND number > 1 AND deleted_at IS NULL AND hidden_at IS NULL
    UNION ALL SELECT id FROM meeting_agenda_items WHERE group_id = ${group}
    UNION ALL SELECT a.id FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id WHERE m.group_id = ${group}
    UNION ALL SELECT c.id FROM board_cards c JOIN boards b ON b.id = c.board_id WHERE b.group_id = ${group}
    UNION ALL SELECT id FROM decisions WHERE group_id = ${group}
    UNION ALL SELECT st.id FROM consensus_statements st JOIN consensus_conversations c ON c.id = st.conversation_id
      WHERE c.group_id = ${group} AND st.hidden_at IS NULL) x`);
}

test(`${backendName}: authorisation matrix — every measures route for every kind of visitor`, async () => {
  const ids = measureIds(server);
  const people = [];
  for (const [name, email] of visitors) people.push([name, await signedIn(email)]);
  const wrong = [];
  for (const [method, template, expected] of rows) {
    const path = fill(template, ids);
    for (let i = 0; i < people.length; i++) {
      const [name, v] = people[i];
      const res = await v.get(path);
      if (res.status !== expected[i]) wrong.push(`${method} ${path} as ${name}: ${res.status}, expected ${expected[i]}`);
      if (res.status === 404) assert.doesNotMatch(res.text, /things people said/, `${path} leaks figures to ${name}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test(`${backendName}: the board's measures show the demo's figures, by month, with a table and CSV`, async () => {
  const { BOARD } = measureIds(server);
  // The demo's data is all from the last few weeks, inside the 12 months.
  const said = contributions(BOARD);
  const answered = number(`SELECT COUNT(*) FROM loop_items WHERE group_id = ${BOARD}`);
  const closed = number(`SELECT COUNT(*) FROM decisions WHERE group_id = ${BOARD} AND closed_at IS NOT NULL`);
  const lived = number(`SELECT COUNT(*) FROM decisions WHERE group_id = ${BOARD} AND closed_at IS NOT NULL AND lived_took_part > 0`);
  const met = number(`SELECT COUNT(*) FROM decisions WHERE group_id = ${BOARD} AND closed_at IS NOT NULL AND rules_met = 1`);
  assert.ok(said > answered && answered > 0, `the demo has answered and unanswered contributions (${answered} of ${said})`);
  assert.ok(closed >= 2, "the demo has closed decisions");

  const gareth = await signedIn(demo.member);
  const page = await gareth.get(`/o/demo/groups/${BOARD}/measures`);
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`${answered} of ${said} things people said got an answer`));
  assert.match(page.text, /It took (less than a day|\d+ days?) to get the first answer, on average/);
  assert.match(page.text, new RegExp(`${lived} of ${closed} decisions had people with lived experience taking part`));
  assert.match(page.text, new RegExp(`${met} of ${closed} decisions kept to the group&#39;s rules`));
  // Four charts that say what they show, and the table of the same numbers.
  assert.equal((page.text.match(/<svg[^>]*role="img"/g) ?? []).length, 4);
  assert.match(page.text, /The numbers for each month/);
  assert.equal((page.text.match(/<th scope="row" class="govuk-table__header">/g) ?? []).length, 12);

  const csv = await gareth.get(`/o/demo/groups/${BOARD}/measures.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get("content-type"), /text\/csv/);
  assert.match(csv.headers.get("content-disposition"), new RegExp(`attachment; filename="group-${BOARD}-measures.csv"`));
  const lines = csv.text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  assert.equal(lines.length, 13);
  assert.match(lines[0], /^Month,Things people said,Got an answer,/);
  // The columns add up to the headline figures.
  const sum = (col) => lines.slice(1).reduce((n, line) => n + Number(line.split(",")[col]), 0);
  assert.equal(sum(1), said);
  assert.equal(sum(2), answered);
  assert.equal(sum(4), closed);
  assert.equal(sum(5), lived);
  assert.equal(sum(6), met);
  assert.match(lines[12], /^\d{4}-\d{2},/);

  // The group's home leads to it.
  const home = await gareth.get(`/o/demo/groups/${BOARD}`);
  assert.match(home.text, new RegExp(`href="/o/demo/groups/${BOARD}/measures"`));
});

test(`${backendName}: the organisation's measures add up the groups the person may see`, async () => {
  const ids = measureIds(server);
  const org = one("SELECT id FROM organisations WHERE slug = 'demo'");
  const tomId = one(`SELECT id FROM users WHERE email = '${demo.facilitator}'`);
  // Tom, a facilitator of the organisation: the groups the organisation sees and the members-only ones he is in.
  const tom = await signedIn(demo.facilitator);
  const his = number(`SELECT COUNT(*) FROM org_groups g WHERE g.org_id = ${org} AND (g.visibility <> 'members' OR
    EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = g.id AND gm.user_id = ${tomId}))`);
  const page = await tom.get("/o/demo/measures");
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`These numbers add up ${his} groups? you can see`));
  assert.match(page.text, /things people said got an answer/);
  // Siân, an organisation admin (she reads Welsh): every group of the organisation.
  const sian = await signedIn(demo.orgAdmin);
  const all = number(`SELECT COUNT(*) FROM org_groups WHERE org_id = ${org}`);
  const hers = await sian.get("/o/demo/measures");
  assert.equal(hers.status, 200);
  assert.match(hers.text, new RegExp(`Mae&#39;r rhifau hyn yn adio ${all} grŵp`));
  const csv = await sian.get("/o/demo/measures.csv");
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get("content-disposition"), /attachment; filename="demo-measures.csv"/);
  const lines = csv.text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  assert.equal(lines.length, 13);
  const said = lines.slice(1).reduce((n, line) => n + Number(line.split(",")[1]), 0);
  assert.ok(said >= contributions(ids.BOARD) + contributions(ids.STEERING));
  // The organisation's page links to it for its admins.
  const orgPage = await sian.get("/o/demo");
  assert.match(orgPage.text, /href="\/o\/demo\/measures"/);
  // Gareth, a member, does not get the organisation's dashboard.
  const gareth = await signedIn(demo.member);
  assert.equal((await gareth.get("/o/demo/measures")).status, 404);
});

test(`${backendName}: a new contribution, its first status and a decision closing show on the next view`, async () => {
  const { BOARD } = measureIds(server);
  const gareth = await signedIn(demo.member);
  const tom = await signedIn(demo.facilitator);
  const path = `/o/demo/groups/${BOARD}/measures`;
  const figures = async () => {
    const page = await gareth.get(path);
    assert.equal(page.status, 200);
    const said = page.text.match(/(\d+) of (\d+) things people said got an answer/);
    const decided = page.text.match(/(\d+) of (\d+) decisions had people with lived experience taking part/);
    return { answered: Number(said[1]), said: Number(said[2]), decisions: decided ? Number(decided[2]) : 0 };
  };
  const first = await figures();
  assert.deepEqual(await figures(), first, "the same figures twice");
  // A new topic in the board (as its module writes one: the topic and its first post, which is not a reply).
  const now = Math.floor(Date.now() / 1000);
  server.database.sql(`INSERT INTO discussion_topics (org_id, group_id, title, author_id, post_count, last_post_at,
    create_key, created_at) SELECT g.org_id, g.id, 'Measured next', u.id, 0, ${now}, 'measured-next', ${now}
    FROM org_groups g, users u WHERE g.id = ${BOARD} AND u.email = '${demo.member}'`);
  server.database.sql(`INSERT INTO discussion_posts (topic_id, group_id, number, author_id, body, create_key, created_at)
    SELECT id, group_id, 1, author_id, 'Can we measure this?', 'measured-next-1', ${now} FROM discussion_topics
    WHERE create_key = 'measured-next'`);
  const second = await figures();
  assert.deepEqual(second, { ...first, said: first.said + 1 });
  // Its first status, through the loop's form: it got an answer.
  const topic = one("SELECT id FROM discussion_topics WHERE create_key = 'measured-next'");
  const form = await tom.get(`/o/demo/loop/topic/${topic}/status`);
  assert.equal(form.status, 200);
  const key = form.text.match(/name="change_key" value="([^"]+)"/)[1];
  const saved = await tom.post(`/o/demo/loop/topic/${topic}/status`, {
    change_key: key, status: "under_way", detail: "", you_said: "Measured next",
  });
  assert.equal(saved.status, 303);
  const third = await figures();
  assert.deepEqual(third, { ...second, answered: second.answered + 1 });
  // A proposal closing (as the decisions module closes one, with its verdict kept).
  server.database.sql(`INSERT INTO decisions (org_id, group_id, title, body, process, eligibility, opens_at, closes_at,
    create_key, created_at, updated_at) SELECT org_id, id, 'Measured proposal', 'Words', 'simple_poll', 'members',
    ${now}, ${now}, 'measured-proposal', ${now}, ${now} FROM org_groups WHERE id = ${BOARD}`);
  const fourth = await figures();
  assert.deepEqual(fourth, { ...third, said: third.said + 1 });
  server.database.sql(`UPDATE decisions SET closed_at = ${now}, outcome = 'chosen', took_part = 1, lived_took_part = 1,
    rules_met = 1 WHERE create_key = 'measured-proposal'`);
  assert.deepEqual(await figures(), { ...fourth, decisions: fourth.decisions + 1 });
});
