// Sign-in state (issue #12 items 9 and 11): the CSRF token of a signed-in person belongs to their session and is
// renewed at sign-in, so a cookie planted in their browser cannot forge a request; sessions end after a while without
// use, and an admin's sooner after sign-in than anyone else's. Both databases.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test(`${backendName}: a CSRF cookie and token planted from an anonymous visit do not forge a signed-in request`, async () => {
  // The attacker's own anonymous visit: a cookie and the token its forms carry.
  const attacker = new Visitor(server.url);
  await attacker.get("/sign-in");
  const plantedCookie = attacker.cookies.get("rt_csrf");
  const plantedToken = attacker.csrfToken;
  assert.ok(plantedCookie && plantedToken);

  const victim = new Visitor(server.url);
  await victim.signIn(demo.member);
  victim.cookies.set("rt_csrf", plantedCookie);
  const forged = await victim.post("/account/two-step/start", { csrf_token: plantedToken });
  assert.equal(forged.status, 403, "a planted cookie/token pair was accepted for a signed-in person");

  // The victim's own form still works.
  await victim.get("/account/two-step");
  const own = await victim.post("/account/two-step/start", {});
  assert.equal(own.status, 303);
});

test(`${backendName}: signing in renews the CSRF token; the one from before is refused afterwards`, async () => {
  const v = new Visitor(server.url);
  await v.get("/sign-in");
  const before = v.csrfToken;
  const cookieBefore = v.cookies.get("rt_csrf");
  await v.signIn(demo.member);
  assert.notEqual(v.cookies.get("rt_csrf"), cookieBefore, "rt_csrf was not renewed at sign-in");
  const stale = await v.post("/account/two-step/start", { csrf_token: before });
  assert.equal(stale.status, 403);
  await v.get("/account/two-step");
  assert.notEqual(v.csrfToken, before);
  assert.equal((await v.post("/account/two-step/start", {})).status, 303);
});

test(`${backendName}: a session unused for longer than --session-idle ends, and the sign-in page says why in English and Welsh`, async () => {
  const idle = await startServer({ args: ["--session-idle", "3s"] });
  try {
    for (const [lang, words] of [
      ["en", "You were signed out because you had not used Roundtable for a while"],
      ["cy", "Cawsoch eich allgofnodi am nad oeddech wedi defnyddio Roundtable ers tro"],
    ]) {
      const v = new Visitor(idle.url);
      await v.get("/");
      await v.post("/language", { lang, return_to: "/" });
      await v.signIn(demo.member);
      assert.equal((await v.get("/account")).status, 200);
      await sleep(4500);
      const res = await v.get("/account");
      assert.equal(res.status, 303, `${lang}: still signed in after the idle time`);
      assert.equal(res.headers.get("location"), "/sign-in?next=/account");
      const page = await v.get(res.headers.get("location"));
      assert.equal(page.status, 200);
      assert.ok(page.text.includes(words), `${lang}: the sign-in page does not say why:\n${page.text.slice(0, 3000)}`);
      // It is news, not a success: an "Important" banner, not a green "Success" one.
      assert.doesNotMatch(page.text, /govuk-notification-banner--success/);
      assert.match(page.text, lang === "en" ? />\s*Important\s*</ : />\s*Pwysig\s*</);
      // Shown once; the person is signed out for good.
      assert.ok(!(await v.get("/sign-in")).text.includes(words));
      assert.equal((await v.get("/account")).status, 303);
    }
  } finally {
    await idle.stop();
  }
});

test(`${backendName}: an admin's session ends after --admin-session-lifetime however busy, while a member's lasts its --session-lifetime`, async () => {
  const short = await startServer({ args: ["--admin-session-lifetime", "3s", "--session-lifetime", "1h"] });
  try {
    // Siân is the organisation's admin (with two-step sign-in); Gareth is a member.
    const sian = new Visitor(short.url);
    await sian.signIn(demo.orgAdmin);
    const gareth = new Visitor(short.url);
    await gareth.signIn(demo.member);
    const signedInAt = Date.now();
    assert.equal((await sian.get("/o/demo/settings")).status, 200);
    // Busy all the while: the idle timeout (2 hours by default) is not what ends her session.
    const said = [];
    while (Date.now() - signedInAt < 4500) {
      await sleep(700);
      said.push((await sian.get("/")).text);
      await gareth.get("/");
    }
    // The page she was on when it ended says why, truthfully and in her language (Welsh): that she had been signed in
    // a long time, not that she had stopped using Roundtable.
    assert.ok(said.some((t) => t.includes("wedi mewngofnodi ers amser hir")), "no page said her session had lasted its time");
    assert.ok(!said.some((t) => t.includes("nad oeddech wedi defnyddio Roundtable")), "a busy admin was told she had not used it");
    const res = await sian.get("/o/demo/settings");
    assert.equal(res.status, 303, "the admin is still signed in after her session's lifetime");
    assert.equal(res.headers.get("location"), "/sign-in?next=/o/demo/settings");
    assert.equal((await sian.get("/account")).status, 303, "she is signed out everywhere, not only from admin pages");
    assert.equal((await gareth.get("/account")).status, 200, "the member is still signed in");
    assert.equal((await gareth.get("/o/demo")).status, 200);
    // Signing in again gives her a new session of the admins' lifetime.
    await sian.signIn(demo.orgAdmin);
    assert.equal((await sian.get("/o/demo/settings")).status, 200);
  } finally {
    await short.stop();
  }
});
