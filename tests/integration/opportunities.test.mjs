// Recruitment over HTTP with a real SMTP server: the authorisation matrix of every opportunities route; a facilitator
// advertising a place (the input kept on a problem, the same form sent twice making one), a public page anyone reads
// in English or Welsh, people applying in their own words (and changing or taking it back), shortlisting and
// selecting, and everyone hearing the outcome once, by email in their own language, with the selected in the group;
// interest by a recording (who may hear it, replacing, removing, taking it back) and who applied as a spreadsheet.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, Visitor, visitorAs, demo, backendName, root } from "./harness.mjs";
import { startSmtpSink, plainText, subject } from "./smtp.mjs";
import { rows, opportunityIds, fill } from "./matrices/opportunities.mjs";

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

const mailsTo = (address) => sink.to(address);

test(`${backendName}: authorisation matrix — every opportunities route for every kind of visitor`, async () => {
  const ids = opportunityIds(server);
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
        assert.doesNotMatch(res.text, /booking guide|Steering|Demo County/, `${path} leaks a name to ${name}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test(`${backendName}: a place is advertised, people apply in their own words, and everyone hears the outcome once in their language`, async () => {
  const ids = opportunityIds(server);
  const tom = await signedIn(demo.facilitator);
  const form = await tom.get(`/o/demo/groups/${ids.GROUP}/opportunities/new`);
  assert.equal(form.status, 200);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const year = String(new Date().getFullYear() + 1);
  const fields = {
    create_key: key,
    title: "",
    description: "- Talk to us\n- Help us <b>decide</b>",
    time_asked: "2 hours a month for 6 months",
    payment: "£25 an hour",
    support: "BSL interpreter",
    "closes-day": "31",
    "closes-month": "2",
    "closes-year": year,
    audience: "public",
    publish: "1",
  };
  // Problems: the input comes back as typed, with each problem in plain words.
  const bad = await tom.post(`/o/demo/groups/${ids.GROUP}/opportunities`, fields);
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Enter a title/);
  assert.match(bad.text, /The closing date must be a real date/);
  assert.match(bad.text, /value="£25 an hour"/);
  assert.match(bad.text, /name="closes-day" type="text" value="31"|value="31"/);
  assert.match(bad.text, /- Help us &lt;b&gt;decide&lt;\/b&gt;/);
  // Sent twice (a double click): one opportunity.
  Object.assign(fields, { title: "Join the carers' panel", "closes-day": "28" });
  const made = await tom.post(`/o/demo/groups/${ids.GROUP}/opportunities`, fields);
  assert.equal(made.status, 303);
  const location = made.headers.get("location");
  const id = location.match(/^\/o\/demo\/opportunities\/(\d+)$/)[1];
  const again = await tom.post(`/o/demo/groups/${ids.GROUP}/opportunities`, fields);
  assert.equal(again.headers.get("location"), location);
  assert.equal(server.database.sql(`SELECT COUNT(*) FROM opportunities WHERE title = 'Join the carers'' panel'`).trim(), "1");
  const page = await tom.get(location);
  assert.match(page.text, /Join the carers&#39; panel is published./);
  assert.match(page.text, /<li>Help us &lt;b&gt;decide&lt;\/b&gt;<\/li>/, "Markdown list, HTML shown as typed");

  // Anyone reads the public page, in English or Welsh, and is told how to apply.
  const anon = new Visitor(server.url);
  const open = await anon.get(`/opportunities/demo/${id}`);
  assert.equal(open.status, 200);
  assert.match(open.text, /To say you are interested, sign in as a member of Demo County Carers Partnership|sign in as a member of/);
  assert.ok(open.text.includes(`/sign-in?next=%2Fo%2Fdemo%2Fopportunities%2F${id}%2Finterest`));
  const welsh = await new Visitor(server.url).get(`/opportunities/demo/${id}`, { headers: { "accept-language": "cy" } });
  assert.match(welsh.text, /Mewngofnodi i wneud cais/);

  // Mair (Welsh) applies in her own words; an empty form comes back with the problem.
  const mair = await signedIn(demo.carer);
  assert.equal((await mair.get(`/o/demo/opportunities/${id}/interest`)).status, 200);
  const empty = await mair.post(`/o/demo/opportunities/${id}/interest`, { message: " ", help: "Cyfarfodydd gyda'r nos" });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /Dywedwch pam mae gennych ddiddordeb/);
  assert.match(empty.text, /Cyfarfodydd gyda&#39;r nos/);
  assert.equal((await mair.post(`/o/demo/opportunities/${id}/interest`, { message: "Rwy'n gofalu am fy mam.", help: "" })).status, 303);
  assert.match((await mair.get(`/o/demo/opportunities/${id}`)).text, /Dywedoch fod gennych ddiddordeb/);
  // Ngozi and Priya apply; Priya takes it back and applies again; one expression each.
  const ngozi = await signedIn(demo.partner);
  assert.equal((await ngozi.post(`/o/demo/opportunities/${id}/interest`, { message: "Our charity hears this every week." })).status, 303);
  const priya = await signedIn(demo.finance);
  assert.equal((await priya.post(`/o/demo/opportunities/${id}/interest`, { message: "My brother has MS." })).status, 303);
  assert.equal((await priya.post(`/o/demo/opportunities/${id}/interest/withdraw`, {})).status, 303);
  assert.equal(server.database.sql(`SELECT COUNT(*) FROM opportunity_interest WHERE opportunity_id = ${id}`).trim(), "2");
  await priya.post(`/o/demo/opportunities/${id}/interest`, { message: "My brother has MS." });
  await priya.post(`/o/demo/opportunities/${id}/interest`, { message: "My brother has MS, and I help him.", help: "Large print" });
  assert.equal(server.database.sql(`SELECT COUNT(*) FROM opportunity_interest WHERE opportunity_id = ${id}`).trim(), "3");
  // Gareth is in the group already.
  assert.equal((await (await signedIn(demo.member)).get(`/o/demo/opportunities/${id}/interest`)).status, 404);

  // Tom sees everyone with their words and member types, shortlists and selects.
  const applicants = await tom.get(`/o/demo/opportunities/${id}/applicants`);
  assert.match(applicants.text, /3 people applied: 0 shortlisted, 0 selected./);
  assert.match(applicants.text, /Rwy&#39;n gofalu am fy mam./);
  assert.match(applicants.text, /My brother has MS, and I help him./);
  assert.match(applicants.text, /Unpaid carer/);
  const userId = (email) => server.database.sql(`SELECT id FROM users WHERE email = '${email}'`).trim();
  for (const [email, what] of [[demo.carer, "select"], [demo.partner, "select"], [demo.finance, "shortlist"]]) {
    const res = await tom.post(`/o/demo/opportunities/${id}/applicants`, { user: userId(email), what, on: "1" });
    assert.equal(res.status, 303, `${what} ${email}`);
  }
  assert.match((await tom.get(`/o/demo/opportunities/${id}/applicants`)).text, /1 shortlisted, 2 selected/);
  assert.equal(mailsTo(demo.carer).length, 0, "nobody is told before the outcome");
  const outcome = await tom.get(`/o/demo/opportunities/${id}/outcome`);
  assert.match(outcome.text, /2 people will join Newly diagnosed: the first six months as members/);
  assert.match(outcome.text, /1 other person will get an email/);

  const told = await tom.post(`/o/demo/opportunities/${id}/outcome`, {});
  assert.equal(told.status, 303);
  assert.match((await tom.get(location)).text, /Everyone is told: 2 selected and 1 not selected this time./);
  const until = Date.now() + 15_000;
  while (Date.now() < until && !(mailsTo(demo.carer).length && mailsTo(demo.partner).length && mailsTo(demo.finance).length)) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const [toMair] = mailsTo(demo.carer);
  assert.equal(subject(toMair), "Cawsoch eich dewis: Join the carers' panel");
  assert.match(plainText(toMair), /Rydych bellach yn aelod o Newly diagnosed: the first six months/);
  assert.match(plainText(toMair), new RegExp(`/o/demo/groups/${ids.GROUP}`));
  assert.equal(subject(mailsTo(demo.partner)[0]), "You were selected: Join the carers' panel");
  const [toPriya] = mailsTo(demo.finance);
  assert.equal(subject(toPriya), "Thank you for your interest: Join the carers' panel");
  assert.match(plainText(toPriya), /You were not selected this time/);

  // The selected are in the group; each sees the outcome on the page.
  assert.equal((await mair.get(`/o/demo/groups/${ids.GROUP}/members`)).status, 200);
  assert.match((await mair.get(`/o/demo/opportunities/${id}`)).text, /Cawsoch eich dewis/);
  assert.match((await priya.get(`/o/demo/opportunities/${id}`)).text, /You were not selected this time/);
  assert.equal((await priya.get(`/o/demo/groups/${ids.GROUP}/members`)).status, 404);

  // Nobody is told twice: the outcome cannot be told again, and no more email goes.
  assert.equal((await tom.post(`/o/demo/opportunities/${id}/outcome`, {})).status, 404);
  assert.equal((await tom.post(`/o/demo/opportunities/${id}/applicants`, { user: userId(demo.finance), what: "select", on: "1" })).status, 404);
  await new Promise((r) => setTimeout(r, 2500));
  assert.equal(mailsTo(demo.carer).length + mailsTo(demo.partner).length + mailsTo(demo.finance).length, 3);
  // It shows as filled in the group's list and is gone from the open list.
  assert.match((await tom.get(`/o/demo/groups/${ids.GROUP}/opportunities`)).text, /Places filled/);
  assert.doesNotMatch((await priya.get("/o/demo/opportunities")).text, /Join the carers&#39; panel/);
});

test(`${backendName}: a draft is published when ready, and an opportunity can be closed early`, async () => {
  const ids = opportunityIds(server);
  const tom = await signedIn(demo.facilitator);
  const priya = await signedIn(demo.finance);
  assert.doesNotMatch((await priya.get("/o/demo/opportunities")).text, /Help write the booking guide/);
  assert.equal((await tom.post(`/o/demo/opportunities/${ids.DRAFT}/open`, {})).status, 303);
  assert.match((await priya.get("/o/demo/opportunities")).text, /Help write the booking guide/);
  assert.equal((await tom.post(`/o/demo/opportunities/${ids.DRAFT}/close`, {})).status, 303);
  assert.doesNotMatch((await priya.get("/o/demo/opportunities")).text, /Help write the booking guide/);
  assert.equal((await priya.get(`/o/demo/opportunities/${ids.DRAFT}/interest`)).status, 404);
  // Its closing date passed: the demo's emergency card takes no more interest, and says so.
  const closed = await priya.get(`/o/demo/opportunities/${ids.CLOSED}`);
  assert.match(closed.text, /This opportunity has closed./);
  assert.equal((await priya.post(`/o/demo/opportunities/${ids.CLOSED}/interest`, { message: "Late" })).status, 404);
});

const fixtures = join(root, "tests/integration/fixtures/about_me");
const mp3 = { filename: "hello.mp3", type: "audio/mpeg", data: readFileSync(join(fixtures, "hello.mp3")) };
const mp4 = { filename: "morning.mp4", type: "video/mp4", data: readFileSync(join(fixtures, "morning.mp4")) };
const png = { filename: "tiny.png", type: "image/png", data: readFileSync(join(fixtures, "tiny.png")) };

/**
 * Tom advertises a place in the demo's "Booking respite made simple" (Tom runs it; Mair is a member; Gareth, Ngozi,
 * Priya and Siân are not in it), open at once; its id.
 */
async function advertise(tom, title) {
  const group = server.database.sql("SELECT id FROM org_groups WHERE name = 'Booking respite made simple'").trim();
  const form = await tom.get(`/o/demo/groups/${group}/opportunities/new`);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const made = await tom.post(`/o/demo/groups/${group}/opportunities`, {
    create_key: key,
    title,
    description: "Tell us, in words or in a recording.",
    time_asked: "An hour",
    payment: "£25",
    "closes-day": "28",
    "closes-month": "2",
    "closes-year": String(new Date().getFullYear() + 1),
    audience: "members",
    publish: "1",
  });
  assert.equal(made.status, 303);
  return made.headers.get("location").match(/(\d+)$/)[1];
}

test(`${backendName}: interest by a recording — only a recording, neither, the wrong file, who may hear it, replacing, removing and taking it back`, async () => {
  const tom = await signedIn(demo.facilitator);
  const id = await advertise(tom, "Record your story");
  const base = `/o/demo/opportunities/${id}`;

  // The form takes a file and offers the microphone: only this page may use it.
  const priya = await signedIn(demo.finance);
  const form = await priya.get(`${base}/interest`);
  assert.equal(form.status, 200);
  assert.match(form.text, /enctype="multipart\/form-data"/);
  assert.match(form.text, /<input[^>]*type="file"[^>]*name="recording"|<input[^>]*name="recording"[^>]*type="file"/);
  assert.match(form.text, /data-rt-recorder data-file-input="recording"/);
  assert.match(form.headers.get("permissions-policy"), /microphone=\(self\)/);
  assert.match(form.headers.get("content-security-policy"), /media-src 'self' blob:;/);
  assert.match((await priya.get(base)).headers.get("permissions-policy"), /microphone=\(\)/, "no other page");

  // Only a recording, no words: kept.
  const sent = await priya.postMultipart(`${base}/interest`, { message: "", help: "" }, { recording: mp3 });
  assert.equal(sent.status, 303);
  const sql = (q) => server.database.sql(q).trim();
  const priyaId = sql(`SELECT id FROM users WHERE email = '${demo.finance}'`);
  const publicId = () =>
    sql(`SELECT u.public_id FROM uploads u JOIN opportunity_interest i ON i.recording_upload_id = u.id WHERE i.opportunity_id = ${id} AND i.user_id = ${priyaId}`);
  const first = publicId();
  assert.match(first, /^[A-Za-z0-9_-]{16,}$/);
  assert.equal(sql(`SELECT purpose || ' ' || mime FROM uploads WHERE public_id = '${first}'`), "opportunity_interest audio/mpeg");
  const own = await priya.get(base);
  assert.match(own.text, new RegExp(`<source src="/files/${first}" type="audio/mpeg">`));
  assert.match(own.text, /A sound recording \(MP3 file\)/);

  // Neither words nor a recording: the problem in plain words, with what was typed kept.
  const ngozi = await signedIn(demo.partner);
  const neither = await ngozi.postMultipart(`${base}/interest`, { message: " ", help: "Evening meetings" });
  assert.equal(neither.status, 400);
  assert.match(neither.text, /Say why you are interested, in writing or in a recording/);
  assert.match(neither.text, /Evening meetings/);
  // The wrong type of file, and an empty one: refused in plain words, never a 500, the words kept.
  const wrong = await ngozi.postMultipart(`${base}/interest`, { message: "My words stay" }, { recording: png });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /The file must be a recording \(MP3, M4A, OGG, WAV, FLAC or WebM\) or a video \(MP4, MOV or WebM\)/);
  assert.match(wrong.text, /My words stay/);
  const empty = await ngozi.postMultipart(`${base}/interest`, { message: "" }, { recording: { filename: "quiet.mp3", type: "audio/mpeg", data: "" } });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /The selected file is empty/);
  const big = { filename: "long.mp3", type: "audio/mpeg", data: Buffer.concat([mp3.data, Buffer.alloc(26 * 1024 * 1024)]) };
  const tooBig = await ngozi.postMultipart(`${base}/interest`, { message: "Still my words" }, { recording: big });
  assert.equal(tooBig.status, 400);
  assert.match(tooBig.text, /The file is too big\. A recording must be smaller than 25 MB\. A video must be smaller than 50 MB\./);
  assert.match(tooBig.text, /Still my words/);
  assert.equal(sql(`SELECT COUNT(*) FROM opportunity_interest WHERE opportunity_id = ${id}`), "1");

  // Who may hear it: Priya and the people who see the applicants; nobody else, and not under another organisation.
  const hears = async (v) => (await v.get(`/files/${first}`)).status;
  assert.equal(await hears(priya), 200);
  const file = await tom.get(`/files/${first}`);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get("content-type"), "audio/mpeg");
  assert.equal(await hears(await signedIn(demo.orgAdmin)), 200);
  assert.equal(await hears(await signedIn(demo.carer)), 404, "Mair is in the group but does not run it");
  assert.equal(await hears(await signedIn(demo.member)), 404, "another member");
  assert.equal(await hears(ngozi), 404, "someone who tried to apply");
  assert.equal(await hears(await signedIn(demo.otherOrgAdmin)), 404, "another organisation");
  assert.equal(await hears(await signedIn(demo.platformAdmin)), 404);
  assert.equal(await hears(new Visitor(server.url)), 404, "not signed in");

  // The people who run the group see a player, with the file type and a note that it is a recording.
  const applicants = await tom.get(`${base}/applicants`);
  assert.match(applicants.text, new RegExp(`<audio class="rt-media" controls preload="none" aria-label="Recording from Priya[^"]*">`));
  assert.match(applicants.text, /A sound recording \(MP3 file\)/);
  assert.match(applicants.text, new RegExp(`href="${base}/applicants.csv"`));

  // Replaced by a video: the old file is gone. Then removed with words instead.
  assert.equal((await priya.postMultipart(`${base}/interest`, { message: "" }, { recording: mp4 })).status, 303);
  const second = publicId();
  assert.notEqual(second, first);
  assert.equal(await hears(priya), 404, "the replaced recording is gone");
  assert.equal(sql(`SELECT COUNT(*) FROM uploads WHERE public_id = '${first}'`), "0");
  assert.match((await tom.get(`${base}/applicants`)).text, /<video class="rt-media"[^>]*>\s*<source src="\/files\/[^"]+" type="video\/mp4">/);
  const noWords = await priya.postMultipart(`${base}/interest`, { message: "", remove_recording: "1" });
  assert.equal(noWords.status, 400, "removing the recording needs words instead");
  assert.match(noWords.text, /Say why you are interested, in writing or in a recording/);
  assert.equal(publicId(), second, "nothing changed");
  assert.equal((await priya.postMultipart(`${base}/interest`, { message: "Now in words.", remove_recording: "1" })).status, 303);
  assert.equal(publicId(), "");
  assert.equal(sql(`SELECT COUNT(*) FROM uploads WHERE public_id = '${second}'`), "0");

  // Taking the interest back deletes its recording.
  assert.equal((await priya.postMultipart(`${base}/interest`, { message: "Now in words." }, { recording: mp3 })).status, 303);
  const third = publicId();
  assert.equal((await priya.post(`${base}/interest/withdraw`, {})).status, 303);
  assert.equal(sql(`SELECT COUNT(*) FROM uploads WHERE public_id = '${third}'`), "0");
  assert.equal((await priya.get(`/files/${third}`)).status, 404);
  assert.equal(sql(`SELECT COUNT(*) FROM uploads WHERE owner_user_id = ${priyaId} AND purpose = 'opportunity_interest'`), "0");
});

