// Open sign-up: anyone may join an organisation whose sign-up is open ("north" in the demo data). Someone new gets
// an emailed link that proves the address is theirs; someone signed in joins with one button. Both databases.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";
import { startSmtpSink, plainText, subject } from "./smtp.mjs";

let sink, server;
before(async () => {
  sink = await startSmtpSink();
  // Behind a trusted proxy on loopback, so tests can ask as different clients (X-Forwarded-For).
  server = await startServer({ args: ["--smtp-url", sink.url, "--trusted-proxy", "127.0.0.1"] });
});
after(async () => {
  await server?.stop();
  await sink?.stop();
});

test(`${backendName}: someone new asks to join, gets a link by email in their language, and creates their account`, async () => {
  const v = new Visitor(server.url);
  const form = await v.get("/o/north/join");
  assert.equal(form.status, 200);
  assert.match(form.text, /<h1 class="govuk-heading-l">Join North Valleys Mind<\/h1>/);
  assert.match(form.text, /href="\/sign-in\?next=%2Fo%2Fnorth%2Fjoin"/);

  const empty = await v.post("/o/north/join", {});
  assert.equal(empty.status, 400);
  assert.match(empty.text, /Enter your email address/);
  assert.match(empty.text, /Choose the language you would like us to use/);
  const bad = await v.post("/o/north/join", { name: "Aled", email: "aled at example", lang: "cy" });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /value="aled at example"/);
  assert.match(bad.text, /value="Aled"/);

  const before = sink.messages().length;
  const sent = await v.post("/o/north/join", { name: "Aled Rees", email: "Aled@Example.org", lang: "cy" });
  assert.equal(sent.status, 200);
  assert.match(sent.text, /If aled@example\.org can join North Valleys Mind, we have sent it an email/);
  const [raw] = (await sink.waitFor(before + 1)).slice(before);
  // The name was typed by whoever filled in the form, so it is not put in the email.
  assert.match(raw, /To: <?aled@example\.org>?/);
  assert.doesNotMatch(raw, /Aled Rees/);
  assert.equal(subject(raw), "Gorffen ymuno â North Valleys Mind ar Roundtable");
  const link = plainText(raw).match(/http:\/\/[^\s]+(\/invitations\/[A-Za-z0-9_-]+)/)[1];

  // Asking again straight away sends nothing more (at most one new link every 10 minutes).
  assert.equal((await v.post("/o/north/join", { name: "Aled Rees", email: "aled@example.org", lang: "cy" })).status, 200);

  // The organisation's admin sees who asked.
  const rhys = new Visitor(server.url);
  await rhys.signIn(demo.otherOrgAdmin);
  assert.match((await rhys.get("/o/north/invitations")).text, /Aled Rees \(aled@example\.org\)[\s\S]*asked to join themselves/);

  const page = await v.get(link);
  assert.equal(page.status, 200);
  assert.match(page.text, /You asked to join North Valleys Mind/);
  const done = await v.post(link, {
    name: "Aled Rees",
    password: "slate quarry evening",
    confirm_password: "slate quarry evening",
    lang: "cy",
    agree: "yes",
  });
  assert.equal(done.status, 303);
  const home = await v.get(done.headers.get("location"));
  assert.equal(home.status, 200);
  assert.match(home.text, /North Valleys Mind/);
  assert.equal(
    server.database.sql("SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'aled@example.org'"),
    "member",
  );
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(sink.messages().length, before + 1, "asking twice sent one email");
});

test(`${backendName}: someone signed in joins an open organisation with one button; members are sent to it`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.member);
  assert.equal((await v.get("/o/north")).status, 404);
  const page = await v.get("/o/north/join");
  assert.equal(page.status, 200);
  assert.match(page.text, /Join North Valleys Mind\s*<\/button>/);
  assert.doesNotMatch(page.text, /id="email"/);
  const joined = await v.post("/o/north/join", {});
  assert.equal(joined.status, 303);
  assert.equal(joined.headers.get("location"), "/o/north");
  assert.match((await v.get("/o/north")).text, /Welcome to North Valleys Mind/);
  assert.equal((await v.get("/o/north/join")).headers.get("location"), "/o/north");
  // Joining again changes nothing (Gareth stays a plain member, once).
  assert.equal((await v.post("/o/north/join", {})).status, 303);
  const id = server.database.sql(`SELECT id FROM users WHERE email = '${demo.member}'`);
  assert.equal(server.database.sql(`SELECT count(*) FROM memberships WHERE user_id = ${id}`), "2");
});

