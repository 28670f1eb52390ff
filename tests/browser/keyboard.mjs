// Keyboard-only journeys in Chromium (tests/browser/*_journeys.test.mjs): Tab to a control by what it says, press a
// key that leads to another page, and check each page as a person on a 320 px phone would need it.
import assert from "node:assert/strict";
import { axeViolations, demoPassword } from "./support.mjs";
import { freshDemoCode } from "../integration/totp.mjs";

/** What the focused element says: its aria-label, or its text, or its value (spaces folded). */
export function focusedText(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "";
    return (el.getAttribute("aria-label") || el.innerText || el.value || "").trim().replace(/\s+/g, " ");
  });
}

/**
 * Presses Tab until the focused element's text is `want` (a string, matched whole) or matches it (a RegExp); fails
 * naming every stop it passed, so a missing or unreachable control shows what was there instead.
 */
export async function tabTo(page, want, { max = 80 } = {}) {
  const passed = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const text = await focusedText(page);
    if (typeof want === "string" ? text === want : want.test(text)) return;
    passed.push(text);
  }
  throw new Error(
    `on ${new URL(page.url()).pathname}, Tab never reached ${want} in ${max} presses; it passed ${JSON.stringify(passed)}`,
  );
}

/** Presses Tab until the element with this id has focus. */
export async function tabToId(page, id, { max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(`on ${new URL(page.url()).pathname}, Tab never reached #${id} in ${max} presses`);
}

/** Presses a key that leads to another page, and waits for it. */
export async function follow(page, key = "Enter") {
  await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
}

/** The page is checked as a person on a phone would need it: no axe violations and nothing wider than the screen. */
export async function checkPage(page, what) {
  assert.deepEqual(await axeViolations(page), [], `${what}: axe`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `${what}: the page is ${width} px wide on a 320 px screen`);
}

/** The focused element shows that it has focus: an outline that is drawn, or GOV.UK's yellow and black shadow. */
export async function assertFocusVisible(page, what) {
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor, boxShadow: s.boxShadow };
  });
  const outline = style.outlineStyle !== "none" && style.outlineWidth !== "0px" && !/rgba\(0, 0, 0, 0\)|transparent/.test(style.outlineColor);
  const shadow = style.boxShadow !== "none";
  assert.ok(outline || shadow, `${what}: focus is not visible (${JSON.stringify(style)})`);
}

/** Signs in with the sign-in form by keyboard alone (typing the two-step code when asked); ends on the home page. */
export async function signInByKeyboard(server, page, email) {
  await page.goto(server.url + "/sign-in");
  await tabToId(page, "email");
  await assertFocusVisible(page, "the email field");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "password", "Tab goes from email to password");
  await page.keyboard.type(demoPassword);
  await follow(page);
  if (new URL(page.url()).pathname === "/sign-in/two-step") {
    await tabToId(page, "code");
    await page.keyboard.type(await freshDemoCode(`${server.url} ${email}`));
    await follow(page);
  }
  assert.equal(new URL(page.url()).pathname, "/", `signing in as ${email} leads home: ${page.url()}`);
}
