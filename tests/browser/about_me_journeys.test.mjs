// Building an About Me page by keyboard alone and without JavaScript, in Chromium against the real server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startServer, launchBrowser, signIn, axeViolations } from "./support.mjs";
import { root } from "../integration/harness.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Presses Tab until the focused element matches (at most 60 times). */
async function tabUntil(page, matches, what) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(matches)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

test("keyboard only, no JavaScript: add words and a photo to your About Me page, then share it", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
  const page = await context.newPage();
  await signIn(page, server.url, "ngozi@demo.example");
  await page.goto(server.url + "/account/about-me");
  assert.equal(await page.textContent("h1"), "Your About Me page");

  await tabUntil(page, () => document.activeElement?.textContent === "Add a photo", "the Add a photo link");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.ok(page.url().endsWith("/account/about-me/add/photo"), page.url());
  // Sent without a file: the error summary says so and leads to the file field.
  await tabUntil(page, () => document.activeElement?.id === "caption", "the description");
  await page.keyboard.type("My daughter and me at the park");
  await tabUntil(page, () => document.activeElement?.tagName === "BUTTON", "the button");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.match(await page.textContent(".govuk-error-summary"), /Choose a photo to add/);
  assert.equal(await page.inputValue("#caption"), "My daughter and me at the park");
  // A file chooser is the browser's own dialog; the file is given to the focused field as that dialog would.
  await tabUntil(page, () => document.activeElement?.id === "file", "the file field");
  await page.setInputFiles("#file", join(root, "tests/integration/fixtures/about_me/photo-with-location.jpg"));
  await tabUntil(page, () => document.activeElement?.tagName === "BUTTON", "the button");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.match(page.url(), /\/account\/about-me#item-\d+$/);
  assert.equal(await page.getAttribute("img.rt-about-me__media", "alt"), "My daughter and me at the park");
  const width = await page.evaluate(() => document.querySelector("img.rt-about-me__media").naturalWidth);
  assert.ok(width > 0, "the photo loads");

  // Who can see it: the radios by arrow keys, then the button.
  await page.goto(server.url + "/account/about-me/visibility");
  await tabUntil(page, () => document.activeElement?.name === "visibility", "the choices");
  for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.value)) !== "organisation"; i++) {
    await page.keyboard.press("ArrowDown");
  }
  assert.equal(await page.evaluate(() => document.activeElement?.value), "organisation");
  await tabUntil(page, () => document.activeElement?.tagName === "BUTTON", "the button");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.match(await page.textContent("main"), /Who can see your page has been changed/);
  assert.match(await page.textContent("main"), /Everyone in your organisations/);
  await context.close();
});

test("issue #12 item 13: keyboard only, no JavaScript, 320 px: choose 'People I name' and pick Tom by name in one form", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB", viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await signIn(page, server.url, "priya@demo.example");
  await page.goto(server.url + "/account/about-me/visibility");
  assert.equal(await page.locator("main form").count(), 1, "one form");
  await tabUntil(page, () => document.activeElement?.name === "visibility", "the choices");
  for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.value)) !== "named"; i++) {
    await page.keyboard.press("ArrowDown");
  }
  assert.equal(await page.evaluate(() => document.activeElement?.value), "named");
  await tabUntil(page, () => document.activeElement?.id === "add", "the list of people");
  // Typing a name picks it in the closed list, as it does for anyone using a keyboard.
  await page.keyboard.type("Tom");
  assert.equal(await page.evaluate(() => document.activeElement.selectedOptions[0].textContent), "Tom Evans");
  await tabUntil(page, () => document.activeElement?.tagName === "BUTTON", "the button");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.ok(page.url().endsWith("/account/about-me"), page.url());
  const main = await page.textContent("main");
  assert.match(main, /Who can see your page has been changed/);
  assert.match(main, /People you named: Tom Evans/);
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= 320),
    "nothing is wider than the screen",
  );
  // Shown again, Tom is ticked and no longer in the list to add.
  await page.goto(server.url + "/account/about-me/visibility");
  assert.ok(await page.getByRole("checkbox", { name: "Tom Evans" }).isChecked());
  assert.equal(await page.locator("#add option", { hasText: "Tom Evans" }).count(), 0);
  assert.ok(await page.getByRole("radio", { name: "People I name" }).isChecked());
  await context.close();
});

