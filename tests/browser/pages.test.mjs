// Every HTML page of the route table, in English and Welsh: zero axe violations (WCAG 2.2 AA),
// valid HTML (Nu checker), no CSP violations or console errors, nothing wider than a 320 px screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, axeViolations, nuErrors, routeTable } from "./support.mjs";

// Pages to visit for each HTML GET route, by route name. A new route without an entry here fails the test.
const visits = {
  home: ["/"],
  search: ["/search", "/search?q=coffee", "/search?q=zzzznothing", `/search?q=${"long".repeat(60)}`],
  accessibility: ["/accessibility"],
};
const errorPages = ["/this-page-does-not-exist"];

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test("every HTML GET route has pages to visit", () => {
  const htmlGets = routeTable().filter((r) => r.method === "GET" && r.html);
  assert.ok(htmlGets.length >= 3);
  for (const r of htmlGets) assert.ok(visits[r.name], `route ${r.name} (${r.pattern}) has no entry in visits`);
});

const paths = [...Object.values(visits).flat(), ...errorPages];
const collected = [];

for (const lang of ["en", "cy"]) {
  for (const path of paths) {
    test(`${lang} ${path}: axe, CSP, 320 px`, async () => {
      const context = await browser.newContext({ locale: lang === "cy" ? "cy-GB" : "en-GB", viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      const problems = [];
      page.on("console", (msg) => {
        // A 4xx page reports its own status on the console; sub-resources are checked below instead.
        if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) problems.push(`console: ${msg.text()}`);
      });
      page.on("response", (res) => {
        if (res.request().resourceType() !== "document" && res.status() >= 400) problems.push(`${res.status()} for ${res.url()}`);
      });
      page.on("requestfailed", (req) => problems.push(`failed: ${req.url()}`));
      page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
      const response = await page.goto(server.url + path);
      assert.ok(response, "no response");
      if (path.startsWith("/this-page")) assert.equal(response.status(), 404);
      assert.equal(await page.getAttribute("html", "lang"), lang);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `page is ${width}px wide at a 320px viewport`);
      // The stylesheet and script must have loaded under the CSP.
      assert.equal(await page.evaluate(() => document.body.classList.contains("govuk-frontend-supported")), true);
      const font = await page.evaluate(() => getComputedStyle(document.querySelector("h1")).fontFamily);
      assert.match(font, /Atkinson Hyperlegible Next/);
      assert.deepEqual(problems, []);
      collected.push({ name: `${lang} ${path}`, html: await response.text() });
      await context.close();
    });
  }
}

test("Nu HTML checker finds no errors on any page", () => {
  assert.equal(collected.length, paths.length * 2, "every page was collected");
  const errors = nuErrors(collected);
  assert.deepEqual(errors, []);
});
