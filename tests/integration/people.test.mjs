// People and organisations over HTTP: sign-in and out, rate limits, organisations and their settings, the audit
// log, and the authorisation matrix (every people route × every kind of visitor).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, Visitor, demo, demoPassword, backendName, runCli, root } from "./harness.mjs";
import { freshDemoCode } from "./totp.mjs";
import * as groupMatrix from "./matrices/groups.mjs";
import * as opportunityMatrix from "./matrices/opportunities.mjs";
import * as discussionMatrix from "./matrices/discussions.mjs";
import * as meetingMatrix from "./matrices/meetings.mjs";
import * as notificationMatrix from "./matrices/notifications.mjs";
import * as decisionMatrix from "./matrices/decisions.mjs";
import * as boardMatrix from "./matrices/boards.mjs";
import * as consensusMatrix from "./matrices/consensus.mjs";
import * as loopMatrix from "./matrices/loop.mjs";
import * as measureMatrix from "./matrices/measures.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test(`${backendName}: signing in with the right password opens your account, in your own language`, async () => {
  const v = new Visitor(server.url);
  const anonymousPage = await v.get("/account");
  assert.equal(anonymousPage.status, 303);
  assert.equal(anonymousPage.headers.get("location"), "/sign-in?next=/account");
  const form = await v.get("/sign-in?next=/o/demo");
  assert.match(form.text, /name="next" value="\/o\/demo"/);
  assert.match(form.text, /autocomplete="current-password"/);
  const res = await v.post("/sign-in", { email: "  SIAN@demo.example ", password: demoPassword, next: "/o/demo" });
  // Siân is an organisation admin, so her account has two-step sign-in: her app's code comes next.
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/sign-in/two-step");
  assert.equal((await v.get("/account")).status, 303, "not signed in before the second step");
  await v.get("/sign-in/two-step");
  const second = await v.post("/sign-in/two-step", { code: await freshDemoCode(`${server.url} ${demo.orgAdmin}`) });
  assert.equal(second.status, 303);
  assert.equal(second.headers.get("location"), "/o/demo");
  const home = await v.get("/o/demo");
  assert.equal(home.status, 200);
  // Siân prefers Welsh.
  assert.match(home.text, /<html lang="cy"/);
  assert.match(home.text, /Demo County Carers Partnership/);
  assert.match(home.text, /Gweinyddwr y sefydliad/);
  assert.match(home.text, /Allgofnodi/);
  const account = await v.get("/account");
  assert.match(account.text, /sian@demo\.example/);
});

test(`${backendName}: the session gets a new token at sign-in`, async () => {
  const v = new Visitor(server.url);
  await v.post("/language", { lang: "en", return_to: "/" });
  const before = v.cookies.get("rt_session");
  assert.ok(before);
  await v.signIn(demo.member);
  assert.notEqual(v.cookies.get("rt_session"), before);
  // The old token signs nobody in.
  const old = new Visitor(server.url);
  old.cookies.set("rt_session", before);
  assert.equal((await old.get("/account")).status, 303);
  // The language chosen before signing in is kept.
  assert.match((await v.get("/account")).text, /<html lang="en"/);
});

test(`${backendName}: a wrong password or unknown email gets the same plain answer and keeps the email typed`, async () => {
  for (const email of [demo.member, "nobody@example.org"]) {
    const v = new Visitor(server.url);
    await v.get("/sign-in");
    const res = await v.post("/sign-in", { email, password: "not the password" });
    assert.equal(res.status, 400);
    assert.match(res.text, /The email address or password is not right/);
    assert.match(res.text, new RegExp(`value="${email.replace(".", "\\.")}"`));
    assert.doesNotMatch(res.text, /not the password/);
    assert.match(res.text, /<title>Error:/);
    assert.ok(!v.cookies.has("rt_session"));
  }
  const empty = await new Visitor(server.url).post("/sign-in", { email: "", password: "" });
  assert.match(empty.text, /Enter your email address/);
  assert.match(empty.text, /Enter your password/);
  const badFormat = await new Visitor(server.url).post("/sign-in", { email: "gareth at demo", password: "x" });
  assert.match(badFormat.text, /Enter an email address in the right format/);
});

