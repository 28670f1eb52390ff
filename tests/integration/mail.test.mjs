// Email over a real SMTP server: password reset from the request to the new password, in the person's language,
// and no email lost while the mail server is down. Each test looks for the email it caused by address and subject:
// the demo's meetings send reminders the day before, so whether other email arrives depends on the time of day.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { startServer, Visitor, demo, demoPassword, backendName, freshDatabase, tempDir, runCli } from "./harness.mjs";
import { startSmtpSink, plainText, subject } from "./smtp.mjs";

let sink, server;
before(async () => {
  sink = await startSmtpSink();
  server = await startServer({ args: ["--smtp-url", sink.url, "--mail-from", "Roundtable <hello@roundtable.example>"] });
});
after(async () => {
  await server?.stop();
  await sink?.stop();
});

function linkIn(raw) {
  const m = plainText(raw).match(/http:\/\/[^\s]+\/reset-password\/[A-Za-z0-9_-]+/);
  assert.ok(m, `no reset link in:\n${plainText(raw)}`);
  return new URL(m[0]);
}

const kResetSubject = "Choose a new Roundtable password";
/** The emails to `address` with this subject (reset emails, by default). */
const resets = (s, address, title = kResetSubject) => s.to(address).filter((m) => subject(m) === title);

test(`${backendName}: a forgotten password is reset through an emailed link that works once`, async () => {
  const before = resets(sink, demo.member).length;
  const v = new Visitor(server.url);
  assert.match((await v.get("/sign-in")).text, /href="\/forgot-password"/);
  const form = await v.get("/forgot-password");
  assert.equal(form.status, 200);
  const sent = await v.post("/forgot-password", { email: " Gareth@Demo.example " });
  assert.equal(sent.status, 200);
  assert.match(sent.text, /Check your email/);
  const raw = await sink.until(() => resets(sink, demo.member)[before], "the reset email to Gareth");
  assert.match(raw, /To: Gareth Jones <gareth@demo\.example>/);
  assert.match(raw, /text\/html; charset=utf-8/);
  const link = linkIn(raw);
  assert.equal(`${link.protocol}//${link.host}`, server.url, "the link points at this server");

  const page = await v.get(link.pathname);
  assert.equal(page.status, 200);
  assert.match(page.text, /autocomplete="new-password"/);
  const weak = await v.post(link.pathname, { password: "password", confirm_password: "password" });
  assert.equal(weak.status, 400);
  assert.match(weak.text, /Choose a password that is harder to guess/);
  const mismatch = await v.post(link.pathname, { password: "blue kettle garden", confirm_password: "blue kettle" });
  assert.match(mismatch.text, /The two passwords are not the same/);
  // Another browser where Gareth was signed in.
  const phone = new Visitor(server.url);
  await phone.signIn(demo.member);
  const done = await v.post(link.pathname, { password: "blue kettle garden", confirm_password: "blue kettle garden" });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get("location"), "/");
  assert.match((await v.get("/account")).text, /Your new password is saved/);
  assert.equal((await phone.get("/account")).status, 303, "other sessions ended");
  // The link is used up; the old password no longer works; the new one does.
  const reused = await new Visitor(server.url).get(link.pathname);
  assert.equal(reused.status, 410);
  assert.match(reused.text, /This link cannot be used/);
  const old = await new Visitor(server.url).post("/sign-in", { email: demo.member, password: demoPassword });
  assert.equal(old.status, 400);
  await new Visitor(server.url).signIn(demo.member, "blue kettle garden");
});

test(`${backendName}: the email is in the person's language, and unknown addresses get the same answer`, async () => {
  const welsh = "Dewis cyfrinair Roundtable newydd";
  const before = resets(sink, demo.carer, welsh).length;
  const v = new Visitor(server.url);
  await v.get("/forgot-password");
  const unknown = await v.post("/forgot-password", { email: "nobody@example.org" });
  assert.equal(unknown.status, 200);
  assert.match(unknown.text, /If nobody@example\.org has a Roundtable account/);
  await v.post("/forgot-password", { email: demo.carer }); // Mair prefers Welsh
  const raw = await sink.until(() => resets(sink, demo.carer, welsh)[before], "the Welsh reset email to Mair");
  // Asked for first: had it been sent, it would have reached the sink before Mair's.
  assert.deepEqual(sink.to("nobody@example.org"), [], "an email went to an address with no account");
  assert.match(plainText(raw), /Helo Mair Hughes,/);
  assert.match(raw, /Content-Language: cy/);
  const bad = await v.post("/forgot-password", { email: "not an email" });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Enter an email address in the right format/);
  assert.match(bad.text, /value="not an email"/);
});

