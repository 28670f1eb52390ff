// Sign-in without a password: an emailed 6-digit code or link, usable once, for 15 minutes, only in the browser
// that asked. Real SMTP on loopback; both databases.
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

/** Asks for a sign-in email in this browser; returns {code, link} from the email that arrives. */
async function ask(v, email, next) {
  const before = sink.messages().length;
  const form = await v.get(next ? `/sign-in/email?next=${encodeURIComponent(next)}` : "/sign-in/email");
  assert.equal(form.status, 200);
  const sent = await v.post("/sign-in/email", next ? { email, next } : { email });
  assert.equal(sent.status, 303);
  assert.equal(sent.headers.get("location"), "/sign-in/code");
  assert.ok(sent.setCookies.some((c) => /^rt_signin=.+; Path=\/sign-in; HttpOnly; SameSite=Lax; Max-Age=900/.test(c)));
  const [raw] = (await sink.waitFor(before + 1)).slice(before);
  const text = plainText(raw);
  const code = text.match(/^(\d{6})$/m)?.[1];
  const link = text.match(/http:\/\/[^\s]+(\/sign-in\/link\/[A-Za-z0-9_-]+)/)?.[1];
  assert.ok(code && link, `no code or link in:\n${text}`);
  return { raw, code, link };
}

async function signedIn(v) {
  return (await v.get("/account")).status === 200;
}

test(`${backendName}: the emailed code signs in the browser that asked, once, and goes where the person was going`, async () => {
  const v = new Visitor(server.url);
  const signInPage = await v.get("/sign-in?next=%2Fo%2Fdemo");
  assert.match(signInPage.text, /href="\/sign-in\/email\?next=%2Fo%2Fdemo">Email me a code to sign in</);
  const { raw, code, link } = await ask(v, " Gareth@Demo.example ", "/o/demo");
  assert.match(raw, /To: Gareth Jones <gareth@demo\.example>/);
  assert.equal(subject(raw), "Your code to sign in to Roundtable");
  assert.doesNotMatch(subject(raw), /\d{6}/, "the code is not shown in the subject line");

  const page = await v.get("/sign-in/code");
  assert.equal(page.status, 200);
  assert.match(page.text, /Check your email/);
  assert.match(page.text, /autocomplete="one-time-code"/);
  assert.match(page.text, /inputmode="numeric"/);

  const empty = await v.post("/sign-in/code", { code: "" });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /Enter the 6-digit code from the email/);
  const short = await v.post("/sign-in/code", { code: "12345a" });
  assert.equal(short.status, 400);
  assert.match(short.text, /The code is 6 numbers, like 123456/);
  assert.match(short.text, /value="12345a"/);
  const wrongCode = code === "000000" ? "000001" : "000000";
  const wrong = await v.post("/sign-in/code", { code: wrongCode });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /That code is not right, or it has run out/);
  assert.equal(await signedIn(v), false);

  // Another browser cannot use the code, even typed correctly.
  const thief = new Visitor(server.url);
  assert.equal((await thief.get("/sign-in/code")).headers.get("location"), "/sign-in/email");
  assert.equal((await thief.post("/sign-in/code", { code })).status, 400);
  assert.equal(await signedIn(thief), false);

  const done = await v.post("/sign-in/code", { code: `${code.slice(0, 3)} ${code.slice(3)}` });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get("location"), "/o/demo");
  assert.ok(done.setCookies.some((c) => /^rt_signin=; .*Max-Age=0/.test(c)), "the browser cookie is cleared");
  assert.equal(await signedIn(v), true);

  // Used up: the link from the same email no longer works.
  const later = await new Visitor(server.url).get(link);
  assert.equal(later.status, 410);
  assert.match(later.text, /This link does not work any more/);
  assert.match(later.text, /href="\/sign-in\/email">Send a new email/);
});

test(`${backendName}: the emailed link asks for a press of a button, so link scanners cannot use it, and only works where it was asked for`, async () => {
  const v = new Visitor(server.url);
  const { link, code } = await ask(v, demo.facilitator);
  // A mail scanner (or another device) opening the link uses nothing up.
  const phone = new Visitor(server.url);
  const elsewhere = await phone.get(link);
  assert.equal(elsewhere.status, 409);
  assert.match(elsewhere.text, /Open the link where you asked for it/);
  assert.equal((await phone.post(link, {})).status, 409);
  assert.equal(await signedIn(phone), false);

  const confirm = await v.get(link);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /Press the button to finish signing in/);
  assert.equal((await v.get(link)).status, 200, "looking again does not use it up");
  assert.equal(await signedIn(v), false);
  const done = await v.post(link, {});
  assert.equal(done.status, 303);
  assert.equal(done.headers.get("location"), "/");
  assert.equal(await signedIn(v), true);

  const again = new Visitor(server.url);
  assert.equal((await again.get(link)).status, 410);
  assert.equal((await again.post(link, {})).status, 410);
  assert.equal((await new Visitor(server.url).get("/sign-in/link/made-up-token")).status, 410);
  // The code from that email is used up too.
  const v2 = new Visitor(server.url);
  await ask(v2, demo.facilitator);
  assert.equal((await v2.post("/sign-in/code", { code })).status, 400);
});

test(`${backendName}: an address with no account gets the same pages and no email; the email is in the person's language`, async () => {
  const before = sink.messages().length;
  const v = new Visitor(server.url);
  await v.get("/sign-in/email");
  const bad = await v.post("/sign-in/email", { email: "not an email" });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Enter an email address in the right format/);
  assert.match(bad.text, /value="not an email"/);
  const missing = await v.post("/sign-in/email", { email: "" });
  assert.equal(missing.status, 400);
  assert.match(missing.text, /Enter your email address/);

  const unknown = await v.post("/sign-in/email", { email: "nobody@example.org" });
  assert.equal(unknown.status, 303);
  assert.equal(unknown.headers.get("location"), "/sign-in/code");
  assert.match((await v.get("/sign-in/code")).text, /If that address has a Roundtable account/);
  const guess = await v.post("/sign-in/code", { code: "123456" });
  assert.equal(guess.status, 400);
  assert.match(guess.text, /That code is not right, or it has run out/);

  const mair = new Visitor(server.url);
  const { raw } = await ask(mair, demo.carer); // Mair prefers Welsh
  assert.equal(sink.messages().length, before + 1, "no email went to the address without an account");
  assert.equal(subject(raw), "Eich cod i fewngofnodi i Roundtable");
  assert.match(plainText(raw), /Helo Mair Hughes,/);
  assert.match(raw, /Content-Language: cy/);
});

test(`${backendName}: five wrong codes use the email up, and at most 3 sign-in emails an hour go to one account`, async () => {
  const v = new Visitor(server.url);
  const { code } = await ask(v, demo.partner);
  const wrongCode = code === "999999" ? "999998" : "999999";
  for (let i = 0; i < 5; i++) assert.equal((await v.post("/sign-in/code", { code: wrongCode })).status, 400);
  const late = await v.post("/sign-in/code", { code });
  assert.notEqual(late.status, 303);
  assert.equal(await signedIn(v), false);

  const before = sink.messages().length;
  const w = new Visitor(server.url);
  await w.get("/sign-in/email");
  for (let i = 0; i < 3; i++) assert.equal((await w.post("/sign-in/email", { email: demo.partner })).status, 303);
  await sink.waitFor(before + 2);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(sink.messages().length, before + 2, "the first email this hour plus two more");
});