test(`${backendName}: after 5 wrong passwords the next try waits a second, not 15 minutes; the owner's own browser is let in`, async () => {
  // Ngozi's own browser has signed in before: it holds the known-browser cookie (docs/adr/0019).
  const own = new Visitor(server.url);
  await own.signIn(demo.partner);
  assert.ok([...own.cookies.keys()].includes("rt_known"));
  await own.post("/sign-out", {});
  const v = new Visitor(server.url);
  await v.get("/sign-in");
  for (let i = 0; i < 5; i++) {
    assert.equal((await v.post("/sign-in", { email: demo.partner, password: `guess ${i}` })).status, 400);
  }
  // From here each wrong try waits 1 s, 2 s, 4 s ... after the last (a slow server may let a 1-second wait pass).
  let slowed;
  for (let i = 5; i < 12 && !slowed; i++) {
    const res = await v.post("/sign-in", { email: demo.partner, password: `guess ${i}` });
    if (res.status === 429) slowed = res;
    else assert.equal(res.status, 400);
  }
  assert.ok(slowed, "a try came too soon and was asked to wait");
  const wait = Number(slowed.text.match(/Wait (\d+) seconds?, then try again/)?.[1]);
  assert.ok(wait >= 1 && wait <= 300, slowed.text);
  assert.doesNotMatch(slowed.text, /15 minutes/);
  assert.match(slowed.text, new RegExp(`value="${demo.partner}"`), "the email address is kept");
  // Her own browser is let straight in.
  await own.get("/sign-in");
  const mine = await own.post("/sign-in", { email: demo.partner, password: demoPassword });
  assert.equal(mine.status, 303, "the owner's known browser is not slowed down");
  // After the wait, the other browser is let in too.
  await new Promise((r) => setTimeout(r, (wait + 1) * 1000));
  assert.equal((await v.post("/sign-in", { email: demo.partner, password: demoPassword })).status, 303);
  // Another account from the same address is not affected.
  await new Visitor(server.url).signIn(demo.carer);
});

test(`${backendName}: signing out ends this session; signing out everywhere ends them all`, async () => {
  const laptop = new Visitor(server.url);
  const phone = new Visitor(server.url);
  await laptop.signIn(demo.finance);
  await phone.signIn(demo.finance);
  const out = await laptop.post("/sign-out", {});
  assert.equal(out.status, 303);
  assert.equal(out.headers.get("location"), "/sign-in");
  assert.ok(!laptop.cookies.has("rt_session"));
  assert.match((await laptop.get("/sign-in")).text, /You have signed out/);
  assert.equal((await phone.get("/account")).status, 200);
  await laptop.signIn(demo.finance);
  const everywhere = await phone.post("/sign-out", { everywhere: "yes" });
  assert.equal(everywhere.headers.get("location"), "/sign-in");
  assert.equal((await laptop.get("/account")).status, 303);
  assert.equal((await phone.get("/account")).status, 303);
});

test(`${backendName}: a platform admin adds an organisation; mistakes are explained and the input kept`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.platformAdmin);
  const list = await v.get("/admin/organisations");
  assert.match(list.text, /Demo County Carers Partnership/);
  assert.match(list.text, /North Valleys Mind/);
  const bad = await v.post("/admin/organisations", { name: "Gofalwyr Môn", slug: "Gofalwyr Môn!", signup_mode: "open" });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /The web address can only use lower-case letters/);
  assert.match(bad.text, /Choose at least one language/);
  assert.match(bad.text, /value="Gofalwyr Môn"/);
  assert.match(bad.text, /value="open" checked/);
  const taken = await v.post("/admin/organisations", { name: "Copy", slug: "demo", languages: "en", signup_mode: "open" });
  assert.equal(taken.status, 400);
  assert.match(taken.text, /That web address is already used/);
  const ok = await v.post("/admin/organisations", {
    name: "Gofalwyr Môn",
    slug: "gofalwyr-mon",
    languages: "cy",
    signup_mode: "invitation",
  });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get("location"), "/admin/organisations");
  const after = await v.get("/admin/organisations");
  assert.match(after.text, /Gofalwyr Môn has been added/);
  assert.match(after.text, /\/o\/gofalwyr-mon/);
});

