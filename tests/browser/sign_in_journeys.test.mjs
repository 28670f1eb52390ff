// Signing in with an emailed code, by keyboard alone and without JavaScript, in Chromium against the real server
// and a real SMTP server on loopback.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, demoPassword } from "./support.mjs";
import { startSmtpSink, plainText } from "../integration/smtp.mjs";

let server, browser, sink;
before(async () => {
  sink = await startSmtpSink();
  server = await startServer(["--smtp-url", sink.url]);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.stop();
});

/** Presses Tab until the element with this id has focus (at most 30 times). */
async function tabTo(page, id) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

test("keyboard: the sign-in page has one tab stop called \"Sign in\" (the button), not a header link as well", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(server.url + "/sign-in");
  const stops = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const name = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\s+/g, " ");
      return { name, tag: el.tagName, key: el.outerHTML };
    });
    if (!stop || stops.some((s) => s.key === stop.key)) break;
    stops.push(stop);
  }
  const signIn = stops.filter((s) => s.name === "Sign in");
  assert.equal(signIn.length, 1, JSON.stringify(stops.map((s) => s.name)));
  assert.equal(signIn[0].tag, "BUTTON");
  // Other pages still offer "Sign in" in the header.
  await page.goto(server.url + "/accessibility");
  assert.equal(await page.locator("header a[href='/sign-in']").count(), 1);
  await context.close();
});

test("keyboard only, no JavaScript: ask for a code by email, mistype it, then sign in with it", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(server.url + "/sign-in?next=%2Fo%2Fdemo");
  // From the sign-in page to the email option, by keyboard.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent)) === "Email me a code to sign in") break;
  }
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.ok(page.url().endsWith("/sign-in/email?next=%2Fo%2Fdemo"), page.url());
  const before = sink.messages().length;
  await tabTo(page, "email");
  await page.keyboard.type("tom@demo.example");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.ok(page.url().endsWith("/sign-in/code"), page.url());
  assert.equal(await page.textContent("h1"), "Check your email");
  const messages = await sink.waitFor(before + 1);
  const code = plainText(messages[messages.length - 1]).match(/^(\d{6})$/m)[1];

  await tabTo(page, "code");
  await page.keyboard.type(code === "111111" ? "222222" : "111111");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  // The error summary links to the field; following it puts the cursor there, with what was typed kept.
  assert.match(await page.textContent(".govuk-error-summary"), /That code is not right, or it has run out/);
  await tabTo(page, "code");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(code);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.ok(page.url().endsWith("/o/demo"), page.url());
  assert.match(await page.textContent("h1"), /Demo/);
  await context.close();
});

test("Welsh: the code page and its messages are in Welsh", async () => {
  const context = await browser.newContext({ locale: "cy-GB" });
  const page = await context.newPage();
  await page.goto(server.url + "/sign-in/email");
  assert.equal(await page.getAttribute("html", "lang"), "cy");
  await page.fill("#email", "nobody@example.org");
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  assert.equal(await page.textContent("h1"), "Edrychwch ar eich e-bost");
  await page.fill("#code", "12");
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  assert.match(await page.textContent(".govuk-error-summary"), /Mae'r cod yn 6 rhif, fel 123456/);
  assert.equal(await page.inputValue("#code"), "12");
  await context.close();
});

test("keyboard only, no JavaScript: download your data, then delete your account", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB", acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(server.url + "/sign-in");
  await page.fill("#email", "priya@demo.example");
  await page.fill("#password", "roundtable-demo");
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  await page.goto(server.url + "/account/data");
  // Tab to the download button and press Enter: a zip arrives.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === "Download your data") break;
  }
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.match(download.suggestedFilename(), /^roundtable-data-\d{4}-\d{2}-\d{2}\.zip$/);
  // Then to the deletion page, tick the box with the space bar, type the password and confirm.
  await page.goto(server.url + "/account/delete");
  await tabTo(page, "confirm");
  await page.keyboard.press("Space");
  assert.equal(await page.isChecked("#confirm"), true);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "password");
  await page.keyboard.type("roundtable-demo");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), "Delete my account");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.ok(page.url().endsWith("/account-deleted"), page.url());
  assert.equal((await page.textContent("h1")).trim(), "Your account has been deleted");
  await page.goto(server.url + "/account");
  assert.ok(page.url().includes("/sign-in"), "signed out");
  await context.close();
});

test("forms keep working before, across and after sign-in; a form from before sign-in has expired", async () => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  // Before: the language switcher (an anonymous form).
  await page.goto(server.url + "/sign-in");
  await Promise.all([page.waitForNavigation(), page.click("button[name=lang]")]);
  assert.equal(await page.getAttribute("html", "lang"), "cy");
  // A second tab keeps a form from before sign-in.
  const old = await context.newPage();
  await old.goto(server.url + "/accessibility");
  // Across: signing in with the form (as Mair: the test before deletes Priya's account).
  await page.fill("#email", "mair@demo.example");
  await page.fill("#password", demoPassword);
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  assert.equal(new URL(page.url()).pathname, "/", page.url());
  // After: a form on a signed-in page carries the session's token.
  await Promise.all([page.waitForNavigation(), page.click("button[name=lang]")]);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(new URL(page.url()).pathname, "/", page.url());
  // The form from before sign-in carries the token sign-in replaced: refused, with the words that say why.
  const refused = await Promise.all([old.waitForNavigation(), old.click("button[name=lang]")]);
  assert.equal(refused[0].status(), 403);
  // Signing out (a signed-in form), then an anonymous form again.
  await Promise.all([page.waitForNavigation(), page.click("form[action='/sign-out'] button")]);
  assert.ok(page.url().includes("/sign-in"), page.url());
  await Promise.all([page.waitForNavigation(), page.click("button[name=lang]")]);
  assert.equal(await page.getAttribute("html", "lang"), "cy");
  await context.close();
});
