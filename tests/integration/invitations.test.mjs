// Invitations over HTTP and a real SMTP server: invite with a personal message, accept as someone new or with an
// existing account, send again, cancel; who may invite whom.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";
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

async function lastMailTo(address) {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const found = sink.messages().filter((m) => m.includes(`<${address}>`));
    if (found.length) return found[found.length - 1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no email to ${address}`);
}
const linkIn = (raw) => new URL(plainText(raw).match(/http:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/)[0]).pathname;

test(`${backendName}: someone new is invited in Welsh with a message, creates an account and joins`, async () => {
  const sian = new Visitor(server.url);
  await sian.signIn(demo.orgAdmin);
  await sian.post("/language", { lang: "en", return_to: "/" });
  assert.match((await sian.get("/o/demo/invitations")).text, /There are no open invitations/);
  const sent = await sian.post("/o/demo/invitations", {
    email: "Eleri@Example.org",
    name: "Eleri",
    role: "facilitator",
    member_types: "unpaid_carer",
    message: "Mae croeso mawr i chi.\nDewch i'r cyfarfod nesaf!",
    lang: "cy",
  });
  assert.equal(sent.status, 303);
  assert.match((await sian.get(sent.headers.get("location"))).text, /An invitation has been sent to eleri@example\.org/);
  // Nobody can put words into that green banner with a link (before, ?sent=... did): the message comes only from a
  // cookie the server signs, and is said once.
  const words = "Your account is closed. Ring 0900 123 456";
  const linked = await sian.get(`/o/demo/invitations?sent=${encodeURIComponent(words)}`);
  assert.doesNotMatch(linked.text, /Your account is closed|govuk-notification-banner--success/);
  sian.cookies.set("rt_flash", `k=invite.sent&email=${encodeURIComponent(words)}.AAAAAAAAAAAAAAAAAAAAAA`);
  assert.doesNotMatch((await sian.get("/o/demo/invitations")).text, /Your account is closed/);
  sian.cookies.delete("rt_flash");
  const raw = await lastMailTo("eleri@example.org");
  assert.equal(subject(raw), "Mae Siân Davies wedi eich gwahodd i ymuno â Demo County Carers Partnership ar Roundtable");
  assert.match(plainText(raw), /Helo Eleri,/);
  assert.match(plainText(raw), /Mae croeso mawr i chi\./);
  const link = linkIn(raw);

  const again = await sian.post("/o/demo/invitations", { email: "eleri@example.org", role: "member", lang: "en" });
  assert.equal(again.status, 400);
  assert.match(again.text, /has already been invited/);
  const member = await sian.post("/o/demo/invitations", { email: demo.member, role: "member", lang: "en" });
  assert.match(member.text, /is already a member of this organisation/);

  const eleri = new Visitor(server.url);
  const page = await eleri.get(link);
  assert.equal(page.status, 200);
  assert.match(page.text, /Siân Davies has invited you to join Demo County Carers Partnership as Facilitator/);
  assert.match(page.text, /Mae croeso mawr i chi\./);
  const wrong = await eleri.post(link, { name: "Eleri Roberts", password: "short", confirm_password: "short", lang: "cy" });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /8 characters or more/);
  assert.match(wrong.text, /Agree that Roundtable keeps your information/);
  assert.match(wrong.text, /value="Eleri Roberts"/);
  const joined = await eleri.post(link, {
    name: "Eleri Roberts",
    password: "blue kettle garden",
    confirm_password: "blue kettle garden",
    lang: "cy",
    agree: "yes",
  });
  assert.equal(joined.status, 303);
  assert.equal(joined.headers.get("location"), "/o/demo");
  const home = await eleri.get("/o/demo");
  assert.match(home.text, /<html lang="cy"/);
  assert.match(home.text, /Croeso i Demo County Carers Partnership/);
  assert.match(home.text, /Hwylusydd/);
  const id = server.database.sql("SELECT id FROM users WHERE email = 'eleri@example.org'");
  assert.equal(server.database.sql(`SELECT type FROM member_types WHERE user_id = ${id}`), "unpaid_carer");
  assert.equal(server.database.sql(`SELECT purpose || ':' || given FROM consents WHERE user_id = ${id}`), "store_data:1");
  assert.equal((await new Visitor(server.url).get(link)).status, 410);
  assert.match((await sian.get("/o/demo/invitations")).text, /There are no open invitations/);
});

test(`${backendName}: sending again gives a new link; cancelling stops it`, async () => {
  const sian = new Visitor(server.url);
  await sian.signIn(demo.orgAdmin);
  await sian.post("/o/demo/invitations", { email: "dafydd@example.org", role: "member", lang: "en" });
  const first = linkIn(await lastMailTo("dafydd@example.org"));
  const id = server.database.sql("SELECT id FROM invitations WHERE email = 'dafydd@example.org'");
  const before = sink.messages().length;
  assert.equal((await sian.post(`/o/demo/invitations/${id}/resend`, {})).status, 303);
  await sink.waitFor(before + 1);
  const second = linkIn(await lastMailTo("dafydd@example.org"));
  assert.notEqual(first, second);
  assert.equal((await new Visitor(server.url).get(first)).status, 410);
  assert.equal((await new Visitor(server.url).get(second)).status, 200);
  assert.equal((await sian.post(`/o/demo/invitations/${id}/revoke`, {})).status, 303);
  assert.equal((await new Visitor(server.url).get(second)).status, 410);
  assert.equal((await sian.post(`/o/demo/invitations/${id}/revoke`, {})).status, 404);
  assert.equal((await sian.post("/o/demo/invitations/999999/resend", {})).status, 404);
  // Another organisation's admin cannot touch it.
  const rhys = new Visitor(server.url);
  await rhys.signIn(demo.otherOrgAdmin);
  assert.equal((await rhys.post(`/o/north/invitations/${id}/resend`, {})).status, 404);
});

test(`${backendName}: facilitators invite members only; members cannot invite`, async () => {
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  const form = await tom.get("/o/demo/invitations/new");
  assert.doesNotMatch(form.text, /value="org_admin"/);
  const admin = await tom.post("/o/demo/invitations", { email: "x@example.org", role: "org_admin", lang: "en" });
  assert.equal(admin.status, 400);
  assert.match(admin.text, /Choose what they can do here/);
  assert.equal((await tom.post("/o/demo/invitations", { email: "x@example.org", role: "member", lang: "en" })).status, 303);
  const gareth = new Visitor(server.url);
  await gareth.signIn(demo.member);
  assert.equal((await gareth.get("/o/demo/invitations")).status, 404);
  assert.equal((await gareth.post("/o/demo/invitations", { email: "y@example.org", role: "member", lang: "en" })).status, 404);
});

test(`${backendName}: someone with an account signs in to accept, and only they can`, async () => {
  const rhys = new Visitor(server.url);
  await rhys.signIn(demo.otherOrgAdmin);
  await rhys.post("/o/north/invitations", { email: demo.member, role: "member", lang: "en" });
  const link = linkIn(await lastMailTo(demo.member));
  const anonymous = new Visitor(server.url);
  const page = await anonymous.get(link);
  assert.match(page.text, /There is already a Roundtable account for gareth@demo\.example/);
  assert.doesNotMatch(page.text, /id="password"/);
  const post = await anonymous.post(link, {});
  assert.equal(post.status, 303);
  assert.match(post.headers.get("location"), /^\/sign-in\?next=/);
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  const wrong = await tom.get(link);
  assert.equal(wrong.status, 403);
  assert.match(wrong.text, /this invitation is for gareth@demo\.example/);
  assert.equal((await tom.post(link, {})).status, 403);
  const gareth = new Visitor(server.url);
  await gareth.get(`/sign-in?next=${encodeURIComponent(link)}`);
  const signedIn = await gareth.post("/sign-in", { email: demo.member, password: "roundtable-demo", next: link });
  assert.equal(signedIn.headers.get("location"), link);
  const joined = await gareth.post(link, {});
  assert.equal(joined.headers.get("location"), "/o/north");
  assert.match((await gareth.get("/o/north")).text, /North Valleys Mind/);
});