test(`${backendName}: an existing member asking by email gets nothing, and an invitation-only organisation answers 404`, async () => {
  const before = sink.messages().length;
  const v = new Visitor(server.url);
  await v.get("/o/north/join");
  const asked = await v.post("/o/north/join", { email: demo.otherOrgAdmin, lang: "en" });
  assert.equal(asked.status, 200, "the same answer as for anyone");
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(sink.messages().length, before);
  for (const path of ["/o/demo/join", "/o/no-such-org/join"]) {
    const res = await v.get(path);
    assert.equal(res.status, 404);
    assert.doesNotMatch(res.text, /Demo County/);
  }
  const sneaky = await v.post("/o/demo/join", { email: "someone@example.org", lang: "en" });
  assert.equal(sneaky.status, 404);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(sink.messages().length, before);
});

/** Asks to join "north" as the client at `address` (named by the trusted proxy). */
async function askToJoin(v, address, fields) {
  return v.post("/o/north/join", { lang: "en", ...fields }, { headers: { "x-forwarded-for": address } });
}

test(`${backendName}: the name on the join form is short and never reaches the email, so it cannot carry a link`, async () => {
  const v = new Visitor(server.url);
  await v.get("/o/north/join");
  const before = sink.messages().length;
  const long = await askToJoin(v, "198.51.100.1", { name: "N".repeat(61), email: "long@example.org" });
  assert.equal(long.status, 400);
  assert.match(long.text, /Your name must be 60 characters or fewer/);
  assert.equal((await askToJoin(v, "198.51.100.1", { name: "Ŵ".repeat(60), email: "welsh@example.org" })).status, 200);

  const name = "Prize! Claim it at https://evil.example/claim";
  const sent = await askToJoin(v, "198.51.100.1", { name, email: "target@example.org" });
  assert.equal(sent.status, 200);
  const raw = (await sink.waitFor(before + 2)).find((m) => /target@example\.org/.test(m));
  assert.ok(raw, "the email was sent");
  assert.doesNotMatch(raw, /evil|Prize|Claim it/);
  assert.match(plainText(raw), /^Hello,?\s*$/m);
});

test(`${backendName}: asking to join leaves an invitation from the organisation's staff alone`, async () => {
  const rhys = new Visitor(server.url);
  await rhys.signIn(demo.otherOrgAdmin);
  const before = sink.messages().length;
  const invited = await rhys.post("/o/north/invitations", { email: "bethan@example.org", name: "Bethan", role: "facilitator", lang: "en" });
  assert.equal(invited.status, 303);
  const [raw] = (await sink.waitFor(before + 1)).slice(before);
  const link = plainText(raw).match(/http:\/\/[^\s]+(\/invitations\/[A-Za-z0-9_-]+)/)[1];
  // The invitation was sent an hour ago (asking again once 10 minutes have passed used to send a new link).
  server.database.sql("UPDATE invitations SET sent_at = sent_at - 3600 WHERE email = 'bethan@example.org'");
  const hash = () => server.database.sql("SELECT token_hash || ' ' || sent_at || ' ' || expires_at FROM invitations WHERE email = 'bethan@example.org'");
  const stored = hash();

  const v = new Visitor(server.url);
  await v.get("/o/north/join");
  const asked = await askToJoin(v, "198.51.100.2", { name: "Someone", email: "Bethan@example.org" });
  assert.equal(asked.status, 200);
  assert.match(asked.text, /If bethan@example\.org can join North Valleys Mind, we have sent it an email/);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(sink.messages().length, before + 1, "no email for the join request");
  assert.equal(hash(), stored, "the invitation is unchanged");
  assert.equal(server.database.sql("SELECT count(*) FROM invitations WHERE email = 'bethan@example.org'"), "1");
  const page = await new Visitor(server.url).get(link);
  assert.equal(page.status, 200, "the link the admin's email gave still works");
  assert.match(page.text, /has invited you to join North Valleys Mind as Facilitator/);
});

