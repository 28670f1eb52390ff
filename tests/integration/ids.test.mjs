// Ids are never given out twice (issue #12 item 2): when the newest account is erased, the next person to join gets
// a new id, so the audit log never shows the erased person's "Account deleted" under the new person's name and the new
// person's data download holds nothing of the erased person's. Both databases.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";
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

const sql = (q) => server.database.sql(q);

/** Someone new joins "north" (open sign-up) through the emailed link; returns their signed-in visitor and id. */
async function joinNorth(name, email) {
  const v = new Visitor(server.url);
  await v.get("/o/north/join");
  const before = sink.messages().length;
  assert.equal((await v.post("/o/north/join", { name, email, lang: "en" })).status, 200);
  const [raw] = (await sink.waitFor(before + 1)).slice(before);
  const link = plainText(raw).match(/http:\/\/[^\s]+(\/invitations\/[A-Za-z0-9_-]+)/)[1];
  await v.get(link);
  const done = await v.post(link, { name, password: "slate quarry evening", confirm_password: "slate quarry evening", lang: "en", agree: "yes" });
  assert.equal(done.status, 303, `${name} joined`);
  return { v, id: Number(sql(`SELECT id FROM users WHERE email = '${email}'`)) };
}

/** The files of the person's data download (read with Python's zipfile). */
async function download(v) {
  await v.get("/account/data");
  const res = await fetch(new URL("/account/data/download", server.url), {
    method: "POST",
    redirect: "manual",
    headers: { cookie: v.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf_token: v.csrfToken }).toString(),
  });
  assert.equal(res.status, 200);
  const dir = mkdtempSync(join(tmpdir(), "rt-zip-"));
  try {
    const file = join(dir, "data.zip");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const out = execFileSync("/usr/bin/python3", ["-c", "import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read('data.json').decode())", file]);
    return JSON.parse(out.toString());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test(`${backendName}: the newest account is erased and the next person to join gets a new id, and none of the first person's history`, async () => {
  const aled = await joinNorth("Aled Rees", "aled@example.org");
  assert.equal(aled.id, Number(sql("SELECT max(id) FROM users")), "Aled has the highest id");
  // Aled makes consent decisions: rows in consents, and audit entries about them that outlive the account.
  await aled.v.get("/account/consent");
  assert.equal((await aled.v.post("/account/consent", { contact: "yes", public_use: "no" })).status, 303);
  const aledEntries = sql(`SELECT id FROM audit_log WHERE subject_user_id = ${aled.id}`).split("\n").filter(Boolean);
  assert.ok(aledEntries.length >= 2);
  await aled.v.get("/account/delete");
  const erased = await aled.v.post("/account/delete", { confirm: "yes", password: "slate quarry evening" });
  assert.equal(erased.status, 303);
  assert.equal(erased.headers.get("location"), "/account-deleted");
  assert.equal(sql(`SELECT count(*) FROM audit_log WHERE subject_user_id = ${aled.id} AND action = 'account_erased'`), "2");

  const bethan = await joinNorth("Bethan Morgan", "bethan@example.org");
  assert.notEqual(bethan.id, aled.id, "the erased account's id was given again");
  assert.ok(bethan.id > aled.id);

  // Bethan's download holds her own decisions only: none of Aled's consent rows or audit entries.
  const data = await download(bethan.v);
  assert.equal(data.tables.users.rows[0].email, "bethan@example.org");
  const consents = data.tables.consents.rows;
  assert.deepEqual(
    consents.map((r) => `${r.purpose}:${r.given}`),
    ["store_data:1"],
    "only the consent Bethan gave when she joined",
  );
  const audit = data.tables.audit_log.rows;
  assert.ok(audit.length >= 1);
  for (const row of audit) {
    assert.ok(!aledEntries.includes(String(row.id)), `Aled's audit entry ${row.id} is in Bethan's download`);
    assert.notEqual(row.action, "account_erased");
    assert.notEqual(row.action, "consent_changed");
  }

  // North's admin sees Aled's account deleted by a former member, and nothing of the kind under Bethan's name.
  const rhys = new Visitor(server.url);
  await rhys.signIn(demo.otherOrgAdmin);
  await rhys.post("/language", { lang: "en", return_to: "/" });
  const page = await rhys.get("/o/north/audit");
  assert.equal(page.status, 200);
  const rows = page.text.split("<tr").slice(1);
  const deleted = rows.filter((r) => /Account deleted/.test(r));
  assert.equal(deleted.length, 1);
  assert.match(deleted[0], /former member/i);
  assert.doesNotMatch(deleted[0], /Bethan/);
  assert.ok(rows.some((r) => /Bethan Morgan/.test(r)), "Bethan's own joining is there");
});
