// "Forgot your password?" answers the same, and does the same database work, whether or not the address has an
// account (issue #12 item 8): the same statements, the same number of writes and a committed write transaction
// (which syncs the file, the slow part) every time, so neither the page nor the time it takes tells who has an account.
// Both databases (the statement counters are SQLite's; the rows written are checked on both).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";

let server;
before(async () => {
  // No SMTP: no outbox worker runs statements in between.
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const counters = ["roundtable_db_statements_total", "roundtable_db_writes_total", "roundtable_db_commits_total"];

async function metrics() {
  if (backendName !== "sqlite") return {};
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const out = {};
  for (const name of counters) {
    const m = text.match(new RegExp(`^${name} (\\d+)$`, "m"));
    assert.ok(m, `/metrics has no ${name}`);
    out[name] = Number(m[1]);
  }
  return out;
}

/** Posts the form for email: the answer (the address itself taken out) and the database work it caused. */
async function ask(v, email) {
  const before = await metrics();
  const res = await v.post("/forgot-password", { email });
  const after = await metrics();
  const work = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
  return { status: res.status, page: res.text.replaceAll(email, "ADDRESS"), work };
}

test(`${backendName}: asking for a reset link does the same work and gets the same answer whether or not there is an account`, async () => {
  const count = (sql) => Number(server.database.sql(sql));
  const rows = () => [
    count("SELECT count(*) FROM password_resets"),
    count(`SELECT count(*) FROM mail_outbox WHERE to_address = '${demo.member}'`),
    count("SELECT count(*) FROM mail_outbox"),
    count("SELECT count(*) FROM password_reset_decoys"),
  ];
  const rowsBefore = rows();
  const v = new Visitor(server.url);
  await v.get("/forgot-password");
  await ask(v, "warm-up@example.org");
  const account = await ask(v, demo.member);
  const nobody = await ask(v, "nobody@example.org");
  // An account may be sent 3 links an hour: the 4th request sends nothing, and must not stand out either.
  await ask(v, demo.member);
  await ask(v, demo.member);
  const tooMany = await ask(v, demo.member);

  assert.equal(account.status, 200);
  assert.match(account.page, /If ADDRESS has a Roundtable account/);
  assert.equal(nobody.status, account.status);
  assert.equal(nobody.page, account.page, "the page is the same for an address with no account");
  assert.equal(tooMany.status, account.status);
  assert.equal(tooMany.page, account.page, "the page is the same when nothing more is sent");
  if (backendName === "sqlite") {
    assert.ok(account.work.roundtable_db_statements_total > 0);
    assert.ok(account.work.roundtable_db_writes_total > 0);
    assert.equal(account.work.roundtable_db_commits_total, 1, "one write transaction, committed");
    assert.deepEqual(nobody.work, account.work, "an address with no account and one with an account");
    assert.deepEqual(tooMany.work, account.work, "an account asking too often and one asking the first time");
  }

  // What was written: three links and emails for Gareth, stand-ins (with no address) for the rest.
  const added = rows().map((n, i) => n - rowsBefore[i]);
  assert.deepEqual(added, [3, 3, 3, 2 * 3], "reset links, emails to Gareth, emails, stand-ins (two a request)");
});
