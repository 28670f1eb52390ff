// Data rights from the browser's side: download everything as a zip (readable HTML and JSON), and delete the
// account (sessions end, sign-in stops working, the audit log shows "former member"). Both databases.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, Visitor, demo, demoPassword, backendName } from "./harness.mjs";
import { startSmtpSink, plainText, subject } from "./smtp.mjs";

let server, sink;
before(async () => {
  sink = await startSmtpSink();
  server = await startServer({ args: ["--smtp-url", sink.url] });
});
after(async () => {
  await server?.stop();
  await sink?.stop();
});

/**
 * The files in a zip (read with Python's zipfile, a separate implementation from the server's libzip): JSON and HTML
 * as text, anything else (uploaded files) as hex.
 */
function unzip(bytes) {
  const dir = mkdtempSync(join(tmpdir(), "rt-zip-"));
  try {
    const file = join(dir, "data.zip");
    writeFileSync(file, bytes);
    const out = execFileSync("/usr/bin/python3", [
      "-c",
      "import json,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: z.read(n).decode('utf-8') if n.endswith(('.json', '.html')) else z.read(n).hex() for n in z.namelist()}))",
      file,
    ]);
    return JSON.parse(out.toString());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function download(v) {
  await v.get("/account/data");
  const res = await fetch(new URL("/account/data/download", server.url), {
    method: "POST",
    redirect: "manual",
    headers: { cookie: v.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf_token: v.csrfToken }).toString(),
  });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

test(`${backendName}: a person downloads everything held about them as a zip, in their language`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.member);
  const account = await v.get("/account");
  assert.match(account.text, /href="\/account\/data">Download your data or delete your account</);
  const page = await v.get("/account/data");
  assert.equal(page.status, 200);
  assert.match(page.text, /action="\/account\/data\/download"/);
  const { res, bytes } = await download(v);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/zip");
  assert.match(res.headers.get("content-disposition"), /^attachment; filename="roundtable-data-\d{4}-\d{2}-\d{2}\.zip"$/);
  assert.equal(res.headers.get("cache-control"), "no-store");
  const files = unzip(bytes);
  // Gareth's demo About Me page has a photo: the file itself is in the download, named by its address.
  const data = JSON.parse(files["data.json"]);
  const photo = data.tables.uploads.rows[0];
  assert.deepEqual(Object.keys(files).sort(), ["data.json", `files/${photo.public_id}.png`, "index.html"]);
  assert.ok(files[`files/${photo.public_id}.png`].startsWith("89504e470d0a1a0a"), "a PNG file");
  assert.ok(data.tables.about_me_items.rows.length >= 2);
  assert.equal(data.tables.users.rows[0].email, demo.member);
  assert.equal(data.tables.users.rows[0].password_hash, undefined, "no password hash");
  assert.ok(data.tables.memberships.rows.length >= 1);
  assert.ok(data.tables.sessions.rows.length >= 1);
  assert.doesNotMatch(files["data.json"], /mair@demo\.example|sian@demo\.example/, "nobody else's data");
  assert.match(files["index.html"], /<html lang="en">/);
  assert.match(files["index.html"], /This is everything Roundtable held about Gareth Jones on/);

  // Mair prefers Welsh.
  const mair = new Visitor(server.url);
  await mair.signIn(demo.carer);
  const welsh = unzip((await download(mair)).bytes);
  assert.match(welsh["index.html"], /<html lang="cy">/);
  assert.match(welsh["index.html"], /Eich data o Roundtable/);
});

