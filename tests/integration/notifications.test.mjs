// Notifications over HTTP, with the real SMTP sink: the authorisation matrix of every notifications route; a member
// choosing "Never" for a group gets no email about it (the notice is still listed, marked new, and "mark all as read"
// clears it); every group email carries the RFC 8058 one-click headers and a "Stop emails from <group>" link; the
// mail program's POST from outside, with no session and no CSRF token, stops that group's email; a forged token is
// 404 and changes nothing; "Once a day" keeps the email for the 07:00 digest, which `roundtable run-due` (as a second
// process on the same database, like a second server) sends once.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName, runCli } from "./harness.mjs";
import { rows, notificationIds, fill } from "./matrices/notifications.mjs";
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
const mailsTo = (address) => sink.to(address);

test(`${backendName}: authorisation matrix — every notifications route for every kind of visitor`, async () => {
  const ids = notificationIds(server);
  const people = [];
  for (const [name, email] of visitors) people.push([name, await signedIn(email)]);
  const wrong = [];
  for (const [method, template, expected] of rows) {
    const path = fill(template, ids);
    for (let i = 0; i < people.length; i++) {
      const [name, v] = people[i];
      const res = method === "GET" ? await v.get(path) : await v.post(path, {});
      if (res.status !== expected[i]) wrong.push(`${method} ${path} as ${name}: ${res.status}, expected ${expected[i]}`);
      if (res.status === 404) assert.doesNotMatch(res.text, /Steering|Co-production Board/, `${path} leaks to ${name}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test(`${backendName}: "Never" sends no email; the one-click stop works from outside with no session; a forged one changes nothing`, async () => {
  const ids = notificationIds(server);
  const topic = one("SELECT id FROM discussion_topics WHERE title = 'Can board meetings be in the evening?'");
  const gareth = await signedIn(demo.member);
  const garethId = one(`SELECT id FROM users WHERE email = '${demo.member}'`);
  const choiceOf = () =>
    one(`SELECT COALESCE(MAX(choice), 'immediate') FROM notification_choices WHERE user_id = ${garethId} AND ` +
      `group_id = ${ids.BOARD}`);
  const notices = () => one(`SELECT COUNT(*) FROM notices WHERE user_id = ${garethId}`);
  const tom = await signedIn(demo.facilitator);
  const mention = async (words) => {
    const page = await tom.get(`/o/demo/topics/${topic}`);
    const key = page.text.match(/name="create_key" value="([^"]+)"/)[1];
    const res = await tom.post(`/o/demo/topics/${topic}/replies`, { create_key: key, body: words, agree_rules: "yes" });
    assert.equal(res.status, 303, server.log().split("\n").filter((l) => l.includes("fail")).join("\n"));
  };

  // Gareth chooses "Never" for the board, from the group's own page.
  const form = await gareth.get(`/o/demo/groups/${ids.BOARD}/notifications`);
  assert.equal(form.status, 200);
  assert.match(form.text, /Once a week/);
  const saved = await gareth.post("/o/demo/notifications/settings", { [`group-${ids.BOARD}`]: "none" });
  assert.equal(saved.status, 303);
  assert.equal(choiceOf(), "none");
  const noticesBefore = Number(notices());
  await mention("@Gareth Jones, what do you think about 7pm?");
  assert.equal(Number(notices()), noticesBefore + 1, "the notice is listed in the app");
  // Let the worker run past the reply before looking: nothing for Gareth.
  await new Promise((r) => setTimeout(r, 2500));
  assert.equal(mailsTo(demo.member).length, 0, "no email after choosing Never");
  const list = await gareth.get("/o/demo/notifications");
  assert.match(list.text, /Can board meetings be in the evening\?/);
  assert.match(list.text, /govuk-tag--blue/);
  const read = await gareth.post("/o/demo/notifications/read", {});
  assert.equal(read.status, 303);
  assert.equal(one(`SELECT COUNT(*) FROM notices WHERE user_id = ${garethId} AND read_at IS NULL`), "0");

  // Back to straight away: the next one comes, with the one-click stop.
  const wrong = await gareth.post("/o/demo/notifications/settings", { [`group-${ids.BOARD}`]: "hourly" });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /Choose how we contact you about this group/);
  await gareth.post("/o/demo/notifications/settings", { [`group-${ids.BOARD}`]: "immediate" });
  assert.equal(choiceOf(), "immediate");
  await mention("@Gareth Jones, and 6pm?");
  await sink.until(() => mailsTo(demo.member).length > 0, "Gareth's email");
  const [mail] = mailsTo(demo.member);
  assert.ok(mail, "an email after choosing straight away");
  const header = mail.match(/^List-Unsubscribe: <([^>]+)>/m);
  assert.ok(header, "List-Unsubscribe header");
  assert.match(mail, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  assert.match(plainText(mail), /Stop emails from Carers Co-production Board/);
  const stopUrl = new URL(header[1]);
  assert.match(stopUrl.pathname, /^\/stop\//);

  // A forged token (Gareth's ids, a made-up signature): 404 and nothing changes, GET or POST.
  const forged = `/stop/${garethId}.1.${ids.BOARD}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
  const post = (path) =>
    fetch(new URL(path, server.url), {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
  assert.equal((await post(forged)).status, 404);
  assert.equal((await fetch(new URL(forged, server.url))).status, 404);
  assert.equal(choiceOf(), "immediate");

  // The page the link opens asks first (a GET changes nothing).
  const page = await fetch(new URL(stopUrl.pathname, server.url));
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Stop these emails/);
  assert.equal(choiceOf(), "immediate");
  // The mail program's one-click POST: no cookies, no CSRF token.
  const stopped = await post(stopUrl.pathname);
  assert.equal(stopped.status, 200);
  assert.match(await stopped.text(), /We will not email you about Carers Co-production Board any more/);
  assert.equal(choiceOf(), "none");
});

test(`${backendName}: "Once a day" waits for the digest, which run-due sends once`, async () => {
  const ids = notificationIds(server);
  const topic = one("SELECT id FROM discussion_topics WHERE title = 'Can board meetings be in the evening?'");
  const gareth = await signedIn(demo.member);
  const tom = await signedIn(demo.facilitator);
  const digests = () => mailsTo(demo.member).filter((m) => /news from your groups/.test(m));
  const saved = await gareth.post("/o/demo/notifications/settings", { [`group-${ids.BOARD}`]: "daily" });
  assert.equal(saved.status, 303);
  const page = await tom.get(`/o/demo/topics/${topic}`);
  const key = page.text.match(/name="create_key" value="([^"]+)"/)[1];
  const words = "@Gareth Jones, could we try Thursday evenings?";
  const res = await tom.post(`/o/demo/topics/${topic}/replies`, { create_key: key, body: words, agree_rules: "yes" });
  assert.equal(res.status, 303);
  const before = mailsTo(demo.member).length;
  await new Promise((r) => setTimeout(r, 2500));
  assert.equal(mailsTo(demo.member).length, before, "kept for the digest, not sent straight away");

  // Two days on is after a 07:00 London time that the server's own worker has not reached yet.
  const at = String(Math.floor(Date.now() / 1000) + 2 * 86400);
  const args = ["run-due", "--at", at, "--data-dir", server.dataDir, "--database", server.database.url,
    "--base-url", server.url];
  const first = await runCli(args);
  assert.equal(first.code, 0, first.stderr);
  await sink.until(() => digests().length > 0, "the digest");
  assert.equal(digests().length, 1, `${first.stdout}${first.stderr}; outbox: ${one("SELECT to_address || ' ' || subject || ' ' || status FROM mail_outbox ORDER BY id DESC LIMIT 3")}`);
  const mail = digests()[0];
  const text = plainText(mail);
  assert.match(text, /Can board meetings be in the evening\?/);
  assert.match(text, /Stop emails from Carers Co-production Board/);
  assert.match(mail, /^List-Unsubscribe: <[^>]+\/stop\/[^>]+>/m);
  assert.equal(one("SELECT COUNT(*) FROM notices WHERE digest <> ''"), "0");

  const again = await runCli(args);
  assert.equal(again.code, 0, again.stderr);
  await new Promise((r) => setTimeout(r, 2500));
  assert.equal(digests().length, 1, "the same 07:00 is not sent twice");
});