test(`${backendName}: at most 3 reset emails an hour go to one account`, async () => {
  const before = resets(sink, demo.partner).length;
  const v = new Visitor(server.url);
  await v.get("/forgot-password");
  for (let i = 0; i < 5; i++) assert.equal((await v.post("/forgot-password", { email: demo.partner })).status, 200);
  await sink.until(() => resets(sink, demo.partner).length >= before + 3, "three reset emails to Ngozi");
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(resets(sink, demo.partner).length, before + 3);
  // And no more were queued for her (the two over the limit were never written).
  assert.equal(server.database.sql(`SELECT count(*) FROM mail_outbox WHERE to_address = '${demo.partner}'`), String(before + 3));
});

test(`${backendName}: a made-up or mangled link says what to do next`, async () => {
  const v = new Visitor(server.url);
  for (const path of ["/reset-password/not-a-real-token", `/reset-password/${"x".repeat(43)}`]) {
    const res = await v.get(path);
    assert.equal(res.status, 410);
    assert.match(res.text, /Ask for a new link/);
    assert.equal((await v.post(path, { password: "blue kettle garden", confirm_password: "blue kettle garden" })).status, 410);
  }
});

test(`${backendName}: 'roundtable mail-test' queues a test email that the running server sends`, async () => {
  const where = ["--database", server.database.url, "--data-dir", server.dataDir];
  const bad = await runCli(["mail-test", "--to", "not an address", ...where]);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim().split("\n").length, 1, bad.stderr);
  assert.match(bad.stderr, /--to wants one email address/);
  const missing = await runCli(["mail-test", ...where]);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /needs --to ADDRESS/);
  const ok = await runCli(["mail-test", "--to", "ops@example.org", "--lang", "cy", ...where]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /queued test email \d+ to ops@example\.org/);
  const raw = await sink.until(() => sink.to("ops@example.org")[0], "the test email");
  assert.match(raw, /To: <?ops@example\.org>?/);
  assert.equal(subject(raw), "E-bost prawf gan Roundtable – mae e-bost yn gweithio");
  assert.match(plainText(raw), /E-bost prawf yw hwn\./);
});

test(`${backendName}: email queued while the mail server is down is sent when it comes back`, async () => {
  const probe = await startSmtpSink();
  const port = probe.port;
  await probe.stop();
  const dataDir = tempDir();
  const database = freshDatabase(dataDir);
  const own = await startServer({ dataDir, database, args: ["--smtp-url", `smtp://127.0.0.1:${port}`] });
  try {
    const v = new Visitor(own.url);
    await v.get("/forgot-password");
    assert.equal((await v.post("/forgot-password", { email: demo.facilitator })).status, 200);
    await own.waitForLog(/"event":"mail_retry"/, 15_000);
    // Tried, refused, and waiting to be tried again (the demo's reminders may be in the outbox too).
    const tom = `to_address = '${demo.facilitator}'`;
    const waiting = () => database.sql(`SELECT count(*) FROM mail_outbox WHERE status = 'queued' AND attempts > 0 AND ${tom}`);
    for (const until = Date.now() + 15_000; waiting() !== "1" && Date.now() < until; ) await new Promise((r) => setTimeout(r, 100));
    assert.equal(waiting(), "1");
    // Retries wait 30 s at first; a restart (with the mail server back) sends it at once.
    await own.signal("SIGTERM");
    const back = await startSmtpSink(port);
    try {
      database.sql("UPDATE mail_outbox SET next_attempt_at = 0");
      const again = await startServer({ dataDir, database, args: ["--smtp-url", back.url] });
      try {
        const raw = await back.until(() => resets(back, demo.facilitator)[0], "the reset email to Tom");
        assert.match(raw, /To: Tom Evans <tom@demo\.example>/);
        assert.equal(database.sql(`SELECT status FROM mail_outbox WHERE ${tom}`), "sent");
      } finally {
        await again.signal("SIGTERM");
      }
    } finally {
      await back.stop();
    }
  } finally {
    database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