test(`${backendName}: one client may ask to join 10 times in 15 minutes; then a plain 429 page, other clients unaffected`, async () => {
  const v = new Visitor(server.url);
  await v.get("/o/north/join");
  for (let i = 0; i < 10; i++) {
    const res = await askToJoin(v, "203.0.113.9", { email: `flood${i}@example.org` });
    assert.equal(res.status, 200, `request ${i + 1}`);
  }
  const refused = await askToJoin(v, "203.0.113.9", { email: "flood10@example.org" });
  assert.equal(refused.status, 429);
  assert.match(refused.text, /Too many requests to join/);
  assert.match(refused.text, /Wait 15 minutes, then try again/);
  assert.equal(server.database.sql("SELECT count(*) FROM invitations WHERE email = 'flood10@example.org'"), "0");
  // Only the proxy's last entry counts: a client cannot pick a fresh address by writing its own header first.
  assert.equal((await askToJoin(v, "198.51.100.77, 203.0.113.9", { email: "flood11@example.org" })).status, 429);
  assert.equal((await askToJoin(v, "203.0.113.10", { email: "flood12@example.org" })).status, 200);
});

test(`${backendName}: asking to join does the same database work whether or not the person is a member`, async () => {
  // No SMTP: no outbox worker runs statements in between.
  const quiet = await startServer();
  try {
    // Counted by SQLite (the SQL is the same on PostgreSQL, which has no such counter).
    const metric = async (name) => {
      if (backendName !== "sqlite") return 0;
      const m = (await (await fetch(`${quiet.url}/metrics`)).text()).match(new RegExp(`^${name} (\\d+)$`, "m"));
      assert.ok(m, `/metrics has no ${name}`);
      return Number(m[1]);
    };
    const v = new Visitor(quiet.url);
    await v.get("/o/north/join");
    const work = async (email) => {
      const [statements, writes] = [await metric("roundtable_db_statements_total"), await metric("roundtable_db_writes_total")];
      const res = await v.post("/o/north/join", { email, lang: "en" });
      assert.equal(res.status, 200);
      assert.match(res.text, new RegExp(`If ${email.replace(".", "\\.")} can join North Valleys Mind`));
      return {
        statements: (await metric("roundtable_db_statements_total")) - statements,
        writes: (await metric("roundtable_db_writes_total")) - writes,
      };
    };
    await work("warm-up@example.org");
    const member = await work(demo.otherOrgAdmin);
    const newcomer = await work("newcomer@example.org");
    const account = await work(demo.orgAdmin); // has an account, not a member of north
    if (backendName === "sqlite") {
      assert.ok(newcomer.statements > 0 && newcomer.writes > 0);
      assert.deepEqual(member, newcomer, "a member and a newcomer");
      assert.deepEqual(account, newcomer, "someone with an account and a newcomer");
    }
    // The member's request is written as a cancelled invitation, and nothing is sent.
    const rows = (email) =>
      quiet.database.sql(
        `SELECT (SELECT count(*) FROM invitations WHERE email = '${email}' AND revoked_at IS NOT NULL) || ' ' || ` +
          `(SELECT count(*) FROM invitations WHERE email = '${email}' AND revoked_at IS NULL) || ' ' || ` +
          `(SELECT count(*) FROM mail_outbox WHERE to_address = '${email}')`,
      );
    assert.equal(rows(demo.otherOrgAdmin), "1 0 0");
    assert.equal(rows("newcomer@example.org"), "0 1 1");
    assert.equal(rows(demo.orgAdmin), "0 1 1");
  } finally {
    await quiet.stop();
  }
});

test(`${backendName}: a newcomer finds the organisations anyone may join from the home page`, async () => {
  const v = new Visitor(server.url);
  const home = await v.get("/");
  assert.equal(home.status, 200);
  assert.match(home.text, /<h2 class="govuk-heading-m">Find an organisation to join<\/h2>/);
  assert.match(home.text, /href="\/organisations"/);
  // And where someone without an account ends up: the sign-in page.
  const signIn = await v.get("/sign-in");
  assert.match(signIn.text, /<h2 class="govuk-heading-m">Find an organisation to join<\/h2>/);
  assert.match(signIn.text, /href="\/organisations"/);
  const list = await v.get("/organisations");
  assert.equal(list.status, 200);
  assert.match(list.text, /<h1 class="govuk-heading-l">Organisations you can join<\/h1>/);
  assert.match(list.text, /<a class="govuk-link" href="\/o\/north\/join">North Valleys Mind<\/a>/);
  assert.doesNotMatch(list.text, /Demo County/, "an invitation-only organisation is not listed");
  const cy = await v.get("/organisations", { headers: { "accept-language": "cy" } });
  assert.match(cy.text, /Sefydliadau y gallwch ymuno â nhw/);
});
