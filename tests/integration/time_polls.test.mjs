// "Find a time" over HTTP (the authorisation matrix rows are in matrices/meetings.mjs, run by meetings.test.mjs):
// a facilitator adds suggested weekday evenings and weekend mornings with the form's buttons, is told plainly about
// a time the clocks skip (the input kept), opens a poll in British Summer Time (the same form sent twice making one)
// and the group's members are emailed in their language (observers are not); members answer (twice changes
// nothing), an observer sees the results but cannot answer, someone outside the group gets 404; a closed poll refuses
// answers with a plain message and keeps them on the page; the meeting is scheduled from the poll's best time and the
// poll links to it; and the poll is deleted after a confirm page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";
import { meetingIds } from "./matrices/meetings.mjs";
import { startSmtpSink, plainText, subject } from "./smtp.mjs";

let sink, server;
before(async () => {
  sink = await startSmtpSink();
  server = await startServer({ args: ["--smtp-url", sink.url] });
});
after(async () => {
  await server?.stop();
  await sink?.stop();
});

async function signedIn(email) {
  const v = new Visitor(server.url);
  await v.signIn(email);
  return v;
}

const one = (sql) => server.database.sql(sql).trim();

/** The day of the month of the last Sunday of March in that year (the clocks go forward at 1am). */
function lastSundayOfMarch(year) {
  for (let day = 31; ; day--) if (new Date(Date.UTC(year, 2, day)).getUTCDay() === 0) return day;
}

const waitForMail = (match) => sink.until(() => (sink.messages().some(match) ? sink.messages().filter(match) : null), "the poll's email");