/** Class names used under `main` that start with govuk- or rt- and that no loaded style rule names. */
async function classesWithoutStyles(page) {
  return page.evaluate(() => {
    const styled = new Set();
    const walk = (rules) => {
      for (const rule of rules) {
        if (rule.cssRules) walk(rule.cssRules);
        for (const m of (rule.selectorText ?? "").matchAll(/\.((?:govuk|rt)-(?:[\w-]|\\.)+)/g)) {
          styled.add(m[1].replaceAll("\\", ""));
        }
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    const used = new Set([...document.querySelectorAll("main [class]")].flatMap((e) => [...e.classList]));
    // Hooks govuk-frontend's scripts add for themselves, with no style of their own.
    const scriptHooks = ["govuk-file-upload-announcements"];
    return [...used].filter((c) => /^(govuk|rt)-/.test(c) && !styled.has(c) && !scriptHooks.includes(c));
  });
}

test("issue #12 item 14: an item's kind and its title read as separate words, on screen and to screen readers", async () => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await signIn(page, server.url, "gareth@demo.example");
  for (const lang of ["en", "cy"]) {
    if (lang === "cy") await signIn(page, server.url, "gareth@demo.example", "cy");
    await page.goto(server.url + "/account/about-me");
    // Each item's heading is its title alone (the photo's is its description), never the kind run into it.
    const headings = await page.getByRole("heading", { level: 3 }).allInnerTexts();
    assert.deepEqual(headings, [
      "What matters to me",
      "How to help me take part",
      "The hills above my allotment on a sunny morning",
    ]);
    const names = await page.locator("main h3").evaluateAll((hs) => hs.map((h) => h.textContent.trim()));
    assert.deepEqual(names, headings, "what a screen reader reads is what is on screen");
    // The kind is its own text: the term beside the item.
    const kinds = lang === "en" ? ["Words", "Words", "Photo"] : ["Geiriau", "Geiriau", "Llun"];
    assert.deepEqual(await page.locator("main .govuk-summary-card dt").allInnerTexts(), kinds);
    assert.deepEqual(await classesWithoutStyles(page), [], "every govuk- and rt- class on the page exists");
  }
  await context.close();
});

test("issue #12 item 22: Change, Delete and Move read as one space then whose they are, in English and Welsh", async () => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  for (const lang of ["en", "cy"]) {
    await signIn(page, server.url, "gareth@demo.example", lang);
    await page.goto(server.url + "/account/about-me");
    // The names Chromium gives screen readers. Chromium puts a space before the hidden span (it is taken out of the
    // flow) and govuk-visually-hidden a no-break space (::before): any more, or punctuation after them, is heard as
    // a stray pause, as in "Change  (What matters to me)" or "Move down  : What matters to me".
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const names = nodes
      .filter((n) => ["link", "button"].includes(n.role?.value))
      .map((n) => String(n.name?.value ?? ""))
      .filter((name) => name.includes("What matters to me"));
    assert.equal(names.length, 3, `${lang}: Change, Delete and Move down name the item: ${JSON.stringify(names)}`);
    for (const name of names) {
      const codes = [...name].map((c) => c.codePointAt(0).toString(16)).join(",");
      assert.match(name, /^\S+(?: \S+)* ?\u00a0\(What matters to me\)\u00a0?$/u, `${lang}: ${JSON.stringify(name)} ${codes}`);
    }
  }
  await context.close();
});

test("issue #12 item 15: the file upload is govuk-frontend's, in the page's language, with 0 axe violations", async () => {
  const words = {
    en: { choose: "Choose a file", none: "No file chosen yet", label: "Choose a photo" },
    cy: { choose: "Dewis ffeil", none: "Dim ffeil wedi'i dewis eto", label: "Dewis llun" },
  };
  for (const lang of ["en", "cy"]) {
    for (const width of [320, 1024]) {
      const context = await browser.newContext({ locale: `${lang}-GB`, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await signIn(page, server.url, "priya@demo.example", lang);
      await page.goto(server.url + "/account/about-me/add/photo");
      const where = `${lang} at ${width} px`;
      // The script's button stands for the file input: named by the label, saying what is chosen, in this language.
      const button = page.getByRole("button", { name: new RegExp(`^${words[lang].label}\\b`) });
      assert.equal(await button.count(), 1, where);
      assert.equal(await button.getAttribute("id"), "file", "the error summary's link still leads to it");
      const text = await button.innerText();
      assert.match(text, new RegExp(words[lang].none), where);
      assert.match(text, new RegExp(words[lang].choose), where);
      assert.doesNotMatch(await page.textContent("main"), lang === "cy" ? /Choose|No file/ : /Dewis ffeil/, where);
      assert.ok((await button.boundingBox()).height >= 40, `${where}: big enough to tap`);
      assert.deepEqual(await axeViolations(page), [], where);
      assert.deepEqual(await classesWithoutStyles(page), [], where);
      // A file chosen: its name is said, and the button still reads as it looks.
      await page.setInputFiles("input[type=file][name=file]", join(root, "tests/integration/fixtures/about_me/tiny.png"));
      assert.match(await button.innerText(), /tiny\.png/);
      assert.deepEqual(await axeViolations(page), [], `${where}, with a file chosen`);
      await context.close();
    }
  }
  // Without JavaScript it is the browser's own file input, styled as govuk-frontend's: as tall as other fields, with
  // the thick focus outline. (axe needs the page's timers, which a page without JavaScript does not run; this markup is
  // the same as the script starts from, checked above and in pages.mjs.)
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB", viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await signIn(page, server.url, "priya@demo.example", "en");
  await page.goto(server.url + "/account/about-me/add/photo");
  await page.focus("#file");
  const style = await page.$eval("#file", (e) => ({ height: e.getBoundingClientRect().height, outline: getComputedStyle(e).outlineWidth }));
  assert.ok(style.height >= 40, `the file input is ${style.height} px tall`);
  assert.equal(style.outline, "3px");
  assert.deepEqual(await classesWithoutStyles(page), []);
  await context.close();
});
