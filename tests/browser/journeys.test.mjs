// Keyboard-only and no-JavaScript journeys through the page shell.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, signIn } from "./support.mjs";

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

test("320 px: a wide table scrolls in its own region, says so, and keeps Welsh words whole", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  // Siân reads Welsh; the audit log's dates have the longest Welsh month names ("Rhagfyr", "Gorffennaf").
  await signIn(page, server.url, "sian@demo.example", "cy");
  await page.goto(server.url + "/o/demo/audit");
  const region = page.locator(".rt-table-scroll");
  assert.equal(await region.getAttribute("role"), "region");
  assert.equal(await region.getAttribute("tabindex"), "0", "the region can be scrolled with the keyboard");
  assert.ok(
    await region.evaluate((el) => el.scrollWidth > el.clientWidth),
    "the table is wider than the screen, so the region scrolls",
  );
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    "the page itself does not scroll sideways",
  );
  const hint = page.locator(".rt-table-scroll__hint");
  assert.ok(await hint.isVisible(), "the words above the table say it scrolls");
  assert.match(await hint.textContent(), /Sgroliwch i'r ochr/);
  // Every word in the table's cells is on one line.
  const broken = await page.evaluate(() => {
    const out = [];
    for (const cell of document.querySelectorAll(".rt-table-scroll td, .rt-table-scroll th")) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  });
  assert.deepEqual(broken, [], "no word is broken across lines");
  // Wide screens have room for the table: no words about scrolling there.
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.ok(!(await hint.isVisible()), "the hint is for narrow screens only");
  await context.close();
});
