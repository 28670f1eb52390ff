// Calendars over HTTP with a real SMTP server: arranging a meeting emails each person in the group an invitation
// with a text/calendar part (METHOD:REQUEST) and an invite.ics attachment, a change of time emails an update of the
// same event (SEQUENCE up), calling it off emails METHOD:CANCEL. A person's calendar feed works without signing in
// (calendar programs cannot), has their groups' meetings and not other groups', keeps its secret out of the access
// log, stops working when renewed or stopped, and loses a group's meetings as soon as the person leaves it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, Visitor, visitorAs, demo, backendName } from "./harness.mjs";
import { meetingIds } from "./matrices/meetings.mjs";
import { startSmtpSink, plainText, subject } from "./smtp.mjs";

let sink, server;
before(async () => {
  sink = await startSmtpSink();
  server = await startServer({ args: ["--smtp-url", sink.url, "--mail-from", "Roundtable <rt@demo.example>"] });
});
after(async () => {
  await server?.stop();
  await sink?.stop();
});

const signedIn = (email) => visitorAs(server.url, email);

/** The email's text/calendar alternative: its method= and its decoded text (base64, as the server sends it). */
function calendarPart(raw) {
  const m = raw.match(/Content-Type: text\/calendar; method=([A-Z]+); charset=UTF-8\r?\n((?:[^\r\n]+\r?\n)*)\r?\n([\s\S]*?)\r?\n--/);
  if (!m) return null;
  assert.match(m[2], /Content-Transfer-Encoding: base64/);
  return { method: m[1], text: Buffer.from(m[3].replace(/\s+/g, ""), "base64").toString("utf8") };
}