test(`${backendName}: deleting an account needs a tick, the password, ends every session and leaves "former member" in the audit log`, async () => {
  const laptop = new Visitor(server.url);
  await laptop.signIn(demo.partner);
  const phone = new Visitor(server.url);
  await phone.signIn(demo.partner);
  const id = server.database.sql(`SELECT id FROM users WHERE email = '${demo.partner}'`);

  const form = await laptop.get("/account/delete");
  assert.equal(form.status, 200);
  assert.match(form.text, /I understand that my account will be deleted/);
  const unticked = await laptop.post("/account/delete", {});
  assert.equal(unticked.status, 400);
  assert.match(unticked.text, /Tick the box to say you understand/);
  assert.equal((await laptop.get("/account")).status, 200, "nothing happened without the tick");

  // Fresh proof: the password is asked for, so someone at a computer left signed in cannot delete the account.
  assert.match(form.text, /<input[^>]+id="password"[^>]+type="password"[^>]+autocomplete="current-password"/);
  const noPassword = await laptop.post("/account/delete", { confirm: "yes" });
  assert.equal(noPassword.status, 400);
  assert.match(noPassword.text, /Enter your password/);
  const failedBefore = Number(server.database.sql(`SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed' AND subject_user_id = ${id}`));
  const wrong = await laptop.post("/account/delete", { confirm: "yes", password: "not the password" });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /The password is not right/);
  assert.match(wrong.text, /<input[^>]+value="yes"[^>]+checked/, "the tick is kept");
  assert.doesNotMatch(wrong.text, /not the password/, "the password is never shown again");
  assert.equal(
    Number(server.database.sql(`SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed' AND subject_user_id = ${id}`)),
    failedBefore + 1,
    "a wrong password counts like a failed sign-in",
  );
  assert.equal((await laptop.get("/account")).status, 200, "nothing happened with a wrong password");

  const done = await laptop.post("/account/delete", { confirm: "yes", password: demoPassword });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get("location"), "/account-deleted");
  const gone = await laptop.get("/account-deleted");
  assert.equal(gone.status, 200);
  assert.match(gone.text, /Your account has been deleted/);
  assert.equal((await laptop.get("/account")).status, 303);
  assert.equal((await phone.get("/account")).status, 303, "the other session ended too");
  const again = await new Visitor(server.url).post("/sign-in", { email: demo.partner, password: demoPassword });
  assert.equal(again.status, 400);
  assert.equal(server.database.sql(`SELECT count(*) FROM users WHERE email = '${demo.partner}'`), "0");
  assert.equal(server.database.sql(`SELECT count(*) FROM profiles WHERE user_id = ${id}`), "0");
  assert.equal(server.database.sql(`SELECT count(*) FROM about_me_items WHERE user_id = ${id}`), "0");
  assert.equal(server.database.sql(`SELECT count(*) FROM about_me_viewers WHERE user_id = ${id}`), "0");
  assert.equal(server.database.sql(`SELECT count(*) FROM search_documents WHERE ref LIKE '%:${id}'`), "0");

  // The organisation's admin sees what happened, by a former member, not by name.
  const sian = new Visitor(server.url);
  await sian.signIn(demo.orgAdmin);
  const audit = await sian.get("/o/demo/audit");
  assert.match(audit.text, /Cyfrif wedi(&#39;|')i ddileu/); // Siân reads Welsh
  assert.doesNotMatch(audit.text, /Ngozi/);
  // And they are not in the member directory.
  assert.doesNotMatch((await sian.get("/o/demo/people")).text, /Ngozi/);
});

test(`${backendName}: an account without a password is asked for a code sent by email, which works once for 15 minutes`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.finance);
  const id = server.database.sql(`SELECT id FROM users WHERE email = '${demo.finance}'`);
  server.database.sql(`UPDATE users SET password_hash = NULL WHERE id = ${id}`);
  const form = await v.get("/account/delete");
  assert.equal(form.status, 200);
  assert.doesNotMatch(form.text, /type="password"/);
  assert.match(form.text, /Email me a code/);
  const noCode = await v.post("/account/delete", { confirm: "yes" });
  assert.equal(noCode.status, 400);
  assert.match(noCode.text, /Enter the 6-digit code from the email/);

  const before = sink.messages().length;
  const sent = await v.post("/account/delete/code", {});
  assert.equal(sent.status, 303);
  assert.equal(sent.headers.get("location"), "/account/delete");
  const [raw] = (await sink.waitFor(before + 1)).slice(before);
  assert.match(subject(raw), /delete your Roundtable account/);
  const code = plainText(raw).match(/^(\d{6})$/m)[1];
  assert.doesNotMatch(plainText(raw), /\/sign-in\/link\//, "no sign-in link in it");
  assert.match((await v.get("/account/delete")).text, /We have emailed you a code/);

  const wrongCode = code === "111111" ? "222222" : "111111";
  const wrong = await v.post("/account/delete", { confirm: "yes", code: wrongCode });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /That code is not right/);
  assert.match(wrong.text, new RegExp(`id="code"[^>]+value="${wrongCode}"`), "what was typed is kept");
  // The code cannot sign anyone in by email, in this browser or any other.
  const other = new Visitor(server.url);
  await other.get("/sign-in/code");
  assert.notEqual((await other.post("/sign-in/code", { code })).status, 303);
  assert.equal((await v.get("/account")).status, 200, "nothing happened with a wrong code");

  const done = await v.post("/account/delete", { confirm: "yes", code });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get("location"), "/account-deleted");
  assert.equal(server.database.sql(`SELECT count(*) FROM users WHERE id = ${id}`), "0");
});

test(`${backendName}: the only admin of an organisation is asked to hand over before deleting their account`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.otherOrgAdmin);
  const page = await v.get("/account/delete");
  assert.equal(page.status, 200);
  assert.match(page.text, /You are the only organisation admin of North Valleys Mind/);
  assert.doesNotMatch(page.text, /Delete my account/);
  const refused = await v.post("/account/delete", { confirm: "yes" });
  assert.equal(refused.status, 409);
  assert.equal((await v.get("/account")).status, 200, "still signed in, account still there");
});
