// Keyboard-only and no-JavaScript journeys through the page shell.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser } from "./support.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test("keyboard: the skip link comes first and moves focus to the main content", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + "/");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "govuk-skip-link");
  assert.ok(await page.evaluate(() => document.activeElement.getBoundingClientRect().height > 0), "skip link is visible when focused");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main-content");
  await context.close();
});

test("keyboard: switch to Welsh and back from the header, staying on the same page", async () => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(server.url + "/search?q=coffee");
  // Tab past the skip link, the Roundtable name and "Sign in" to the language button.
  for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Cymraeg");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.equal(await page.getAttribute("html", "lang"), "cy");
  assert.ok(page.url().endsWith("/search?q=coffee"), page.url());
  assert.equal(await page.inputValue("#q"), "coffee");
  // The choice is remembered on the next page.
  await page.goto(server.url + "/accessibility");
  assert.equal(await page.getAttribute("html", "lang"), "cy");
  assert.match(await page.textContent("h1"), /Datganiad hygyrchedd/);
  await page.click("button[name=lang]");
  await page.waitForLoadState();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await context.close();
});

test("without JavaScript: search and the language switcher still work", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url + "/search");
  await page.fill("#q", "coffee");
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit].govuk-button")]);
  assert.match(await page.textContent("#results-heading"), /1 result for “coffee”/);
  await Promise.all([page.waitForNavigation(), page.click("button[name=lang]")]);
  assert.equal(await page.getAttribute("html", "lang"), "cy");
  assert.match(await page.textContent("#results-heading"), /1 canlyniad ar gyfer “coffee”/);
  await context.close();
});

test("a search that is too long is shown again with the words kept and the problem said", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const long = "carers ".repeat(40).trim();
  await page.goto(server.url + "/search");
  await page.fill("#q", long);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit].govuk-button")]);
  assert.equal(await page.inputValue("#q"), long);
  assert.match(await page.textContent(".govuk-error-summary"), /200 characters or fewer/);
  assert.match(await page.title(), /^Error:/);
  await context.close();
});