test(`${backendName}: who applied as a spreadsheet — words, recording or not, status and date, formulas disarmed, for the same people as the page`, async () => {
  const tom = await signedIn(demo.facilitator);
  const id = await advertise(tom, "Spreadsheet of applicants");
  const base = `/o/demo/opportunities/${id}`;
  const priya = await signedIn(demo.finance);
  assert.equal((await priya.postMultipart(`${base}/interest`, { message: "" }, { recording: mp3 })).status, 303);
  const ngozi = await signedIn(demo.partner);
  assert.equal((await ngozi.post(`${base}/interest`, { message: "=HYPERLINK(\"http://x\"), and, a \"quote\"", help: "Large print" })).status, 303);
  const ngoziId = server.database.sql(`SELECT id FROM users WHERE email = '${demo.partner}'`).trim();
  assert.equal((await tom.post(`${base}/applicants`, { user: ngoziId, what: "shortlist", on: "1" })).status, 303);

  const csv = await tom.get(`${base}/applicants.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get("content-type"), /^text\/csv/);
  assert.match(csv.headers.get("content-disposition"), new RegExp(`attachment; filename="opportunity-${id}-applicants.csv"`));
  const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\r\n");
  assert.equal(lines[0], "Name,Takes part as,In their own words,Gave a recording,What would help them take part,Status,Applied on");
  assert.equal(lines.length, 3);
  assert.ok(lines[1].startsWith("Priya") && lines[1].includes(",,Yes,,Interested,"), lines[1]);
  assert.match(lines[1], /,\d{1,2} \w+ \d{4}$/, "the date applied");
  assert.ok(lines[2].startsWith("Ngozi"), lines[2]);
  assert.ok(lines[2].includes(`"'=HYPERLINK(""http://x""), and, a ""quote""",No,Large print,Shortlisted,`), lines[2]);
  // The same people as the page: not the applicants, not another member, not another organisation.
  assert.equal((await priya.get(`${base}/applicants.csv`)).status, 404);
  assert.equal((await (await signedIn(demo.member)).get(`${base}/applicants.csv`)).status, 404);
  assert.equal((await (await signedIn(demo.carer)).get(`${base}/applicants.csv`)).status, 404, "in the group, not running it");
  assert.equal((await (await signedIn(demo.otherOrgAdmin)).get(`${base}/applicants.csv`)).status, 404);
  assert.equal((await new Visitor(server.url).get(`${base}/applicants.csv`)).status, 401);
  assert.equal((await (await signedIn(demo.orgAdmin)).get(`${base}/applicants.csv`)).status, 200);
});
