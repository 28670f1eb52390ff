// Decisions decided by "find a meeting time" over HTTP (ADR 0041): a member proposes candidate times (a form with a
// problem comes back with what was typed and says it in plain words; the buttons add weekday evenings and weekend
// mornings); members answer each time yes / if I have to / no with plain forms and change their answers; it closes at its
// time through the due worker with nobody visiting; the page says the chosen time in words, shows the chart and the table
// of the same numbers and who answered what; the people who may arrange the group's meetings get a link that opens the
// new-meeting form with the date and times filled in, and others do not.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName } from "./harness.mjs";
import { decisionIds, runDue as runDueAt } from "./matrices/decisions.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const signedIn = (email) => visitorAs(server.url, email);
const one = (sql) => server.database.sql(sql).trim();
const count = (sql) => one(`SELECT COUNT(*) FROM ${sql}`);

/** A London date and time as the form's boxes take it. */
function london(at) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type) => parts.find((p) => p.type === type).value;
  return { day: part("day"), month: part("month"), year: part("year"), time: `${part("hour")}:${part("minute")}` };
}

/** A new meeting-time proposal closing at `closesAt`, with the candidate `times` ([day, month, year, start, end]). */
function fields(key, closesAt, times, changes = {}) {
  const closes = london(closesAt);
  const out = {
    create_key: key,
    title: "When should the carers' café meet?",
    body: "Say which times you could come to.",
    process: "meeting_time",
    eligibility: "members",
    rows: String(Math.max(4, times.length)),
    "closes-day": closes.day,
    "closes-month": closes.month,
    "closes-year": closes.year,
    "closes-time": closes.time,
    ...changes,
  };
  times.forEach(([day, month, year, start, end], i) => {
    Object.assign(out, {
      [`c-${i}-day`]: day, [`c-${i}-month`]: month, [`c-${i}-year`]: year, [`c-${i}-start`]: start, [`c-${i}-end`]: end,
    });
  });
  return out;
}

const runDue = (at) => runDueAt(server, at);

