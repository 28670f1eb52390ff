// Issue #13: the keyboard-only journey from signing in to joining a group and moving a project's stage, on a 320 px
// screen, in Chromium against the real server; and the organisation's navigation without JavaScript.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser } from "./support.mjs";
import { tabTo, tabToId, follow, checkPage, assertFocusVisible, focusedText, signInByKeyboard } from "./keyboard.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const phone = { viewport: { width: 320, height: 640 }, locale: "en-GB" };

test("issue #13: keyboard only at 320 px: Gareth asks to join a project, Tom lets him in and moves its stage, Gareth sees both", async () => {
  // 1. Gareth signs in and lands on his home page.
  const garethContext = await browser.newContext(phone);
  const gareth = await garethContext.newPage();
  await signInByKeyboard(server, gareth, "gareth@demo.example");
  assert.match(await gareth.textContent("main"), /Your groups/);
  assert.doesNotMatch(await gareth.textContent("main"), /Booking respite made simple/, "not his group yet");
  await checkPage(gareth, "Gareth's home");

  // 2. Home, then the organisation, then its navigation (behind the Menu button on a phone) to the groups list.
  await tabTo(gareth, "Demo County Carers Partnership");
  await assertFocusVisible(gareth, "a link on the home page");
  await follow(gareth);
  assert.equal(new URL(gareth.url()).pathname, "/o/demo");
  await tabTo(gareth, "Menu");
  await gareth.keyboard.press("Enter");
  assert.equal(await gareth.evaluate(() => document.activeElement?.getAttribute("aria-expanded")), "true", "the menu opens");
  await tabTo(gareth, "Groups and projects", { max: 10 });
  await follow(gareth);
  assert.equal(new URL(gareth.url()).pathname, "/o/demo/groups");
  await checkPage(gareth, "the groups list");

  await tabTo(gareth, "Booking respite made simple");
  await follow(gareth);
  assert.equal(new URL(gareth.url()).pathname, "/o/demo/groups/4");
  await checkPage(gareth, "a group Gareth is not in");
  await tabTo(gareth, "Ask to join");
  await follow(gareth);
  assert.equal(new URL(gareth.url()).pathname, "/o/demo/groups/4/join");
  await tabToId(gareth, "message");
  await assertFocusVisible(gareth, "the message box");
  await gareth.keyboard.type("I booked respite for my dad last year and it took three phone calls.");
  await tabTo(gareth, "Send my request");
  await follow(gareth);
  assert.equal(new URL(gareth.url()).pathname, "/o/demo/groups/4");
  const asked = await gareth.textContent("main");
  assert.match(asked, /Your request to join Booking respite made simple is sent/);
  assert.match(asked, /You asked to join/);
  await checkPage(gareth, "the group after asking to join");

  // 3. Tom, who runs the project, lets Gareth in and moves the stage on.
  const tomContext = await browser.newContext(phone);
  const tom = await tomContext.newPage();
  await signInByKeyboard(server, tom, "tom@demo.example");
  await tabTo(tom, "Booking respite made simple");
  await follow(tom);
  assert.equal(new URL(tom.url()).pathname, "/o/demo/groups/4");
  await tabTo(tom, "1 person is waiting to hear if they can join");
  await follow(tom);
  assert.equal(new URL(tom.url()).pathname, "/o/demo/groups/4/requests");
  const requests = await tom.textContent("main");
  assert.match(requests, /Gareth Jones/);
  assert.match(requests, /three phone calls/, "Tom reads what Gareth wrote");
  await checkPage(tom, "the requests page");
  await tabTo(tom, "Let Gareth Jones join");
  await assertFocusVisible(tom, "the Let join button");
  await follow(tom);
  const answered = await tom.textContent("main");
  assert.match(answered, /They are in the group now/);
  assert.match(answered, /Nobody is waiting to join/);

  await tom.goto(server.url + "/o/demo/groups/4");
  await tabTo(tom, "The stage, its history, and moving it on");
  await follow(tom);
  assert.equal(new URL(tom.url()).pathname, "/o/demo/groups/4/stage");
  await checkPage(tom, "the stage page");
  // The stages are one radio group: Tab enters it, the arrow keys choose within it.
  await tabToId(tom, "stage");
  assert.equal(await tom.evaluate(() => document.activeElement?.type), "radio");
  for (let i = 0; i < 4 && (await tom.evaluate(() => document.activeElement?.value)) !== "develop"; i++) {
    await tom.keyboard.press("ArrowDown");
  }
  assert.equal(await tom.evaluate(() => document.activeElement?.value), "develop");
  assert.ok(await tom.evaluate(() => document.activeElement?.checked), "the arrow keys choose Develop");
  await tabToId(tom, "reason", { max: 5 });
  await tom.keyboard.type("We agreed the problem: booking takes too many calls.");
  await tabTo(tom, "Move the stage", { max: 5 });
  await follow(tom);
  // Moving the stage leads back to the group's page, which says so.
  assert.equal(new URL(tom.url()).pathname, "/o/demo/groups/4");
  const moved = await tom.textContent("main");
  assert.match(moved, /The project moved to Develop/);
  assert.match(moved, /This project is at stage 3 of 4: Develop\./);
  await checkPage(tom, "the group after moving the stage");
  // The reason is in the stage's history.
  await tabTo(tom, "The stage, its history, and moving it on");
  await follow(tom);
  assert.match(await tom.textContent("main table"), /From Define to Develop[\s\S]*booking takes too many calls/);

  // 4. Gareth looks again: he is a member, the project is in Develop, and it is on his home page.
  await gareth.reload();
  const joined = await gareth.textContent("main");
  assert.match(joined, /You\s*Member/);
  assert.match(joined, /This project is at stage 3 of 4: Develop\./);
  await checkPage(gareth, "the group once Gareth is in");
  await tabTo(gareth, "Roundtable");
  await follow(gareth);
  assert.equal(new URL(gareth.url()).pathname, "/");
  await tabTo(gareth, "Booking respite made simple");
  assert.equal(await gareth.evaluate(() => document.activeElement?.getAttribute("href")), "/o/demo/groups/4");
  await checkPage(gareth, "Gareth's home with the new group");

  await tomContext.close();
  await garethContext.close();
});