test(`${backendName}: find a time — open, answer, close, schedule and delete a poll`, async () => {
  const ids = meetingIds(server);
  const tom = await signedIn(demo.facilitator);
  const newPoll = `/o/demo/groups/${ids.BOARD}/polls/new`;
  const create = `/o/demo/groups/${ids.BOARD}/polls`;
  const form = await tom.get(newPoll);
  assert.equal(form.status, 200);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];

  // The buttons add the next weekday evenings and weekend mornings, labelled, without JavaScript and without saving.
  const suggested = await tom.post(create, { create_key: key, rows: "4", title: "Spring planning", add: "evenings" });
  assert.equal(suggested.status, 200);
  assert.match(suggested.text, /Time 1: Weekday evening/);
  assert.match(suggested.text, /value="18:30"/);
  const weekends = await tom.post(create, { create_key: key, rows: "4", title: "Spring planning", add: "weekends" });
  assert.match(weekends.text, /Time 1: Weekend/);
  assert.match(weekends.text, /value="Spring planning"/);
  assert.equal(one("SELECT COUNT(*) FROM meeting_time_polls WHERE title = 'Spring planning'"), "0");

  // A time the clocks skip is refused in plain words, with what was typed kept.
  const year = new Date().getUTCFullYear() + 1;
  const skipped = lastSundayOfMarch(year);
  const bad = await tom.post(create, {
    create_key: key,
    rows: "2",
    title: "Spring planning",
    "c-0-day": String(skipped),
    "c-0-month": "3",
    "c-0-year": String(year),
    "c-0-start": "1:30am",
    "c-0-end": "3am",
  });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /the clocks go forward from 1am to 2am/);
  assert.match(bad.text, /Fill in at least 2 times/);
  assert.match(bad.text, /value="1:30am"/);

  // Opened in British Summer Time, sent twice: one poll. 6pm on 8 July is 17:00 UTC.
  const fields = {
    create_key: key,
    rows: "3",
    title: "Spring planning",
    purpose: "We plan the spring events.",
    "c-0-day": "8",
    "c-0-month": "7",
    "c-0-year": String(year),
    "c-0-start": "6pm",
    "c-0-end": "8pm",
    "c-1-day": "10",
    "c-1-month": "7",
    "c-1-year": String(year),
    "c-1-start": "10:00",
    "c-1-end": "12:00",
    "c-2-day": "",
  };
  const made = await tom.post(create, fields);
  assert.equal(made.status, 303);
  const location = made.headers.get("location");
  const id = location.match(/^\/o\/demo\/polls\/(\d+)$/)[1];
  assert.equal((await tom.post(create, fields)).headers.get("location"), location);
  assert.equal(one("SELECT COUNT(*) FROM meeting_time_polls WHERE title = 'Spring planning'"), "1");
  const options = server.database
    .sql(`SELECT id || ':' || starts_at FROM meeting_time_poll_options WHERE poll_id = ${id} ORDER BY position`)
    .trim()
    .split("\n");
  assert.equal(options.length, 2);
  const [evening, saturday] = options.map((o) => o.split(":")[0]);
  assert.equal(options[0].split(":")[1], String(Date.UTC(year, 6, 8, 17, 0) / 1000));

  // The group's members are emailed, each in their language; the observer is not.
  const gMail = await waitForMail((m) => m.includes(`<${demo.member}>`) && subject(m).startsWith("Find a time: Spring planning"));
  assert.equal(gMail.length, 1);
  assert.ok(plainText(gMail[0]).includes(location));
  const mMail = await waitForMail((m) => m.includes(`<${demo.carer}>`) && subject(m).startsWith("Dod o hyd i amser"));
  assert.equal(mMail.length, 1);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(sink.messages().filter((m) => m.includes(`<${demo.partner}>`) && /Spring planning/.test(subject(m))).length, 0);

  // Members answer; the same answers sent twice change nothing.
  const gareth = await signedIn(demo.member);
  const page = await gareth.get(location);
  assert.equal(page.status, 200);
  assert.match(page.text, /<legend[^>]*>[^<]*8 July \d{4}, 6:00pm to 8:00pm \(Weekday evening\)|8 July \d{4}, 6:00pm to 8:00pm/);
  assert.match(page.text, /Weekend/);
  const answers = { [`o-${evening}`]: "yes", [`o-${saturday}`]: "no" };
  assert.equal((await gareth.post(`${location}/answers`, answers)).status, 303);
  const stamp = one(`SELECT updated_at FROM meeting_time_poll_answers WHERE user_id = (SELECT id FROM users WHERE email = '${demo.member}') AND option_id = ${evening}`);
  assert.equal((await gareth.post(`${location}/answers`, answers)).status, 303);
  assert.equal(one(`SELECT COUNT(*) FROM meeting_time_poll_answers WHERE poll_id = ${id}`), "2");
  assert.equal(
    one(`SELECT updated_at FROM meeting_time_poll_answers WHERE user_id = (SELECT id FROM users WHERE email = '${demo.member}') AND option_id = ${evening}`),
    stamp,
  );
  const mair = await signedIn(demo.carer);
  assert.equal((await mair.post(`${location}/answers`, { [`o-${evening}`]: "if_need_be" })).status, 303);

  // The results: counts as text, the best time marked.
  const results = await gareth.get(location);
  assert.match(results.text, /Your answers are saved|value="yes" checked/);
  assert.match(results.text, /Best time/);
  assert.doesNotMatch(results.text, /Who answered what/, "only the people who run the poll see who said what");

  // An observer sees the results and does not answer; someone outside the group gets 404.
  const ngozi = await signedIn(demo.partner);
  const observed = await ngozi.get(location);
  assert.equal(observed.status, 200);
  assert.match(observed.text, /you see the results but do not answer/);
  assert.equal((await ngozi.post(`${location}/answers`, { [`o-${evening}`]: "yes" })).status, 404);
  const priya = await signedIn(demo.finance);
  assert.equal((await priya.get(location)).status, 404);
  assert.equal((await priya.post(`${location}/answers`, { [`o-${evening}`]: "yes" })).status, 404);

  // The facilitator sees who answered what.
  const running = await tom.get(location);
  assert.match(running.text, /Who answered what/);
  assert.match(running.text, /If I have to/);

  // Closed: answers are refused in plain words, and what was chosen stays on the page.
  assert.equal((await tom.post(`${location}/close`, {})).status, 303);
  const refused = await gareth.post(`${location}/answers`, { [`o-${evening}`]: "no", [`o-${saturday}`]: "if_need_be" });
  assert.equal(refused.status, 400);
  assert.match(refused.text, /This poll has closed, so it takes no more answers/);
  assert.match(refused.text, /value="if_need_be" checked/);
  assert.equal(one(`SELECT answer FROM meeting_time_poll_answers WHERE poll_id = ${id} AND option_id = ${saturday} AND user_id = (SELECT id FROM users WHERE email = '${demo.member}')`), "no");

  // Scheduled from the poll: the meeting form is filled in with its title and the time, and the poll links to it.
  const prefilled = await tom.get(`/o/demo/groups/${ids.BOARD}/meetings/new?poll=${id}&option=${evening}`);
  assert.equal(prefilled.status, 200);
  assert.match(prefilled.text, /value="Spring planning"/);
  assert.match(prefilled.text, /value="18:00"/);
  assert.match(prefilled.text, /name="poll" value="\d+"/);
  const meetingKey = prefilled.text.match(/name="create_key" value="([^"]+)"/)[1];
  const scheduled = await tom.post(`/o/demo/groups/${ids.BOARD}/meetings`, {
    create_key: meetingKey,
    poll: id,
    title: "Spring planning",
    purpose: "We plan the spring events.",
    "date-day": "8",
    "date-month": "7",
    "date-year": String(year),
    start: "18:00",
    end: "20:00",
    venue: "Ty Hywel",
  });
  assert.equal(scheduled.status, 303);
  const meetingId = scheduled.headers.get("location").match(/\/meetings\/(\d+)$/)[1];
  assert.equal(one(`SELECT meeting_id FROM meeting_time_polls WHERE id = ${id}`), meetingId);
  assert.ok((await tom.get(location)).text.includes(`href="/o/demo/meetings/${meetingId}"`));

  // Listed on the group's meetings page among the closed polls; then deleted after a confirm page.
  assert.match((await gareth.get(`/o/demo/groups/${ids.BOARD}/meetings`)).text, /Find a time[\s\S]*Spring planning/);
  assert.equal((await tom.get(`${location}/delete`)).status, 200);
  assert.equal((await gareth.post(`${location}/delete`, {})).status, 404);
  const deleted = await tom.post(`${location}/delete`, {});
  assert.equal(deleted.status, 303);
  assert.equal(one(`SELECT COUNT(*) FROM meeting_time_polls WHERE id = ${id}`), "0");
  assert.equal(one(`SELECT COUNT(*) FROM meetings WHERE id = ${meetingId}`), "1");
});
