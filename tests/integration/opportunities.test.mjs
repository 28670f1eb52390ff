// Recruitment over HTTP with a real SMTP server: the authorisation matrix of every opportunities route; a facilitator
// advertising a place (the input kept on a problem, the same form sent twice making one), a public page anyone reads
// in English or Welsh, people applying in their own words (and changing or taking it back), shortlisting and
// selecting, and everyone hearing the outcome once, by email in their own language, with the selected in the group.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";
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

async function signedIn(email) {
  const v = new Visitor(server.url);
  if (email) await v.signIn(email);
  else await v.get("/");
  return v;
}

const mailsTo = (address) => sink.messages().filter((m) => m.includes(`<${address}>`));

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