/** Waits for an email to `to` whose subject starts with `prefix`. */
async function mailTo(to, prefix) {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const found = sink
      .messages()
      .find((raw) => new RegExp(`^To: .*<?${to.replace(/[.]/g, "\\.")}>?$`, "m").test(raw) && subject(raw).startsWith(prefix));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no email to ${to} starting ${prefix}; got: ${sink.messages().map(subject).join(" | ")}`);
}

const field = (ics, name) => ics.match(new RegExp(`\\r\\n${name}(?:;[^:\\r\\n]*)?:([^\\r\\n]*)\\r\\n`))?.[1];

test(`${backendName}: arranging, changing and calling off a meeting emails the group calendar invitations`, async () => {
  const ids = meetingIds(server);
  const tom = await signedIn(demo.facilitator);
  const form = await tom.get(`/o/demo/groups/${ids.BOARD}/meetings/new`);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const year = new Date().getUTCFullYear() + 1;
  const fields = [
    ["create_key", key],
    ["title", "Cyfarfod y Bwrdd: ŵyn a chân"],
    ["purpose", "Plan the year"],
    ["date-day", "8"],
    ["date-month", "7"],
    ["date-year", String(year)],
    ["start", "18:00"],
    ["end", "20:00"],
    ["venue", "Ty Hywel, Cardiff"],
  ];
  const made = await tom.postPairs(`/o/demo/groups/${ids.BOARD}/meetings`, fields);
  assert.equal(made.status, 303);
  const location = made.headers.get("location");
  const id = location.match(/(\d+)$/)[1];

  const invitation = await mailTo(demo.member, "Invitation: Cyfarfod y Bwrdd");
  assert.match(invitation, /Content-Type: multipart\/alternative/);
  assert.match(invitation, /Content-Type: application\/ics; name="invite.ics"|filename="invite.ics"/);
  assert.match(plainText(invitation), /Reply on the meeting page/);
  assert.ok(plainText(invitation).includes(`${location}`), "links to the meeting's page");
  const request = calendarPart(invitation);
  assert.ok(request, "a text/calendar part");
  assert.equal(request.method, "REQUEST");
  assert.equal(field(request.text, "METHOD"), "REQUEST");
  const uid = `meeting-${id}@demo.roundtable`;
  assert.equal(field(request.text, "UID"), uid);
  assert.equal(field(request.text, "SEQUENCE"), "0");
  assert.equal(field(request.text, "DTSTART"), `${year}0708T170000Z`, "6pm in British Summer Time");
  assert.equal(field(request.text, "SUMMARY"), "Cyfarfod y Bwrdd: ŵyn a chân");
  assert.match(request.text, /\r\nORGANIZER;CN="Carers Co-production Board":mailto:rt@demo\.example\r\n/);
  assert.match(request.text.replace(/\r\n /g, ""), /\r\nATTENDEE;CN="Gareth[^"]*";[^:]*PARTSTAT=NEEDS-ACTION[^:]*:mailto:gareth@demo\.example\r\n/);
  // Everyone in the board, each once.
  await mailTo(demo.facilitator, "Invitation: Cyfarfod y Bwrdd");
  const invitations = sink.messages().filter((raw) => subject(raw).startsWith("Invitation: Cyfarfod y Bwrdd"));
  assert.equal(new Set(invitations.map((raw) => raw.match(/^To: (.*)$/m)[1])).size, invitations.length);
  assert.ok(!invitations.some((raw) => /priya@demo\.example/.test(raw.match(/^To: (.*)$/m)[1])), "not Priya, outside the group");

  // Moved to December (Greenwich Mean Time): an update of the same event.
  const winter = fields.filter(([k]) => k !== "create_key").map(([k, v]) => (k === "date-month" ? [k, "12"] : [k, v]));
  assert.equal((await tom.postPairs(`${location}/edit`, winter)).status, 303);
  const update = calendarPart(await mailTo(demo.member, "Changed: Cyfarfod y Bwrdd"));
  assert.equal(update.method, "REQUEST");
  assert.equal(field(update.text, "UID"), uid);
  assert.equal(field(update.text, "SEQUENCE"), "1");
  assert.equal(field(update.text, "DTSTART"), `${year}1208T180000Z`);
  // The download says the same.
  const gareth = await signedIn(demo.member);
  const file = (await gareth.get(`${location}/calendar.ics`)).text;
  assert.equal(field(file, "UID"), uid);
  assert.equal(field(file, "SEQUENCE"), "1");

  // Called off.
  assert.equal((await tom.post(`${location}/cancel`, { reason: "The room is not free." })).status, 303);
  const cancelMail = await mailTo(demo.member, "Called off: Cyfarfod y Bwrdd");
  assert.match(plainText(cancelMail), /The room is not free/);
  const cancel = calendarPart(cancelMail);
  assert.equal(cancel.method, "CANCEL");
  assert.equal(field(cancel.text, "UID"), uid);
  assert.equal(field(cancel.text, "SEQUENCE"), "2");
  assert.equal(field(cancel.text, "STATUS"), "CANCELLED");
  // Email without an invitation is as before: no calendar part.
  // (Siân reads Welsh: hers say "Gwahoddiad", "Wedi newid" and "Wedi'i ganslo".)
  const other = sink.messages().filter((raw) => !/^(Invitation|Changed|Called off|Gwahoddiad|Wedi newid|Wedi'i ganslo):/.test(subject(raw)));
  assert.ok(sink.messages().some((raw) => subject(raw).startsWith("Gwahoddiad: Cyfarfod y Bwrdd")), "in each person's language");
  for (const raw of other) assert.doesNotMatch(raw, /text\/calendar/);
});

test(`${backendName}: a calendar feed works without signing in, shows the person's groups only, and can be renewed and stopped`, async () => {
  const ids = meetingIds(server);
  const gareth = await signedIn(demo.member);
  const page = await gareth.get("/account/calendar");
  assert.equal(page.status, 200);
  assert.match(page.text, /You do not have a calendar feed yet/);
  assert.match((await gareth.get("/account")).text, /href="\/account\/calendar"/, "the account page leads to it");

  const made = await gareth.post("/account/calendar", {});
  assert.equal(made.status, 200);
  const address = made.text.match(/id="calendar-address"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*id="calendar-address"/);
  assert.ok(address, "the address in a read-only box");
  const url = new URL(address[1] ?? address[2]);
  assert.match(url.pathname, /^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  assert.match(made.text, /readonly/);

  // No session: calendar programs cannot sign in.
  const app = new Visitor(server.url);
  const feed = await app.get(url.pathname);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get("content-type"), /^text\/calendar/);
  assert.match(feed.headers.get("cache-control"), /no-store/);
  assert.ok(feed.text.includes(`\r\nUID:meeting-${ids.NEXT}@demo.roundtable\r\n`), "the board's next meeting");
  assert.ok(!feed.text.includes(`meeting-${ids.SECRET}@`), "not the steering group's, which he is not in");
  assert.ok(feed.text.includes(`\r\nUID:meeting-${ids.CANCELLED}@demo.roundtable\r\n`) ? feed.text.includes("STATUS:CANCELLED") : true);
  const token = url.pathname.match(/\/calendar\/(.*)\.ics/)[1];
  assert.ok(!server.log().includes(token), "the secret is not in the log");
  assert.match(server.log(), /"path":"\/calendar\/\{token\}"/);
  assert.equal(server.database.sql(`SELECT COUNT(*) FROM calendar_feeds WHERE token_hash = '${token}'`).trim(), "0");

  // On the page again: it is on, and the address is not shown again (only its hash is kept).
  const on = await gareth.get("/account/calendar");
  assert.match(on.text, /Your calendar feed is on/);
  assert.ok(!on.text.includes(token));

  // A new address: the old one stops working.
  const renewed = await gareth.post("/account/calendar", {});
  const next = new URL(renewed.text.match(/value="(http[^"]+\.ics)"/)[1]);
  assert.notEqual(next.pathname, url.pathname);
  assert.equal((await app.get(url.pathname)).status, 404);
  assert.equal((await app.get(next.pathname)).status, 200);
  assert.equal((await app.get("/calendar/not-a-feed.ics")).status, 404);

  // Leaving the board takes its meetings out of the feed at once.
  assert.equal((await gareth.post(`/o/demo/groups/${ids.BOARD}/leave`, {})).status, 303);
  assert.ok(!(await app.get(next.pathname)).text.includes(`meeting-${ids.NEXT}@`));

  // Stopped: the address is gone.
  const stopped = await gareth.post("/account/calendar/stop", {});
  assert.equal(stopped.status, 303);
  assert.match((await gareth.get("/account/calendar")).text, /Your calendar feed is stopped/);
  assert.equal((await app.get(next.pathname)).status, 404);
});
