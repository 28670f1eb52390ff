// Meetings over HTTP: the authorisation matrix of every meetings route; a facilitator arranging a meeting in British
// Summer Time (the input kept on a problem, the same form sent twice making one), changing it to winter time and
// calling it off with a reason; people replying with what they need (twice is one reply), observers and people
// outside the group not replying, the facilitators' checklist with its counts, and the calendar file. Agendas: a
// member's idea (twice is one), a raised discussion topic put on the agenda and moved up, observers and outsiders
// refused, and publishing the minutes telling the person who raised the topic, in Welsh, once.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName } from "./harness.mjs";
import { rows, meetingIds, fill } from "./matrices/meetings.mjs";
import { startSmtpSink, plainText, subject } from "./smtp.mjs";
import { pdf, docx, WORD_MACROS, AUTHOR, COMPANY } from "./fixtures/documents.mjs";

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

const count = (sql) => server.database.sql(`SELECT COUNT(*) FROM ${sql}`).trim();

test(`${backendName}: authorisation matrix — every meetings route for every kind of visitor`, async () => {
  const ids = meetingIds(server);
  const people = [];
  for (const [name, email] of visitors) people.push([name, await signedIn(email)]);
  const wrong = [];
  for (const [method, template, expected] of rows) {
    const path = fill(template, ids);
    for (let i = 0; i < people.length; i++) {
      const [name, v] = people[i];
      const res = method === "GET" ? await v.get(path) : await v.post(path, {});
      if (res.status !== expected[i]) wrong.push(`${method} ${path} as ${name}: ${res.status}, expected ${expected[i]}`);
      if (res.status === 404) {
        assert.doesNotMatch(res.text, /Steering group:|Board meeting|Demo County/, `${path} leaks a name to ${name}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test(`${backendName}: a meeting is arranged in summer time, changed to winter time, and called off with a reason`, async () => {
  const ids = meetingIds(server);
  const tom = await signedIn(demo.facilitator);
  const form = await tom.get(`/o/demo/groups/${ids.BOARD}/meetings/new`);
  assert.equal(form.status, 200);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const year = new Date().getUTCFullYear() + 1;
  const fields = [
    ["create_key", key],
    ["title", ""],
    ["purpose", "- Agree the <b>plan</b>"],
    ["date-day", "8"],
    ["date-month", "7"],
    ["date-year", String(year)],
    ["start", "6pm"],
    ["end", "5pm"],
    ["online_url", "javascript:alert(1)"],
    ["venue", "Ty Hywel\nCardiff"],
    ["access", "step_free"],
    ["access", "hearing_loop"],
    ["access_notes", "Lift by the door"],
  ];
  // Problems: the input comes back as typed, with each problem in plain words.
  const bad = await tom.postPairs(`/o/demo/groups/${ids.BOARD}/meetings`, fields);
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Enter the name of the meeting/);
  assert.match(bad.text, /The end time must be after the start time/);
  assert.match(bad.text, /The link must be a web address starting with https:\/\//);
  assert.match(bad.text, /value="6pm"/);
  assert.match(bad.text, /- Agree the &lt;b&gt;plan&lt;\/b&gt;/);
  assert.match(bad.text, /value="hearing_loop" checked/);
  assert.match(bad.text, /Lift by the door/);

  // Sent twice (a double click): one meeting. 6pm on 8 July is British Summer Time: 17:00 UTC.
  const good = fields.map(([k, v]) =>
    k === "title" ? [k, "Summer board meeting"] : k === "end" ? [k, "20:00"] : k === "online_url" ? [k, "https://meet.example.org/board"] : [k, v],
  );
  const made = await tom.postPairs(`/o/demo/groups/${ids.BOARD}/meetings`, good);
  assert.equal(made.status, 303);
  const location = made.headers.get("location");
  const id = location.match(/^\/o\/demo\/meetings\/(\d+)$/)[1];
  const again = await tom.postPairs(`/o/demo/groups/${ids.BOARD}/meetings`, good);
  assert.equal(again.headers.get("location"), location);
  assert.equal(count("meetings WHERE title = 'Summer board meeting'"), "1");
  assert.equal(server.database.sql(`SELECT starts_at FROM meetings WHERE id = ${id}`).trim(), String(Date.UTC(year, 6, 8, 17, 0) / 1000));
  assert.equal(server.database.sql(`SELECT ends_at FROM meetings WHERE id = ${id}`).trim(), String(Date.UTC(year, 6, 8, 19, 0) / 1000));
  const weekday = new Date(Date.UTC(year, 6, 8)).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
  const page = await tom.get(location);
  assert.match(page.text, /Summer board meeting is arranged/);
  assert.ok(page.text.includes(`${weekday} 8 July ${year}, 6:00pm to 8:00pm`), "London time on the page");
  assert.match(page.text, /<li>Agree the &lt;b&gt;plan&lt;\/b&gt;<\/li>/, "Markdown list, HTML shown as typed");
  assert.match(page.text, /Hearing loop/);
  assert.match(page.text, /href="https:\/\/meet.example.org\/board"/);
  // Gareth, in the group, sees it listed among the meetings to come.
  const gareth = await signedIn(demo.member);
  assert.match((await gareth.get(`/o/demo/groups/${ids.BOARD}/meetings`)).text, /Summer board meeting/);

  // Changed to 8 December: 6pm is Greenwich Mean Time, 18:00 UTC. The form shows the London time.
  const edit = await tom.get(`${location}/edit`);
  assert.match(edit.text, /name="start" type="text" value="18:00"|value="18:00"/);
  const winter = good.filter(([k]) => k !== "create_key").map(([k, v]) => (k === "date-month" ? [k, "12"] : [k, v]));
  assert.equal((await tom.postPairs(`${location}/edit`, winter)).status, 303);
  assert.equal(server.database.sql(`SELECT starts_at FROM meetings WHERE id = ${id}`).trim(), String(Date.UTC(year, 11, 8, 18, 0) / 1000));
  assert.match((await tom.get(location)).text, / 8 December \d{4}, 6:00pm to 8:00pm/);

  // The calendar file: UTC times, CRLF lines, a UID that stays the same.
  const ics = await gareth.get(`${location}/calendar.ics`);
  assert.equal(ics.status, 200);
  assert.match(ics.headers.get("content-type"), /^text\/calendar/);
  assert.ok(ics.text.includes(`\r\nDTSTART:${year}1208T180000Z\r\n`));
  assert.ok(ics.text.includes(`\r\nUID:meeting-${id}@demo.roundtable\r\n`));
  assert.doesNotMatch(ics.text.replace(/\r\n/g, ""), /[\r\n]/, "CRLF line endings only");
  for (const line of ics.text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, line);

  // Called off: a reason is needed; then everyone sees it, and it stays listed as cancelled.
  const noReason = await tom.post(`${location}/cancel`, { reason: " " });
  assert.equal(noReason.status, 400);
  assert.match(noReason.text, /Say why the meeting is cancelled/);
  assert.equal((await tom.post(`${location}/cancel`, { reason: "The room is not free. We will find a new date." })).status, 303);
  const cancelled = await gareth.get(location);
  assert.match(cancelled.text, /This meeting is cancelled. Why: The room is not free. We will find a new date./);
  assert.match((await gareth.get(`/o/demo/groups/${ids.BOARD}/meetings`)).text, /Summer board meeting<\/a>[\s\S]{0,120}Cancelled/);
  assert.equal((await gareth.get(`${location}/reply`)).status, 404);
  assert.equal((await tom.get(`${location}/edit`)).status, 404);
  assert.match((await gareth.get(`${location}/calendar.ics`)).text, /STATUS:CANCELLED/);
});

test(`${backendName}: people reply with what they need, once each, and only the people who run the group see the checklist`, async () => {
  const ids = meetingIds(server);
  const tom = await signedIn(demo.facilitator);
  const form = await tom.get(`/o/demo/groups/${ids.BOARD}/meetings/new`);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const made = await tom.postPairs(`/o/demo/groups/${ids.BOARD}/meetings`, [
    ["create_key", key],
    ["title", "Board: reply test"],
    ["purpose", "Replies"],
    ["date-day", "9"],
    ["date-month", "3"],
    ["date-year", String(new Date().getUTCFullYear() + 1)],
    ["start", "18:30"],
    ["end", "20:00"],
    ["venue", "Ty Hywel"],
  ]);
  const location = made.headers.get("location");
  const id = location.match(/(\d+)$/)[1];

  // Gareth asks for a BSL interpreter; a language is needed for another interpreter, and what he typed comes back.
  const gareth = await signedIn(demo.member);
  assert.match((await gareth.get(location)).text, /Say if you are coming/);
  const missing = await gareth.postPairs(`${location}/reply`, [
    ["answer", "going"],
    ["needs", "bsl_interpreter"],
    ["needs", "other_interpreter"],
    ["interpreter_language", ""],
    ["note", "I will sit near the front"],
  ]);
  assert.equal(missing.status, 400);
  assert.match(missing.text, /Say which language you need an interpreter for/);
  assert.match(missing.text, /I will sit near the front/);
  assert.match(missing.text, /value="bsl_interpreter" checked/);
  const reply = [
    ["answer", "going"],
    ["needs", "bsl_interpreter"],
    ["needs", "travel_expenses"],
    ["note", "I will sit near the front"],
  ];
  // Sent twice: one reply.
  assert.equal((await gareth.postPairs(`${location}/reply`, reply)).status, 303);
  assert.equal((await gareth.postPairs(`${location}/reply`, reply)).status, 303);
  assert.equal(count(`meeting_rsvps WHERE meeting_id = ${id}`), "1");
  const mine = await gareth.get(location);
  assert.match(mine.text, /Your answer is saved/);
  assert.match(mine.text, /BSL interpreter/);
  assert.match(mine.text, /Change your answer/);

  // Mair answers in Welsh, with a BSL interpreter and large print too.
  const mair = await signedIn(demo.carer);
  const welsh = await mair.get(location);
  assert.match(welsh.text, /Dweud a ydych chi&#39;n dod/);
  assert.match(welsh.text, / tan /);
  assert.equal(
    (await mair.postPairs(`${location}/reply`, [["answer", "going"], ["needs", "bsl_interpreter"], ["needs", "large_print"]])).status,
    303,
  );
  // Ngozi observes the board and Priya is not in it: neither replies.
  assert.equal((await (await signedIn(demo.partner)).get(`${location}/reply`)).status, 404);
  const priya = await signedIn(demo.finance);
  assert.equal((await priya.get(location)).status, 200);
  assert.equal((await priya.postPairs(`${location}/reply`, reply)).status, 404);
  // Another organisation finds nothing.
  const rhys = await signedIn(demo.otherOrgAdmin);
  assert.equal((await rhys.get(location)).status, 404);
  assert.equal((await rhys.get(`/o/north/meetings/${id}`)).status, 404);

  // The checklist: counts and each person's needs, for Tom; not for Gareth or Priya.
  const checklist = await tom.get(`${location}/checklist`);
  assert.equal(checklist.status, 200);
  assert.match(checklist.text, /2 need a BSL interpreter/);
  assert.match(checklist.text, /1 needs large print papers/);
  assert.match(checklist.text, /1 needs travel costs paid/);
  assert.match(checklist.text, /2 people are coming/);
  assert.match(checklist.text, /I will sit near the front/);
  assert.equal((await gareth.get(`${location}/checklist`)).status, 404);
  assert.equal((await priya.get(`${location}/checklist`)).status, 404);
  // Gareth changes his mind: not coming, so nothing to arrange for him.
  assert.equal((await gareth.postPairs(`${location}/reply`, [["answer", "not_going"], ["needs", "bsl_interpreter"]])).status, 303);
  assert.match((await tom.get(`${location}/checklist`)).text, /1 needs a BSL interpreter/);
  assert.equal(count(`meeting_rsvps WHERE meeting_id = ${id}`), "2");

  // Tom ticks Mair's BSL interpreter as arranged (sent twice: one tick); the page says what is left to arrange.
  const mairId = server.database.sql(`SELECT id FROM users WHERE email = '${demo.carer}'`).trim();
  const tick = [["person", mairId], ["need", "bsl_interpreter"], ["arranged", "yes"]];
  assert.match((await tom.get(`${location}/checklist`)).text, /2 requests are not arranged yet/);
  const ticked = await tom.postPairs(`${location}/checklist/arranged`, tick);
  assert.equal(ticked.status, 303);
  assert.equal(ticked.headers.get("location"), `${location}/checklist#need-${mairId}-bsl_interpreter`);
  assert.equal((await tom.postPairs(`${location}/checklist/arranged`, tick)).status, 303);
  assert.equal(count(`meeting_support_arranged WHERE meeting_id = ${id}`), "1");
  const after = await tom.get(`${location}/checklist`);
  assert.match(after.text, /Marked as arranged/);
  assert.match(after.text, /1 request is not arranged yet/);
  assert.match(after.text, new RegExp(`id="need-${mairId}-bsl_interpreter">[^<]*<strong class="govuk-tag govuk-tag--green">\\s*Arranged`));
  // Not for Gareth, who does not run the group; not a need Mair did not ask for; not Gareth's, who is not coming.
  assert.equal((await gareth.postPairs(`${location}/checklist/arranged`, tick)).status, 404);
  assert.equal((await tom.postPairs(`${location}/checklist/arranged`, [["person", mairId], ["need", "dietary"], ["arranged", "yes"]])).status, 404);
  const garethId = server.database.sql(`SELECT id FROM users WHERE email = '${demo.member}'`).trim();
  assert.equal((await tom.postPairs(`${location}/checklist/arranged`, [["person", garethId], ["need", "bsl_interpreter"], ["arranged", "yes"]])).status, 404);
  assert.equal(count(`meeting_support_arranged WHERE meeting_id = ${id}`), "1");
  // Mair no longer needs the interpreter: its tick goes with it. Tom unticks nothing that is not there.
  assert.equal((await mair.postPairs(`${location}/reply`, [["answer", "going"], ["needs", "large_print"]])).status, 303);
  assert.equal(count(`meeting_support_arranged WHERE meeting_id = ${id}`), "0");
  assert.equal((await tom.postPairs(`${location}/checklist/arranged`, [["person", mairId], ["need", "large_print"], ["arranged", "no"]])).status, 303);
  assert.match((await tom.get(`${location}/checklist`)).text, /1 request is not arranged yet/);
});

test(`${backendName}: the demo board's next meeting is in the evening, with a BSL interpreter and large print to arrange`, async () => {
  const ids = meetingIds(server);
  const tom = await signedIn(demo.facilitator);
  const page = await tom.get(`/o/demo/meetings/${ids.NEXT}`);
  assert.match(page.text, /6:00pm to 8:00pm/);
  const checklist = await tom.get(`/o/demo/meetings/${ids.NEXT}/checklist`);
  assert.match(checklist.text, /1 needs a BSL interpreter/);
  assert.match(checklist.text, /1 needs large print papers/);
  // Tom has booked Gareth's interpreter; Gareth's travel costs and Mair's four requests are still to arrange.
  assert.match(checklist.text, /5 requests are not arranged yet/);
  const list = await tom.get(`/o/demo/groups/${ids.BOARD}/meetings`);
  assert.ok(list.text.indexOf("Board meeting: next year") < list.text.indexOf("Board meeting: checking the year"), "upcoming first");
  assert.match(list.text, /Past meetings/);
});

test(`${backendName}: papers as PDF and Word documents, cleaned of their author and downloaded, never shown`, async () => {
  const ids = meetingIds(server);
  const tom = await signedIn(demo.facilitator);
  const gareth = await signedIn(demo.member);
  const priya = await signedIn(demo.finance);
  const papers = `/o/demo/meetings/${ids.NEXT}/papers`;
  const agenda = `/o/demo/meetings/${ids.NEXT}/agenda`;
  const keyOf = (text) => text.match(/name="create_key" value="([^"]+)"/)[1];
  const form = await tom.get(agenda);
  assert.match(form.text, /A PDF or Word document/);

  // Refused with the words kept: a macro-enabled Word file, and a text file that calls itself a PDF.
  const docm = await tom.postMultipart(
    papers,
    { create_key: keyOf(form.text), paper_title: "Treasurer's report" },
    { paper: { filename: "report.docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", data: docx(WORD_MACROS) } },
  );
  assert.equal(docm.status, 400);
  assert.match(docm.text, /This Word file has macros in it/);
  assert.match(docm.text, /value="Treasurer&#39;s report"|value="Treasurer's report"/);
  const fake = await tom.postMultipart(
    papers,
    { create_key: keyOf(docm.text), paper_title: "Fake" },
    { paper: { filename: "fake.pdf", type: "application/pdf", data: "Dear all, this is a letter.\n" } },
  );
  assert.equal(fake.status, 400);
  assert.match(fake.text, /The file must be a PDF, a Word document/);
  assert.match(fake.text, /value="Fake"/);
  const broken = await tom.postMultipart(
    papers,
    { create_key: keyOf(fake.text), paper_title: "Broken" },
    { paper: { filename: "broken.pdf", type: "application/pdf", data: "%PDF-1.7\nnot really\n" } },
  );
  assert.equal(broken.status, 400);
  assert.match(broken.text, /could not be opened/);
  assert.equal(count(`meeting_papers WHERE title IN ('Treasurer''s report', 'Fake', 'Broken')`), "0");

  // A PDF with a Word large-print version; sent twice, one paper.
  const key = keyOf(broken.text);
  for (let i = 0; i < 2; i++) {
    const added = await tom.postMultipart(
      papers,
      { create_key: key, paper_title: "Minutes: \"March\"; draft", accessible_kind: "large_print" },
      {
        paper: { filename: "C:\\Users\\megan\\minutes.pdf", type: "application/pdf", data: pdf() },
        accessible: { filename: "minutes-large.docx", type: "application/octet-stream", data: docx() },
      },
    );
    assert.equal(added.status, 303, added.text.slice(0, 300));
  }
  assert.equal(count(`meeting_papers WHERE title = 'Minutes: "March"; draft'`), "1");
  assert.equal(count(`uploads WHERE kind = 'document' AND purpose = 'meeting_paper'`), "3", "the demo PDF and these two");

  const page = await gareth.get(agenda);
  const pdfLink = page.text.match(/href="(\/files\/[^"]+)"[^>]*>Download the paper: Minutes: &quot;March&quot;; draft \(PDF, (\d+) KB\)/);
  assert.ok(pdfLink, "the link says the type and size");
  const wordLink = page.text.match(/href="(\/files\/[^"]+)"[^>]*>Download the large print version: Minutes: &quot;March&quot;; draft \(Word, \d+ KB\)/);
  assert.ok(wordLink);

  const got = await fetch(new URL(pdfLink[1], server.url), { headers: { cookie: gareth.cookieHeader() } });
  assert.equal(got.status, 200);
  assert.equal(got.headers.get("content-type"), "application/pdf");
  assert.equal(got.headers.get("x-content-type-options"), "nosniff");
  assert.match(got.headers.get("content-security-policy"), /sandbox/);
  assert.match(got.headers.get("content-security-policy"), /default-src 'none'/);
  const disposition = got.headers.get("content-disposition");
  assert.match(disposition, /^attachment; filename="Minutes_ _March__ draft\.pdf"; filename\*=UTF-8''Minutes%3A%20%22March%22%3B%20draft\.pdf$/);
  const body = Buffer.from(await got.arrayBuffer());
  assert.equal(body.subarray(0, 5).toString("latin1"), "%PDF-");
  assert.ok(!body.includes(AUTHOR) && !body.includes(COMPANY), "the author and producer are gone");

  const word = await fetch(new URL(wordLink[1], server.url), { headers: { cookie: gareth.cookieHeader() } });
  assert.equal(word.status, 200);
  assert.equal(word.headers.get("content-type"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  assert.match(word.headers.get("content-disposition"), /^attachment; filename=".*\(large print\)\.docx"/);
  const wordBody = Buffer.from(await word.arrayBuffer());
  assert.equal(wordBody.subarray(0, 2).toString("latin1"), "PK");
  assert.ok(wordBody.includes("Minutes of the last meeting"), "the text is kept");
  assert.ok(!wordBody.includes(AUTHOR) && !wordBody.includes(COMPANY), "the author and company are gone");

  // People outside the group, and nobody signed in, get nothing.
  for (const link of [pdfLink[1], wordLink[1]]) {
    assert.equal((await priya.get(link)).status, 404);
    assert.equal((await fetch(new URL(link, server.url), { redirect: "manual" })).status, 404);
  }

  // Removed: the paper goes, and its files with it.
  const id = server.database.sql(`SELECT id FROM meeting_papers WHERE title = 'Minutes: "March"; draft'`).trim();
  await tom.get(agenda);
  assert.equal((await tom.post(`${papers}/${id}/remove`)).status, 303);
  assert.equal((await gareth.get(pdfLink[1])).status, 404);
});

test(`${backendName}: an agenda from the discussion space, and the raiser told what the meeting did with it`, async () => {
  const ids = meetingIds(server);
  const topic = server.database
    .sql("SELECT id FROM discussion_topics WHERE title = 'Booking respite: what went wrong for you?'")
    .trim();
  const gareth = await signedIn(demo.member);
  const tom = await signedIn(demo.facilitator);
  const mair = await signedIn(demo.carer);
  const priya = await signedIn(demo.finance);
  const ngozi = await signedIn("ngozi@demo.example");
  const agenda = `/o/demo/meetings/${ids.NEXT}/agenda`;

  // Outsiders get 404; observers read but do not propose.
  assert.equal((await priya.get(agenda)).status, 404);
  assert.equal((await ngozi.get(agenda)).status, 200);
  assert.equal((await ngozi.post(`${agenda}/items`, { title: "Mine" })).status, 404);

  // Gareth suggests an item: a problem first (what he typed is kept), then twice with one key, one item.
  const page = await gareth.get(agenda);
  assert.equal(page.status, 200);
  assert.match(page.text, /Suggested by Gareth Jones/);
  assert.match(page.text, /Raised by 2 members in the discussion space/);
  // The papers (with an easy-read version) and the day they were sent, for the group only.
  assert.match(page.text, /The papers were sent on/);
  assert.match(page.text, /Open the easy read version: Next year/);
  assert.match(page.text, /Download the paper: Budget for next year \(PDF, \d+ KB\)/);
  const files = [...page.text.matchAll(/href="(\/files\/[^"]+)"/g)].map((m) => m[1]);
  assert.equal(files.length, 3);
  for (const file of files) {
    assert.equal((await gareth.get(file)).status, 200);
    assert.equal((await ngozi.get(file)).status, 200, "observers read the papers");
    assert.equal((await priya.get(file)).status, 404, "people outside the group do not");
  }
  const key = page.text.match(/name="create_key" value="([^"]+)"/)[1];
  const bad = await gareth.post(`${agenda}/items`, { create_key: key, title: "", notes: "Parking is hard" });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Say what the agenda item is about/);
  assert.match(bad.text, /Parking is hard/);
  for (let i = 0; i < 2; i++) {
    const ok = await gareth.post(`${agenda}/items`, { create_key: key, title: "Parking at the venue", notes: "" });
    assert.equal(ok.status, 303);
  }
  assert.equal(count(`meeting_agenda_items WHERE title = 'Parking at the venue'`), "1");

  // Mair asks for a topic to be raised; Tom puts it on the agenda (twice is one) and moves it up.
  assert.equal((await mair.post(`/o/demo/topics/${topic}/raise`, { on: "1" })).status, 303);
  const tomsPage = await tom.get(agenda);
  assert.match(tomsPage.text, /Topics members want to talk about/);
  assert.match(tomsPage.text, /Booking respite: what went wrong for you\?/);
  for (let i = 0; i < 2; i++) {
    assert.equal((await tom.post(`${agenda}/topics`, { topic })).status, 303);
  }
  assert.equal(count(`meeting_agenda_items WHERE meeting_id = ${ids.NEXT} AND topic_id = ${topic}`), "1");
  assert.equal((await gareth.post(`${agenda}/topics`, { topic })).status, 404, "members do not promote");
  const item = server.database
    .sql(`SELECT id FROM meeting_agenda_items WHERE meeting_id = ${ids.NEXT} AND topic_id = ${topic}`)
    .trim();
  const order = () =>
    server.database
      .sql(
        `SELECT title FROM meeting_agenda_items WHERE meeting_id = ${ids.NEXT} AND status = 'accepted' ORDER BY position`,
      )
      .trim()
      .split("\n");
  const before = order();
  assert.equal(before.at(-1), "Booking respite: what went wrong for you?");
  assert.equal((await tom.post(`${agenda}/items/${item}/move`, { direction: "up" })).status, 303);
  const after = order();
  assert.equal(after.at(-2), "Booking respite: what went wrong for you?");
  const shown = await gareth.get(agenda);
  assert.ok(
    shown.text.indexOf("Booking respite") < shown.text.indexOf(before.at(-2).replace(/'/g, "&#39;")),
    "the page shows the new order",
  );

  // Tom records the decision and an action (a problem first, kept), then publishes the minutes.
  const minutes = `/o/demo/meetings/${ids.NEXT}/minutes`;
  assert.match((await gareth.get(minutes)).text, /The minutes are not ready yet/);
  assert.equal(
    (await tom.post(`${agenda}/items/${item}/decision`, { decision: "Tom will write to the respite service." }))
      .status,
    303,
  );
  const gid = server.database.sql(`SELECT id FROM users WHERE email = '${demo.member}'`).trim();
  const noDate = await tom.post(`/o/demo/meetings/${ids.NEXT}/actions`, {
    create_key: "action-key-1",
    item,
    what: "Ask about online booking",
    owner: gid,
    "due-day": "31",
    "due-month": "2",
    "due-year": "2027",
  });
  assert.equal(noDate.status, 400);
  assert.match(noDate.text, /The date must be a real date/);
  assert.match(noDate.text, /Ask about online booking/);
  const action = {
    create_key: "action-key-1",
    item,
    what: "Ask about online booking",
    owner: gid,
    "due-day": "28",
    "due-month": "2",
    "due-year": "2027",
  };
  for (let i = 0; i < 2; i++) assert.equal((await tom.post(`/o/demo/meetings/${ids.NEXT}/actions`, action)).status, 303);
  assert.equal(count(`meeting_actions WHERE what = 'Ask about online booking'`), "1");
  assert.equal((await gareth.post(`${minutes}/publish`, {})).status, 404);
  assert.equal((await tom.post(`${minutes}/publish`, {})).status, 303);
  assert.equal((await tom.post(`${minutes}/publish`, {})).status, 303);

  // Mair raised it: one email, in Welsh, with the decision and the action.
  const outcome = () =>
    sink.messages().filter((m) => m.includes(`<${demo.carer}>`) && subject(m).startsWith("Beth wnaeth cyfarfod"));
  const until = Date.now() + 15_000;
  while (Date.now() < until && outcome().length === 0) await new Promise((r) => setTimeout(r, 100));
  assert.equal(outcome().length, 1);
  const text = plainText(outcome()[0]);
  assert.match(text, /Booking respite/);
  assert.match(text, /Tom will write to the respite service\./);
  assert.match(text, /Ask about online booking \(Gareth Jones, erbyn 28 Chwefror 2027\)/);
  assert.ok(text.includes(`/o/demo/meetings/${ids.NEXT}/minutes`));
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(outcome().length, 1, "told once");
  // The group reads the published minutes with the decision.
  const published = await gareth.get(minutes);
  assert.match(published.text, /Decision: Tom will write to the respite service\./);
  assert.match(published.text, /Ask about online booking/);
});
