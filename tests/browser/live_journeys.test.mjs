// Issue #14 (live): a reply Gareth sends appears on Mair's open copy of the topic without reloading, announced in its
// live region in her language (Welsh), in a second browser context; the page stays accessible after the change.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, axeViolations, signIn } from "./support.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const kTopic = "Can board meetings be in the evening?";

/** The address of the demo topic, found as a person would: the board, its discussion, the topic. */
async function topicAddress(page) {
  await page.goto(`${server.url}/o/demo/groups`);
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Carers Co-production Board" }).first().click()]);
  await page.goto(`${page.url()}/discussion`);
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: kTopic }).first().click()]);
  return page.url();
}

test("a reply appears on another member's open topic page without reloading, and is announced", async () => {
  const mairContext = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: "en-GB" });
  const garethContext = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: "en-GB" });
  try {
    const mair = await mairContext.newPage();
    const gareth = await garethContext.newPage();
    await signIn(mair, server.url, "mair@demo.example");
    await signIn(gareth, server.url, "gareth@demo.example");
    const address = await topicAddress(mair);
    // Mair's page listens once its script has opened the stream.
    const listening = mair.waitForResponse((r) => r.url().endsWith("/live") && r.status() === 200);
    await mair.goto(address);
    await listening;
    // Set on Mair's page now: still there later only if the page was never reloaded.
    await mair.evaluate(() => {
      window.rtNotReloaded = true;
    });
    const before = await mair.locator("#replies > [id^='post-']").count();

    await gareth.goto(address);
    const words = `Thursday evenings suit me too (${Date.now()}).`;
    await gareth.fill("textarea[name=body]", words);
    await Promise.all([gareth.waitForNavigation(), gareth.click("form[action$='/replies'] button[type=submit]")]);
    assert.ok(gareth.url().includes("#post-"), `the reply was sent: ${gareth.url()}`);

    await mair.locator("#replies").getByText(words).waitFor({ timeout: 30_000 });
    assert.equal(await mair.evaluate(() => window.rtNotReloaded), true, "the page was not reloaded");
    assert.equal(await mair.locator("#replies > [id^='post-']").count(), before + 1);
    const status = mair.locator("[data-rt-live-status]");
    // Mair reads Welsh: "1 new reply" in her language, the form Intl.PluralRules chose for one.
    assert.equal(await mair.getAttribute("html", "lang"), "cy");
    await status.filter({ hasText: "1 ateb newydd" }).waitFor({ timeout: 10_000 });
    assert.equal(await status.getAttribute("aria-live"), "polite");
    // The new reply came as Mair sees it: her own reaction buttons, with her form token.
    assert.ok(await mair.locator("#replies > [id^='post-']").last().locator("form[action$='/react']").count() > 0);
    assert.deepEqual(await axeViolations(mair), []);
  } finally {
    await mairContext.close();
    await garethContext.close();
  }
});

// Issue #16 (live): a card Tom moves on the board moves on Gareth's open copy of it too, without reloading, announced
// in its live region; the page stays accessible after the change.
test("a card moved by one member moves on another member's open board without reloading, and is announced", async () => {
  const garethContext = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: "en-GB" });
  const tomContext = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: "en-GB" });
  try {
    const gareth = await garethContext.newPage();
    const tom = await tomContext.newPage();
    await signIn(gareth, server.url, "gareth@demo.example");
    await signIn(tom, server.url, "tom@demo.example");
    // The board, found as a person would: the groups, the co-production board, its boards.
    await gareth.goto(`${server.url}/o/demo/groups`);
    await Promise.all([gareth.waitForNavigation(), gareth.getByRole("link", { name: "Carers Co-production Board" }).first().click()]);
    await gareth.goto(`${gareth.url()}/boards`);
    const listening = gareth.waitForResponse((r) => r.url().endsWith("/live") && r.status() === 200);
    await Promise.all([gareth.waitForNavigation(), gareth.getByRole("link", { name: "Respite booking ideas" }).first().click()]);
    await listening;
    const address = gareth.url();
    await gareth.evaluate(() => {
      window.rtNotReloaded = true;
    });
    const card = "Book respite by phone as well as online";
    const heading = gareth.locator("#board-lists h3", { hasText: card });
    assert.match(await heading.innerText(), /\(position 1\)/);

    // Tom moves it on the list's own page, where the buttons are.
    await tom.goto(address);
    await Promise.all([tom.waitForNavigation(), tom.getByRole("link", { name: "Move cards or give dots in Ideas" }).click()]);
    await Promise.all([tom.waitForNavigation(), tom.getByRole("button", { name: `Move down ${card}` }).click()]);
    assert.ok(tom.url().includes("#card-"), `the card was moved: ${tom.url()}`);

    await gareth.locator("#board-lists h3", { hasText: card }).filter({ hasText: "(position 2)" }).waitFor({ timeout: 30_000 });
    assert.equal(await gareth.evaluate(() => window.rtNotReloaded), true, "the page was not reloaded");
    const status = gareth.locator("[data-rt-live-status]");
    await status.filter({ hasText: "The board has changed" }).waitFor({ timeout: 10_000 });
    assert.equal(await status.getAttribute("aria-live"), "polite");
    // The lists came as Gareth may use them: his own forms to add a card, with his form token.
    assert.ok((await gareth.locator("#board-lists form[action$='/cards'] input[name=csrf_token]").count()) > 0);
    assert.deepEqual(await axeViolations(gareth), []);

    // A change the board does not show (a card's description): Gareth's page asks for the board again and finds its
    // lists as they were, so it leaves them as they are (each "Add a card" form's own key aside, which differs from
    // page to page): nothing is replaced under the reader, and nothing is announced.
    await gareth.evaluate(() => {
      document.querySelector("#board-lists [data-rt-list]").rtKept = true;
    });
    const fetched = gareth.waitForResponse(
      (r) => r.request().method() === "GET" && new URL(r.url()).pathname === new URL(address).pathname,
      { timeout: 30_000 },
    );
    await Promise.all([tom.waitForNavigation(), tom.getByRole("link", { name: card, exact: true }).click()]);
    await Promise.all([tom.waitForNavigation(), tom.getByRole("link", { name: "Change the card" }).click()]);
    await tom.locator("#description").fill("Some people cannot use the website.");
    await Promise.all([tom.waitForNavigation(), tom.getByRole("button", { name: "Save the card" }).click()]);
    await fetched;
    await gareth.waitForTimeout(1_000);
    assert.equal(
      await gareth.evaluate(() => document.querySelector("#board-lists [data-rt-list]").rtKept),
      true,
      "the unchanged lists were left in place",
    );
  } finally {
    await garethContext.close();
    await tomContext.close();
  }
});