test("issue #13: without JavaScript at 320 px, the organisation's navigation is shown, reachable by Tab, and marks where you are", async () => {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const page = await context.newPage();
  await signInByKeyboard(server, page, "gareth@demo.example");
  await page.goto(server.url + "/o/demo/groups");
  const nav = page.getByRole("navigation", { name: "Organisation menu" });
  assert.equal(await nav.getByRole("button", { name: "Menu" }).count(), 0, "no Menu button to hide the links behind");
  const links = ["Home", "Groups and projects", "Opportunities", "Notifications", "Open sessions", "People"];
  // Notifications may carry the unread count ("Notifications 2 unread"; tests/integration/unread_count.test.mjs).
  const named = (name) => (name === "Notifications" ? /^Notifications( \d+\+? unread)?$/ : name);
  for (const name of links) {
    assert.ok(await nav.getByRole("link", { name: named(name), exact: true }).isVisible(), `${name} is shown`);
  }
  // The links are tab stops in order, and the groups list is marked as the current page.
  await tabTo(page, "Home");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-current")), null);
  for (const name of links.slice(1)) {
    await page.keyboard.press("Tab");
    const said = await focusedText(page);
    assert.ok(name === "Notifications" ? said.startsWith(name) : said === name, `Tab reached ${name}, not ${said}`);
    const current = await page.evaluate(() => document.activeElement?.getAttribute("aria-current"));
    assert.equal(current, name === "Groups and projects" ? "page" : null, `aria-current on ${name}`);
  }
  await assertFocusVisible(page, "a link in the organisation's navigation");
  // Following one by keyboard moves the mark.
  await follow(page);
  assert.equal(new URL(page.url()).pathname, "/o/demo/people");
  assert.equal(await nav.locator("[aria-current=page]").textContent().then((t) => t.trim()), "People");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), "nothing is wider than the screen");
  await context.close();
});

// Issue #16 (moving without dragging, WCAG 2.5.7): keyboard only, without JavaScript, on a 320 px screen: Gareth opens a
// list from the board, moves a card down and gives it a dot; each time he comes back to the card in its list, and the
// next Tab goes on from that card. (axe needs JavaScript to run, so here each page is checked for its width; axe and
// the Nu checker see the same pages in pages.mjs.)
async function fits(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `${what}: the page is ${width} px wide on a 320 px screen`);
}

test("issue #16: keyboard only, no JavaScript, 320 px: Gareth opens a list of the board, moves a card down and gives it a dot", async () => {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const gareth = await context.newPage();
  try {
    await signInByKeyboard(server, gareth, "gareth@demo.example");
    await gareth.goto(`${server.url}/o/demo/boards/1`);
    await fits(gareth, "the board");
    const card = "Book respite by phone as well as online";
    assert.match(await gareth.locator("#board-lists h3", { hasText: card }).innerText(), /\(position 1\)/);
    assert.equal(await gareth.locator("#board-lists button", { hasText: "Move down" }).count(), 0, "the board has no move buttons");
    await tabTo(gareth, "Move cards or give dots in Ideas");
    await assertFocusVisible(gareth, "the link to the list");
    await follow(gareth);
    assert.match(new URL(gareth.url()).pathname, /^\/o\/demo\/boards\/1\/lists\/\d+$/);
    await fits(gareth, "the list's page");
    const dotsBefore = (await gareth.textContent("main")).match(/You have (\d+) of your (\d+) dots left/);
    assert.ok(dotsBefore, "the list's page says how many dots are left");

    await tabTo(gareth, `Move down ${card}`);
    await assertFocusVisible(gareth, "the Move down button");
    await follow(gareth);
    assert.match(gareth.url(), /#card-\d+$/);
    assert.match(await gareth.textContent("main"), new RegExp(`Moved '${card}' to 'Ideas', position 2`));
    assert.match(await gareth.locator("#board-lists h2", { hasText: card }).innerText(), /\(position 2\)/);
    await fits(gareth, "the list after moving");
    // From the card the page returned to, Tab reaches the card's own buttons first.
    await tabTo(gareth, `Give a dot ${card}`, { max: 8 });
    await follow(gareth);
    assert.match(await gareth.textContent("main"), new RegExp(`You gave a dot to '${card}'`));
    const dotsAfter = (await gareth.textContent("main")).match(/You have (\d+) of your (\d+) dots left/);
    assert.equal(Number(dotsAfter[1]), Number(dotsBefore[1]) - 1);

    // Back on the board, the card is second in its list.
    await gareth.goto(`${server.url}/o/demo/boards/1`);
    assert.match(await gareth.locator("#board-lists h3", { hasText: card }).innerText(), /\(position 2\)/);
  } finally {
    await context.close();
  }
});