test(`${backendName}: propose times, errors keep the input, answer, change answers, close at the time, arrange the meeting`, async () => {
  const ids = decisionIds(server);
  const gareth = await signedIn(demo.member);
  const mair = await signedIn(demo.carer);
  const tom = await signedIn(demo.facilitator);
  const ngozi = await signedIn(demo.partner);
  const list = `/o/demo/groups/${ids.BOARD}/decisions`;

  // The demo board has an open meeting-time proposal with answers.
  assert.match((await gareth.get(list)).text, /When should we hold the carers(&#39;|')? café\?/);

  const form = await gareth.get(`${list}/new`);
  assert.equal(form.status, 200);
  assert.match(form.text, /value="meeting_time"/);
  assert.match(form.text, /Find a meeting time/);
  assert.match(form.text, /name="c-0-day"/);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const closesAt = new Date(Date.now() + 2 * 86400_000);

  // One time only, in a time the clocks skip: the form comes back with what was typed and the problems in words.
  const bad = await gareth.post(list, fields(key, closesAt, [["28", "3", "2027", "1:30am", "3am"]]));
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Fill in at least 2 times/);
  assert.match(bad.text, /This time does not happen that day in the UK/);
  assert.match(bad.text, /name="c-0-start" type="text" value="1:30am"|value="1:30am"/);
  assert.match(bad.text, /value="When should the carers&#39; café meet\?"/);
  // "Add weekday evenings" fills empty rows without saving anything.
  const added = await gareth.post(list, fields(key, closesAt, [["3", "3", "2027", "6pm", "7:30pm"]], { add: "evenings" }));
  assert.equal(added.status, 200);
  assert.match(added.text, /value="18:30"/);
  assert.match(added.text, /Weekday evening/);
  assert.equal(count("decisions WHERE title = 'When should the carers'' café meet?'"), "0");

  // A winter evening (GMT), a weekend morning, and a summer evening (British Summer Time).
  const times = [["3", "3", "2027", "6pm", "7:30pm"], ["6", "3", "2027", "10am", "12pm"], ["7", "7", "2027", "18:00", "19:30"]];
  const made = await gareth.post(list, fields(key, closesAt, times));
  assert.equal(made.status, 303);
  const again = await gareth.post(list, fields(key, closesAt, times));
  assert.equal(again.headers.get("location"), made.headers.get("location"));
  const id = one("SELECT id FROM decisions WHERE title = 'When should the carers'' café meet?'");
  const url = `/o/demo/decisions/${id}`;
  assert.equal(one(`SELECT process FROM decisions WHERE id = ${id}`), "meeting_time");
  const options = one(`SELECT id FROM decision_options WHERE decision_id = ${id} ORDER BY position`).split("\n");
  assert.equal(options.length, 3);
  // 6pm in March is 18:00 UTC; 6pm in July is 17:00 UTC.
  assert.equal(one(`SELECT starts_at FROM decision_options WHERE id = ${options[0]}`), String(Date.UTC(2027, 2, 3, 18) / 1000));
  assert.equal(one(`SELECT starts_at FROM decision_options WHERE id = ${options[2]}`), String(Date.UTC(2027, 6, 7, 17) / 1000));

  // Answering: a row of radios per time, plain forms.
  const page = await gareth.get(url);
  assert.match(page.text, /Which times can you come to\?/);
  assert.match(page.text, new RegExp(`name="o-${options[0]}" type="radio" value="yes"`));
  assert.match(page.text, /Wednesday 3 March 2027, 6:00pm to 7:30pm \(Weekday evening\)/);
  // Nothing answered: the page says so.
  const none = await gareth.post(`${url}/ballot`, {});
  assert.equal(none.status, 400);
  assert.match(none.text, /Answer at least one time/);
  // Gareth answers, then changes an answer: his latest answers are kept and shown.
  const o = (i) => `o-${options[i]}`;
  assert.equal((await gareth.post(`${url}/ballot`, { [o(0)]: "no", [o(1)]: "yes" })).status, 303);
  assert.equal((await gareth.post(`${url}/ballot`, { [o(0)]: "if_need_be", [o(1)]: "yes", [o(2)]: "no" })).status, 303);
  assert.equal(count(`decision_ballots WHERE decision_id = ${id}`), "3");
  const mine = await gareth.get(url);
  assert.match(mine.text, new RegExp(`name="${o(0)}" type="radio" value="if_need_be" checked`));
  assert.match(mine.text, /Your answers are saved/);
  // Mair (in Welsh) and Tom answer; Ngozi reads along and cannot answer.
  assert.equal((await mair.post(`${url}/ballot`, { [o(0)]: "yes", [o(1)]: "no", [o(2)]: "yes" })).status, 303);
  assert.equal((await tom.post(`${url}/ballot`, { [o(0)]: "yes", [o(1)]: "if_need_be" })).status, 303);
  assert.equal((await ngozi.post(`${url}/ballot`, { [o(0)]: "yes" })).status, 404);
  // No counts while it is open.
  assert.doesNotMatch((await tom.get(url)).text, /Chosen time/);

  // It closes at its time with nobody visiting: Wednesday has 2 yes (Mair, Tom), Saturday 1.
  await runDue(Math.floor(closesAt.getTime() / 1000) + 120);
  assert.equal(one(`SELECT outcome FROM decisions WHERE id = ${id}`), "chosen");
  const late = await gareth.post(`${url}/ballot`, { [o(0)]: "yes" });
  assert.equal(late.status, 400);
  const results = await tom.get(url);
  assert.match(results.text, /The time chosen: Wednesday 3 March 2027, 6pm to 7:30pm\./);
  assert.match(results.text, /<svg class="rt-chart" role="img"/);
  assert.match(results.text, /Wednesday 3 March 2027, 6pm to 7:30pm: 2 yes, 1 if I have to, 0 no \(Chosen time\)/);
  assert.match(results.text, /Saturday 6 March 2027, 10am to 12pm: 1 yes, 1 if I have to, 1 no/);
  assert.match(results.text, /3 people voted/);
  // Named: who answered what.
  assert.match(results.text, /Gareth/);
  // Tom runs the board: the link opens the new-meeting form with the date and times filled in.
  const link = results.text.match(/href="([^"]+\/meetings\/new\?[^"]+)">Arrange a meeting at this time/);
  assert.ok(link, "the arrange link is there for a facilitator");
  const meetingForm = await tom.get(link[1].replaceAll("&amp;", "&"));
  assert.equal(meetingForm.status, 200);
  assert.match(meetingForm.text, /name="date-day" type="text" inputmode="numeric" value="3"|id="date-day"[^>]*value="3"/);
  assert.match(meetingForm.text, /value="18:00"/);
  assert.match(meetingForm.text, /value="19:30"/);
  assert.match(meetingForm.text, /value="When should the carers&#39; café meet\?"/);
  // Gareth, a member, reads the same time in words but is not offered the link.
  const member = await gareth.get(url);
  assert.match(member.text, /The time chosen: Wednesday 3 March 2027, 6pm to 7:30pm\./);
  assert.doesNotMatch(member.text, /Arrange a meeting at this time/);
  // Mair reads it in Welsh.
  assert.match((await mair.get(url)).text, /Yr amser a ddewiswyd: Dydd Mercher 3 Mawrth 2027/);
});