test(`${backendName}: an organisation admin changes the settings, and the change is in the audit log`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.orgAdmin);
  const form = await v.get("/o/demo/settings");
  assert.match(form.text, /value="Demo County Carers Partnership"/);
  assert.doesNotMatch(form.text, /id="slug"/, "the web address cannot be changed");
  const bad = await v.post("/o/demo/settings", { name: "", languages: "en", signup_mode: "invitation" });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Rhowch enw&#39;r sefydliad|Rhowch enw'r sefydliad/);
  const saved = await v.post("/o/demo/settings", { name: "Demo County Carers", languages: ["en"].join(), signup_mode: "open" });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get("location"), "/o/demo/settings");
  const page = await v.get("/o/demo/settings");
  assert.match(page.text, /value="Demo County Carers"/);
  assert.match(page.text, /value="open" checked/);
  const audit = await v.get("/o/demo/audit");
  assert.equal(audit.status, 200);
  assert.match(audit.text, /Gosodiadau&#39;r sefydliad wedi newid|Gosodiadau'r sefydliad wedi newid/);
  assert.match(audit.text, /Siân Davies/);
  // Put the name back for the other tests.
  await v.post("/o/demo/settings", { name: "Demo County Carers Partnership", languages: "en", signup_mode: "invitation" });
});

