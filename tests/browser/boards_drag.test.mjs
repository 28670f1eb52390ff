// Issue #16 (drag and drop, only as an extra: WCAG 2.5.7): with a mouse, a card is dragged to another list on the
// board and to another place in its list on a list's page; the drop sends the card's own "Move the card" POST, the
// page shows the lists as they are then, and the polite live region says where the card went, in the reader's
// language (English for Tom, Welsh for Mair). A move the server refuses is said, and the card goes back. After a
// reload the card is where it was dropped; axe finds nothing on the pages. The buttons and forms stay as they were.
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

/** The demo board's address, found as a person would: the groups, the co-production board, its boards. */
async function boardAddress(page) {
  await page.goto(`${server.url}/o/demo/groups`);
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Carers Co-production Board" }).first().click()]);
  await page.goto(`${page.url()}/boards`);
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Respite booking ideas" }).first().click()]);
  return page.url();
}

const cardIn = (page, list, title) =>
  page.locator(`[data-rt-list-title="${list}"] [data-rt-card]`, { has: page.getByRole("link", { name: title, exact: true }) });

/** Drags the card with the mouse (from its box, below its title) to the point (x, y). */
/**
 * Where an element is on screen. The board's live updates put fresh lists in place of the ones shown whenever the
 * server says a card changed (board_live.mjs), so the element found may be replaced just before it is measured, which
 * Playwright answers with null: it is found again and measured again.
 */
async function boxOf(locator) {
  for (let tries = 0; tries < 20; tries++) {
    const box = await locator.boundingBox();
    if (box) return box;
  }
  throw new Error(`${locator} is not on screen`);
}

async function drag(page, card, x, y) {
  const from = await boxOf(card);
  await page.mouse.move(from.x + 12, from.y + from.height - 12);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + from.height - 30, { steps: 5 });
  await page.mouse.move(x, y, { steps: 10 });
  await page.mouse.up();
}

test("a card dragged to another list on the board moves there, is announced, and stays there after a reload", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: "en-GB" });
  try {
    const tom = await context.newPage();
    await signIn(tom, server.url, "tom@demo.example");
    const address = await boardAddress(tom);
    const card = "Easy read booking guide";
    assert.equal(await cardIn(tom, "Ideas", card).count(), 1);
    await tom.evaluate(() => {
      window.rtNotReloaded = true;
    });
    // Dropped above Doing's first card: the top of Doing.
    const first = tom.locator('[data-rt-list-title="Doing"] [data-rt-card]').first();
    await first.scrollIntoViewIfNeeded();
    const target = await boxOf(first);
    const boardFetches = [];
    tom.on("response", (r) => {
      if (r.request().method() === "GET" && new URL(r.url()).pathname === new URL(address).pathname) boardFetches.push(r);
    });
    const moved = tom.waitForResponse((r) => r.url().endsWith("/move") && r.request().method() === "POST");
    await drag(tom, cardIn(tom, "Ideas", card), target.x + 40, target.y + 8);
    const post = await moved;
    // The same request as the card's form: list and position, with the page's form token.
    const sent = new URLSearchParams(post.request().postData());
    assert.equal(sent.get("position"), "1");
    assert.ok(sent.get("csrf_token"), "the form token was sent");
    const status = tom.locator("[data-rt-live-status]");
    await status.filter({ hasText: `Moved “${card}” to position 1 in “Doing”.` }).waitFor({ timeout: 15_000 });
    assert.equal(await status.getAttribute("aria-live"), "polite");
    // The board's live channel tells of this move too: the page shows the lists again, but does not say "The board
    // has changed" over what Tom was told.
    // Two fetches of the board: the drag's own and the live script's.
    for (let i = 0; i < 150 && boardFetches.length < 2; i++) await tom.waitForTimeout(100);
    assert.ok(boardFetches.length >= 2, `the live script fetched the board again: ${boardFetches.length}`);
    await tom.waitForTimeout(500);
    assert.equal(await status.innerText(), `Moved “${card}” to position 1 in “Doing”.`);
    assert.equal(await tom.evaluate(() => window.rtNotReloaded), true, "the page was not reloaded");
    assert.equal(await cardIn(tom, "Doing", card).count(), 1);
    assert.deepEqual(await axeViolations(tom), []);

    await tom.goto(address);
    const there = cardIn(tom, "Doing", card);
    assert.equal(await there.count(), 1, "after a reload the card is in Doing");
    assert.match(await there.locator("h3").innerText(), /\(position 1\)/);
    assert.equal(await cardIn(tom, "Ideas", card).count(), 0);
    assert.deepEqual(await axeViolations(tom), []);
  } finally {
    await context.close();
  }
});

test("on a list's page a card is dragged to another place and to another list, said in Welsh; a refused move goes back", async () => {
  // Tall enough for the whole list's page, so the card and where it goes are both in sight.
  const context = await browser.newContext({ viewport: { width: 1024, height: 2600 }, locale: "en-GB" });
  try {
    const mair = await context.newPage();
    await signIn(mair, server.url, "mair@demo.example");
    await boardAddress(mair);
    assert.equal(await mair.getAttribute("html", "lang"), "cy");
    await Promise.all([mair.waitForNavigation(), mair.locator('[data-rt-list-title="Ideas"] p a[href*="/lists/"]').click()]);
    const status = mair.locator("[data-rt-live-status]");
    const cards = mair.locator("[data-rt-card]");
    const titles = async () => cards.evaluateAll((all) => all.map((c) => c.querySelector("h2 a").textContent.trim()));
    const before = await titles();
    assert.ok(before.length >= 3, `Ideas has cards: ${before}`);
    const last = before.at(-1);

    // The last card dragged above the first: position 1.
    const top = await boxOf(cards.first());
    await drag(mair, cardIn(mair, "Ideas", last), top.x + 40, top.y + 8);
    await status.filter({ hasText: `Wedi symud “${last}” i safle 1 yn “Ideas”.` }).waitFor({ timeout: 15_000 });
    assert.deepEqual(await titles(), [last, ...before.slice(0, -1)]);

    // A move the server refuses (the form token is wrong): said, and the card is back where it was.
    await mair.evaluate(() => {
      document.getElementById("board-lists").dataset.rtCsrf = "not-the-token";
    });
    const second = (await titles())[1];
    const refused = await boxOf(cards.first());
    await drag(mair, cardIn(mair, "Ideas", second), refused.x + 40, refused.y + 8);
    await status.filter({ hasText: `Doedd dim modd symud “${second}”` }).waitFor({ timeout: 15_000 });
    assert.deepEqual(await titles(), [last, ...before.slice(0, -1)], "the card went back");
    await mair.reload();

    // To another list: dropped on the link to Done among the board's other lists, it goes last there.
    const done = mair.locator('[data-rt-list-end][data-rt-list-title="Done"]');
    await done.scrollIntoViewIfNeeded();
    const box = await boxOf(done);
    await drag(mair, cardIn(mair, "Ideas", last), box.x + 20, box.y + box.height / 2);
    await status.filter({ hasText: `Wedi symud “${last}” i safle 3 yn “Done”.` }).waitFor({ timeout: 15_000 });
    assert.equal(await cardIn(mair, "Ideas", last).count(), 0);
    assert.deepEqual(await axeViolations(mair), []);
    await mair.reload();
    assert.deepEqual(await titles(), before.slice(0, -1), "after a reload the card is no longer in Ideas");
  } finally {
    await context.close();
  }
});
