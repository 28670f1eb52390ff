// Open sessions (a coffee-morning series) by email, with the real SMTP sink: making the series emails each of its
// sessions' calendar invitations (METHOD:REQUEST) to the group and to the people its attendance rule covers, one per
// person per session; someone outside the group who replied going gets the update when a session is called off
// (METHOD:CANCEL); the reminder the day before reaches them with a one-click stop link that works although they are
// not in the group (it was 404), and once stopped the group's open sessions email them no more; someone the rule
// covers only later (an admin records they are staff) is asked to the sessions to come.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName, runCli } from "./harness.mjs";
import { meetingIds, seriesFields } from "./matrices/meetings.mjs";
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
const one = (sql) => server.database.sql(sql).trim();
const mailsTo = (address) => sink.to(address);
const calendarMethod = (raw) => raw.match(/Content-Type: text\/calendar; method=([A-Z]+)/)?.[1];

const waitFor = (check, what) => sink.until(check, what);

test(`${backendName}: a series' sessions invite the group and whom the rule covers; an outsider's reminder stop link works`, async () => {
  const ids = meetingIds(server);
  const tom = await signedIn(demo.facilitator);
  const form = await tom.get(`/o/demo/groups/${ids.STEERING}/series/new`);
  assert.equal(form.status, 200);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const fields = seriesFields(key);
  const made = await tom.postPairs(`/o/demo/groups/${ids.STEERING}/series`, fields);
  assert.equal(made.status, 303);
  const seriesId = made.headers.get("location").match(/\/series\/(\d+)$/)[1];
  // Sent twice: one series, and no second round of invitations.
  assert.equal((await tom.postPairs(`/o/demo/groups/${ids.STEERING}/series`, fields)).status, 303);
  const sessions = one(`SELECT id FROM meetings WHERE series_id = ${seriesId} ORDER BY starts_at`).split("\n");
  assert.ok(sessions.length >= 6, `${sessions.length} sessions`);
  const invitations = (address) => mailsTo(address).filter((m) => /Welcome tea/.test(subject(m)) && calendarMethod(m) === "REQUEST");

  // Tom runs the group and is staff who joined recently (the demo is new), so he is both; Priya is staff who joined recently and has not come: each gets one invitation per session.
  await waitFor(() => invitations(demo.finance).length >= sessions.length && invitations(demo.facilitator).length >= sessions.length, "invitations");
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(invitations(demo.finance).length, sessions.length, "one per session, not two");
  assert.equal(invitations(demo.facilitator).length, sessions.length);
  for (const id of sessions) {
    const uid = `meeting-${id}@demo.roundtable`;
    assert.equal(invitations(demo.finance).filter((m) => plainText(m).includes(`/meetings/${id}`)).length, 1, uid);
  }
  // Gareth (lived experience, not in the group, so not covered by the rule) gets none.
  assert.equal(invitations(demo.member).length, 0);

  // Gareth replies going to the first two sessions: the first is called off and she hears of it.
  const gareth = await signedIn(demo.member);
  for (const id of sessions.slice(0, 2)) {
    assert.equal((await gareth.postPairs(`/o/demo/meetings/${id}/reply`, [["answer", "going"]])).status, 303);
  }
  const off = await tom.postPairs(`/o/demo/meetings/${sessions[0]}/cancel`, [["reason", "The hall is shut"]]);
  assert.equal(off.status, 303);
  await waitFor(() => mailsTo(demo.member).some((m) => calendarMethod(m) === "CANCEL"), "the cancellation to Gareth");
  const cancelled = mailsTo(demo.member).find((m) => calendarMethod(m) === "CANCEL");
  assert.match(plainText(cancelled), /The hall is shut/);

  // The reminder the day before the second session, from run-due, carries a stop link that works for her.
  const starts = Number(one(`SELECT starts_at FROM meetings WHERE id = ${sessions[1]}`));
  const args = ["run-due", "--at", String(starts - 6 * 3600), "--data-dir", server.dataDir, "--database", server.database.url,
    "--base-url", server.url];
  const ran = await runCli(args);
  assert.equal(ran.code, 0, ran.stderr);
  const reminders = () => mailsTo(demo.member).filter((m) => !calendarMethod(m) && /Welcome tea/.test(subject(m)));
  await waitFor(() => reminders().length > 0, "the reminder");
  const reminder = reminders()[0];
  const header = reminder.match(/^List-Unsubscribe: <([^>]+)>/m);
  assert.ok(header, "one-click headers");
  assert.match(plainText(reminder), /Stop emails from/);
  const stopPath = new URL(header[1]).pathname;
  const page = await fetch(new URL(stopPath, server.url));
  assert.equal(page.status, 200, "the stop page for someone outside the group");
  assert.match(await page.text(), /Stop these emails/);
  const stopped = await fetch(new URL(stopPath, server.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
    redirect: "manual",
  });
  assert.ok(stopped.status < 400, `one-click stop: ${stopped.status}`);
  const garethId = one(`SELECT id FROM users WHERE email = '${demo.member}'`);
  assert.equal(one(`SELECT choice FROM notification_choices WHERE user_id = ${garethId} AND group_id = ${ids.STEERING}`), "none");
  // No more email from the group's open sessions: calling off the second sends her nothing (the notice stays).
  // Counted once every email queued for him so far has reached the sink: on a busy machine the outbox worker may
  // still be sending an earlier one.
  const queuedFor = (status) =>
    Number(one(`SELECT COUNT(*) FROM mail_outbox WHERE to_address = '${demo.member}' AND status ${status}`));
  await waitFor(() => queuedFor("<> 'sent'") === 0 && mailsTo(demo.member).length >= queuedFor("= 'sent'"), "earlier email sent");
  const before = mailsTo(demo.member).length;
  const queuedBefore = queuedFor("IS NOT NULL");
  assert.equal((await tom.postPairs(`/o/demo/meetings/${sessions[1]}/cancel`, [["reason", "Snow"]])).status, 303);
  await waitFor(() => mailsTo(demo.facilitator).some((m) => plainText(m).includes("Snow")), "Tom's copy of the second cancellation");
  assert.equal(queuedFor("IS NOT NULL"), queuedBefore, "nothing queued for him after the stop");
  assert.deepEqual(mailsTo(demo.member).slice(before).map(subject), [], "no email after the stop");
  assert.ok(Number(one(`SELECT COUNT(*) FROM notices WHERE user_id = ${garethId} AND group_id = ${ids.STEERING}`)) >= 2);
  // The stop can be changed back: the group is on Gareth's "how we contact you" page, under the groups he is not in,
  // with "never" chosen; he chooses "straight away" and saves, and the choice is his again.
  const field = `group-${ids.STEERING}`;
  const settings = await gareth.get("/o/demo/notifications/settings");
  assert.equal(settings.status, 200);
  const outside = settings.text.slice(settings.text.indexOf("Other groups that email you"));
  assert.ok(outside.length < settings.text.length, "a part for the groups he is not in");
  assert.match(outside, new RegExp(`name="${field}" type="radio" value="none" checked|name="${field}"[^>]*value="none"[^>]*checked`));
  assert.equal((await gareth.postPairs("/o/demo/notifications/settings", [[field, "immediate"]])).status, 303);
  assert.equal(one(`SELECT choice FROM notification_choices WHERE user_id = ${garethId} AND group_id = ${ids.STEERING}`), "immediate");
  // A group he is not in and has no choice about cannot be given one.
  const notHis = one(
    `SELECT g.id FROM org_groups g WHERE g.id <> ${ids.STEERING} AND NOT EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.user_id = ${garethId}) ORDER BY g.id LIMIT 1`,
  );
  assert.equal((await gareth.postPairs("/o/demo/notifications/settings", [[`group-${notHis}`, "none"]])).status, 303);
  assert.equal(one(`SELECT COUNT(*) FROM notification_choices WHERE user_id = ${garethId} AND group_id = ${notHis}`), "0");
  // His own group's page for this group's choices is not his (he is not in it).
  assert.equal((await gareth.get(`/o/demo/groups/${ids.STEERING}/notifications`)).status, 404);
  // An admin records that Gareth is staff too: the rule now covers him (the demo is new, so he joined recently), and
  // he is asked to each session to come, once, by email; the two called off are not among them.
  const before2 = invitations(demo.member).length;
  const sian = await signedIn(demo.orgAdmin);
  assert.equal((await sian.get(`/o/demo/people/${garethId}`)).status, 200);
  const types = one(`SELECT type FROM member_types WHERE user_id = ${garethId} ORDER BY type`).split("\n").filter(Boolean);
  const saved = await sian.postPairs(`/o/demo/people/${garethId}/role`, [["role", "member"], ...[...types, "staff"].map((t) => ["member_types", t])]);
  assert.equal(saved.status, 303);
  const toCome = sessions.length - 2;
  await waitFor(() => invitations(demo.member).length >= before2 + toCome, "Gareth's invitations as new staff");
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(invitations(demo.member).length, before2 + toCome, "one per session to come");
  for (const id of sessions.slice(2)) {
    assert.equal(invitations(demo.member).filter((m) => plainText(m).includes(`/meetings/${id}`)).length, 1, `session ${id}`);
  }
  // Saving the same again asks nothing again.
  assert.equal((await sian.postPairs(`/o/demo/people/${garethId}/role`, [["role", "member"], ...[...types, "staff"].map((t) => ["member_types", t])])).status, 303);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(invitations(demo.member).length, before2 + toCome);
  // A forged token for her is still 404.
  assert.equal((await fetch(new URL(`/stop/${garethId}.1.${ids.STEERING}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, server.url))).status, 404);
});