// Expected answers: 200, 400 (an empty form refused), 303 (to sign in), 401 (a form sent without signing in), 404.
const visitors = {
  anonymous: null,
  otherOrg: demo.otherOrgAdmin,
  member: demo.member,
  facilitator: demo.facilitator,
  finance: demo.finance,
  orgAdmin: demo.orgAdmin,
  platformAdmin: demo.platformAdmin,
};
//                                   anon  other member facil finance orgAdmin platform
const matrix = [
  ["GET", "/account", /*          */ [303, 200, 200, 200, 200, 200, 200]],
  ["GET", "/admin/organisations", [303, 404, 404, 404, 404, 404, 200]],
  ["GET", "/admin/organisations/new", [303, 404, 404, 404, 404, 404, 200]],
  ["POST", "/admin/organisations", [401, 404, 404, 404, 404, 404, 400]],
  ["GET", "/o/demo", /*           */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/settings", /*  */ [303, 404, 404, 404, 404, 200, 404]],
  ["POST", "/o/demo/settings", /* */ [401, 404, 404, 404, 404, 400, 404]],
  ["GET", "/o/demo/audit", /*     */ [303, 404, 404, 404, 404, 200, 404]],
  ["GET", "/o/demo/logo", /*      */ [303, 404, 404, 404, 404, 200, 404]],
  ["POST", "/o/demo/logo", /*     */ [401, 404, 404, 404, 404, 400, 404]],
  // No logo yet: back to the page.
  ["POST", "/o/demo/logo/remove", [401, 404, 404, 404, 404, 303, 404]],
  ["GET", "/o/north", /*          */ [303, 200, 404, 404, 404, 404, 404]],
  ["GET", "/o/no-such-org", /*    */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/no-such-org/audit", [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/sign-in", /*          */ [200, 303, 303, 303, 303, 303, 303]],
  ["GET", "/account/about", /*    */ [303, 200, 200, 200, 200, 200, 200]],
  ["GET", "/account/photo", /*    */ [303, 200, 200, 200, 200, 200, 200]],
  ["POST", "/account/photo", /*   */ [401, 400, 400, 400, 400, 400, 400]],
  // Nobody in the demo has a photo to remove: back to the page.
  ["POST", "/account/photo/remove", [401, 303, 303, 303, 303, 303, 303]],
  ["POST", "/account/about", /*   */ [401, 400, 400, 400, 400, 400, 400]],
  ["GET", "/account/strengths", [303, 200, 200, 200, 200, 200, 200]],
  ["POST", "/account/strengths", [401, 303, 303, 303, 303, 303, 303]],
  ["GET", "/account/needs", /*    */ [303, 200, 200, 200, 200, 200, 200]],
  ["POST", "/account/needs", /*   */ [401, 400, 400, 400, 400, 400, 400]],
  ["GET", "/account/contact", /*  */ [303, 200, 200, 200, 200, 200, 200]],
  ["POST", "/account/contact", /* */ [401, 400, 400, 400, 400, 400, 400]],
  ["GET", "/account/consent", /*  */ [303, 200, 200, 200, 200, 200, 200]],
  ["POST", "/account/consent", /* */ [401, 400, 400, 400, 400, 400, 400]],
  ["GET", "/account/two-step", /* */ [303, 200, 200, 200, 200, 200, 200]],
  ["POST", "/account/two-step/start", [401, 303, 303, 303, 303, 303, 303]],
  // The demo organisation admins (other, orgAdmin) have two-step sign-in on: nothing to set up (303 back), and
  // an empty code is refused (400). For everyone else it is being set up: the page, and a 400 for an empty code;
  // there is nothing yet to renew or turn off (303 back).
  ["GET", "/account/two-step/setup", [303, 303, 200, 200, 200, 303, 200]],
  ["POST", "/account/two-step/setup", [401, 303, 400, 400, 400, 303, 400]],
  ["POST", "/account/two-step/recovery-codes", [401, 400, 303, 303, 303, 400, 303]],
  ["POST", "/account/two-step/off", [401, 400, 303, 303, 303, 400, 303]],
  ["GET", "/account/data", /*     */ [303, 200, 200, 200, 200, 200, 200]],
  // Open sign-up: "north" is open (its members are sent home), "demo" is invitation only and answers like no
  // organisation at all.
  ["GET", "/o/north/join", /*     */ [200, 303, 200, 200, 200, 200, 200]],
  ["GET", "/o/demo/join", /*      */ [404, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/join", /*     */ [404, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/no-such-org/join", [404, 404, 404, 404, 404, 404, 404]],
  ["POST", "/account/data/download", [401, 200, 200, 200, 200, 200, 200]],
  ["GET", "/account/delete", /*   */ [303, 200, 200, 200, 200, 200, 200]],
  // Organisation admins who are the only one (other, orgAdmin) are told to hand over first: 409.
  ["POST", "/account/delete", /*  */ [401, 409, 400, 400, 400, 409, 400]],
  // Everyone in the demo has a password, so no code is emailed: back to the form.
  ["POST", "/account/delete/code", [401, 303, 303, 303, 303, 303, 303]],
  ["GET", "/o/demo/people", /*    */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/invitations", [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/invitations/new", [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/invitations", [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/invitations/999999/resend", [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/invitations/999999/revoke", [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/people/GARETH", [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/north/people/GARETH", [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/people/GARETH/remove", [303, 404, 404, 404, 404, 200, 404]],
  ["POST", "/o/demo/people/GARETH/role", [401, 404, 404, 404, 404, 400, 404]],
  ["POST", "/o/demo/people/999999/remove", [401, 404, 404, 404, 404, 404, 404]],
  // About Me: everyone has their own page; ITEM is one of Gareth's (demo) items, so only he may open it. His page
  // is for facilitators (and admins) of "demo"; a form without its hidden kind names no kind of item (404).
  ["GET", "/account/about-me", /*  */ [303, 200, 200, 200, 200, 200, 200]],
  ["GET", "/account/about-me/visibility", [303, 200, 200, 200, 200, 200, 200]],
  ["POST", "/account/about-me/visibility", [401, 400, 400, 400, 400, 400, 400]],
  ["GET", "/account/about-me/intro", [303, 200, 200, 200, 200, 200, 200]],
  // No first words is allowed (the page starts with its items).
  ["POST", "/account/about-me/intro", [401, 303, 303, 303, 303, 303, 303]],
  ["GET", "/account/about-me/add/text", [303, 200, 200, 200, 200, 200, 200]],
  ["GET", "/account/about-me/add/poem", [303, 404, 404, 404, 404, 404, 404]],
  ["POST", "/account/about-me/items", [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/account/about-me/items/ITEM", [303, 404, 200, 404, 404, 404, 404]],
  ["POST", "/account/about-me/items/ITEM", [401, 404, 400, 404, 404, 404, 404]],
  ["GET", "/account/about-me/items/ITEM/delete", [303, 404, 200, 404, 404, 404, 404]],
  ["POST", "/account/about-me/items/999999/delete", [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/account/about-me/items/999999/move", [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/people/GARETH/about-me", [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/north/people/GARETH/about-me", [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/files/no-such-file", /* */ [404, 404, 404, 404, 404, 404, 404]],
  // The organisation's accessibility statement: only its admins write it; an empty form is refused (400).
  ["GET", "/o/demo/accessibility", [303, 404, 404, 404, 404, 200, 404]],
  ["POST", "/o/demo/accessibility", [401, 404, 404, 404, 404, 400, 404]],
];

test(`${backendName}: authorisation matrix — every people route for every kind of visitor`, async () => {
  const signedIn = {};
  for (const [who, email] of Object.entries(visitors)) {
    const v = new Visitor(server.url);
    if (email) await v.signIn(email);
    else await v.get("/");
    signedIn[who] = v;
  }
  const wrong = [];
  const gareth = server.database.sql(`SELECT id FROM users WHERE email = '${demo.member}'`);
  const item = server.database.sql(`SELECT MIN(id) FROM about_me_items WHERE user_id = ${gareth}`);
  for (const [method, template, expected] of matrix) {
    const path = template.replace("GARETH", gareth).replace("ITEM", item);
    const names = Object.keys(visitors);
    for (let i = 0; i < names.length; i++) {
      const v = signedIn[names[i]];
      const res = method === "GET" ? await v.get(path) : await v.post(path, {});
      if (res.status !== expected[i]) wrong.push(`${method} ${path} as ${names[i]}: ${res.status}, expected ${expected[i]}`);
      if (res.status === 404) assert.doesNotMatch(res.text, /Demo County|North Valleys/, `${path} leaks a name to ${names[i]}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test(`${backendName}: every people route is in the matrix`, async () => {
  const { stdout } = await runCli(["routes"]);
  const routes = stdout.trim().split("\n").map((l) => JSON.parse(l));
  const patterns = new Set(matrix.map(([m, p]) => `${m} ${p
        .replace("/o/demo", "/o/{org}")
        .replace("GARETH", "{id}")
        .replace("ITEM", "{id}")
        .replace("999999", "{id}")
        .replace("/add/text", "/add/{kind}")}`));
  // Other modules keep their rows in matrices/ (and run them in their own test files).
  for (const [m, p] of groupMatrix.rows) patterns.add(`${m} ${groupMatrix.patternOf(p)}`);
  for (const [m, p] of opportunityMatrix.rows) patterns.add(`${m} ${opportunityMatrix.patternOf(p)}`);
  for (const [m, p] of discussionMatrix.rows) patterns.add(`${m} ${discussionMatrix.patternOf(p)}`);
  for (const [m, p] of meetingMatrix.rows) patterns.add(`${m} ${meetingMatrix.patternOf(p)}`);
  for (const [m, p] of notificationMatrix.rows) patterns.add(`${m} ${notificationMatrix.patternOf(p)}`);
  for (const [m, p] of decisionMatrix.rows) patterns.add(`${m} ${decisionMatrix.patternOf(p)}`);
  for (const [m, p] of boardMatrix.rows) patterns.add(`${m} ${boardMatrix.patternOf(p)}`);
  for (const [m, p] of consensusMatrix.rows) patterns.add(`${m} ${consensusMatrix.patternOf(p)}`);
  for (const [m, p] of loopMatrix.rows) patterns.add(`${m} ${loopMatrix.patternOf(p)}`);
  for (const [m, p] of measureMatrix.rows) patterns.add(`${m} ${measureMatrix.patternOf(p)}`);
  patterns.add("POST /sign-in");
  patterns.add("POST /sign-out");
  for (const r of routes.filter((r) => r.policy !== "public" || ["sign_in_form", "sign_in", "sign_out"].includes(r.name))) {
    assert.ok(patterns.has(`${r.method} ${r.pattern}`), `${r.method} ${r.pattern} (${r.policy}) is not in the matrix`);
  }
});

test(`${backendName}: 20 failed sign-ins from one address stop sign-ins from it for 15 minutes`, async () => {
  const own = await startServer();
  try {
    const v = new Visitor(own.url);
    await v.get("/sign-in");
    for (let i = 0; i < 20; i++) await v.post("/sign-in", { email: `guess${i}@example.org`, password: "x" });
    const res = await v.post("/sign-in", { email: demo.member, password: demoPassword });
    assert.equal(res.status, 429);
    assert.match(res.text, /too many tries to sign in from this connection/);
  } finally {
    await own.stop();
  }
});

test(`${backendName}: an organisation admin adds a logo that its members see and nobody else`, async () => {
  const png = readFileSync(join(root, "tests/integration/fixtures/about_me/tiny.png"));
  const sian = new Visitor(server.url);
  await sian.signIn(demo.orgAdmin);
  const page = await sian.get("/o/demo/logo");
  assert.equal(page.status, 200);
  const wrong = await sian.postMultipart("/o/demo/logo", {}, { logo: { filename: "logo.png", type: "image/png", data: "<svg onload=alert(1)>" } });
  assert.equal(wrong.status, 400);
  const saved = await sian.postMultipart("/o/demo/logo", {}, { logo: { filename: "logo.png", type: "image/png", data: png } });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get("location"), "/o/demo/logo");
  const gareth = new Visitor(server.url);
  await gareth.signIn(demo.member);
  const home = await gareth.get("/o/demo");
  const url = home.text.match(/class="rt-org-logo[^"]*" src="(\/files\/[^"]+)" alt="Demo County Carers Partnership logo"/)[1];
  assert.equal((await gareth.request("GET", url)).status, 200);
  const rhys = new Visitor(server.url);
  await rhys.signIn(demo.otherOrgAdmin);
  assert.equal((await rhys.request("GET", url)).status, 404);
  assert.equal((await new Visitor(server.url).request("GET", url)).status, 404);
  const uploader = server.database.sql(`SELECT COALESCE(owner_user_id, 0) FROM uploads WHERE purpose = 'org_logo'`);
  assert.equal(uploader, "0", "the logo belongs to the organisation, not to Siân");
  const audit = await sian.get("/o/demo/audit");
  assert.match(audit.text, /Gosodiadau&#39;r sefydliad wedi newid|Gosodiadau'r sefydliad wedi newid/);
  await sian.get("/o/demo/logo");
  assert.equal((await sian.post("/o/demo/logo/remove", {})).status, 303);
  assert.doesNotMatch((await gareth.get("/o/demo")).text, /rt-org-logo/);
  assert.equal((await gareth.request("GET", url)).status, 404);
});
