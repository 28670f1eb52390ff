// No GET route changes anything: every GET route of the route table (pages, files, assets, operations), asked for by
// every kind of visitor, runs no SQL statement that may change the database. Counted by SQLite itself
// (roundtable_db_writes_total on /metrics: statements sqlite3_stmt_readonly calls writes, other than audit entries,
// which record who looked at what). A new GET route is visited without being listed here. SQLite pass only: the
// counter is SQLite's, and the handlers run the same SQL on PostgreSQL.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { startServer, Visitor, demo, backendName, runCli } from "./harness.mjs";

if (backendName === "sqlite") {
  let server;
  const visitors = {};
  let values;
  before(async () => {
    server = await startServer();
    visitors.anonymous = new Visitor(server.url);
    for (const who of ["member", "facilitator", "orgAdmin", "platformAdmin"]) {
      visitors[who] = new Visitor(server.url);
      await visitors[who].signIn(demo[who]);
    }
    const gareth = server.database.sql(`SELECT id FROM users WHERE email = '${demo.member}'`);
    const item = server.database.sql(`SELECT MIN(id) FROM about_me_items WHERE user_id = ${gareth}`);
    const file = server.database.sql("SELECT public_id FROM uploads ORDER BY id LIMIT 1");
    // A value for each path parameter: pages that exist (and ones that do not, for the rest).
    values = { org: "demo", kind: "text", token: "not-a-real-token", public_id: file, file: "app.css", ref: "demo-1" };
    // Groups: the demo's co-production board, in which Gareth is a member and Tom its lead.
    values.group = server.database.sql("SELECT id FROM org_groups WHERE name = 'Carers Co-production Board'").trim();
    values.user = gareth;
    // Opportunities: the demo's open one in the newly-diagnosed project (public; Mair and Ngozi applied).
    values.opportunity = server.database
      .sql("SELECT id FROM opportunities WHERE title = 'Join the newly-diagnosed project: share your first six months'")
      .trim();
    // Meetings: the board's next meeting (Gareth replied; Tom runs it).
    values.meeting = server.database.sql("SELECT id FROM meetings WHERE title = 'Board meeting: next year''s plan'").trim();
    // "Find a time": the steering group's open poll (Tom runs it; Gareth is not in that group).
    values.poll = server.database.sql("SELECT id FROM meeting_time_polls WHERE closed_at IS NULL ORDER BY id LIMIT 1").trim();
    // Decisions: the board's closed consent decision (its record form is a GET; Tom runs the board).
    values.decision = server.database.sql("SELECT id FROM decisions WHERE title = 'Hold board meetings in the early evening'").trim();
    values.objection = server.database.sql("SELECT MIN(id) FROM decision_objections").trim();
    // Boards: the board's respite board and one of its cards (Gareth works on it; Tom runs it).
    values.board = server.database.sql("SELECT id FROM boards WHERE title = 'Respite booking ideas'").trim();
    values.card = server.database.sql("SELECT MIN(id) FROM board_cards").trim();
    // A comment on that card: Tom's (he may change or delete it; he and Siân may remove it).
    values.comment = server.database.sql(`SELECT MAX(id) FROM board_card_comments WHERE card_id = ${values.card}`).trim();
    values.list = server.database.sql(`SELECT MIN(id) FROM board_lists WHERE board_id = ${values.board}`).trim();
    // Consensus finder: the board's respite conversation (worked out afresh on the results page, never written) and
    // one of its statements.
    values.conversation = server.database.sql("SELECT id FROM consensus_conversations WHERE question = 'What matters most about respite care?'").trim();
    values.statement = server.database.sql("SELECT MIN(id) FROM consensus_statements").trim();
    values.idFor = (pattern) => (pattern.includes("/about-me/items/") ? item : gareth);
  });
  after(async () => {
    await server?.stop();
  });

  async function writes() {
    // Through a Visitor: it sends a GET again, as a browser would, when a kept-alive connection closed under it.
    const res = await new Visitor(server.url).get("/metrics");
    const m = res.text.match(/^roundtable_db_writes_total (\d+)$/m);
    assert.ok(m, "/metrics has no roundtable_db_writes_total");
    return Number(m[1]);
  }

  /** Waits until nothing in the background (housekeeping after start, mail) is writing. */
  async function quiet() {
    let last = await writes();
    for (let i = 0; i < 50; i++) {
      await sleep(200);
      const now = await writes();
      if (now === last) return;
      last = now;
    }
    assert.fail("the server kept writing on its own for 10 seconds");
  }

  test(`${backendName}: no GET route writes to the database, whoever asks`, async () => {
    const { stdout } = await runCli(["routes"]);
    const gets = stdout.trim().split("\n").map((l) => JSON.parse(l)).filter((r) => r.method === "GET");
    assert.ok(gets.length > 40, `only ${gets.length} GET routes listed`);
    await quiet();
    const wrote = [];
    let asked = 0;
    for (const r of gets) {
      const path = r.pattern.replace(/\{(\w+)\}/g, (_, name) => (name === "id" ? values.idFor(r.pattern) : values[name]));
      for (const [who, v] of Object.entries(visitors)) {
        // Twice if it seemed to write, so that a write from the background is not blamed on the page.
        for (let attempt = 0; attempt < 2; attempt++) {
          const before = await writes();
          const res = await v.get(path);
          const after = await writes();
          assert.ok(res.status < 500, `GET ${path} as ${who}: ${res.status}`);
          asked++;
          if (after === before) break;
          if (attempt === 1) wrote.push(`GET ${path} (${r.name}) as ${who}: ${after - before} writes`);
          await quiet();
        }
      }
    }
    assert.ok(asked >= gets.length * 5);
    assert.deepEqual(wrote, []);
  });

  test(`${backendName}: the write counter sees a POST that changes something`, async () => {
    // So the test above cannot pass because the counter counts nothing.
    await quiet();
    const before = await writes();
    const v = visitors.member;
    await v.get("/account/strengths");
    const res = await v.post("/account/strengths", { strengths: "Listening", interests: "walking" });
    assert.equal(res.status, 303);
    assert.ok((await writes()) > before, "saving a profile section counted no writes");
  });
}
