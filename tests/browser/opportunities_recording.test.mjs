// Issue #13 item 4: express interest in an opportunity "in their own words (or by a recording)". The form records with
// the browser's microphone where it can (web/js/recorder.mjs, as About Me's "Add a recording") and sends the recording
// through the same upload form; without JavaScript it is a file input. The people who run the group play it on the
// applicants page. Chromium's fake microphone (a beep) stands in for a person speaking.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startServer, launchBrowser, signIn, axeViolations, playerState } from "./support.mjs";
import { root } from "../integration/harness.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  // Says yes to the microphone without asking, and gives a made-up one.
  browser = await launchBrowser(["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const fixtures = join(root, "tests/integration/fixtures/about_me");
const status = (page) => page.textContent("[data-rt-status]");
const focused = (page) => page.evaluate(() => document.activeElement?.textContent.trim() || document.activeElement?.tagName);
const narrow = (page) => page.evaluate(() => document.documentElement.scrollWidth <= 320);

/**
 * The demo's open, public opportunity in "Newly diagnosed" (Tom runs the group; Priya is not in it; Ngozi applied with
 * a recording): the first one made on a fresh database, as pages.mjs visits it.
 */
const opportunityId = () => "1";

test("interest by a recording only, made with the microphone by keyboard at 320 px; the facilitator plays it", async () => {
  const id = opportunityId();
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await signIn(page, server.url, "priya@demo.example", "en");
  const answer = await page.goto(`${server.url}/o/demo/opportunities/${id}/interest`);
  assert.match(answer.headers()["permissions-policy"], /microphone=\(self\)/);
  const record = page.getByRole("button", { name: "Record", exact: true });
  // The recorder's script is imported after the page has loaded (app.mjs), so the button shows a moment later: wait
  // for it as about_me_recording.test.mjs does (a busy machine made this test fail once without the wait).
  await record.waitFor({ state: "visible", timeout: 10000 });
  assert.ok(await record.isVisible(), "the Record button shows where the browser can record");
  assert.deepEqual(await axeViolations(page), [], "the form");
  assert.ok(await narrow(page), "nothing wider than 320 px");

  // By keyboard: Record, then the focus is on Stop; Stop, then it is on the player.
  await record.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("[data-rt-status]").textContent === "Recording…");
  assert.equal(await focused(page), "Stop");
  await page.waitForTimeout(2000);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /^Recording stopped/.test(document.querySelector("[data-rt-status]").textContent));
  // The length is said in minutes and seconds; on a busy machine Stop can land several seconds after the 2 s wait.
  assert.match(await status(page), /^Recording stopped, 0:(0[1-9]|[1-5][0-9])\. Play it back, then save\.$/);
  assert.equal(await focused(page), "AUDIO", "the focus is on the player");
  const chosen = await page.$eval("input[type=file][name=recording]", (input) => ({
    count: input.files.length,
    name: input.files[0]?.name,
    type: input.files[0]?.type,
  }));
  assert.deepEqual(chosen, { count: 1, name: "recording.webm", type: "audio/webm" });
  assert.ok(await narrow(page), "nothing wider than 320 px with a recording made");
  assert.deepEqual(await axeViolations(page), [], "with a recording made");

  // No words: the recording is the interest. Sent by keyboard.
  await page.getByRole("button", { name: "Send" }).focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.match(page.url(), new RegExp(`/o/demo/opportunities/${id}$`));
  const mine = page.locator("audio.rt-media source");
  assert.equal(await mine.getAttribute("type"), "audio/webm");
  const file = await context.request.get(server.url + (await mine.getAttribute("src")));
  assert.equal(file.status(), 200);
  assert.equal(file.headers()["content-type"], "audio/webm");
  assert.equal((await file.body()).includes("Chrome"), false, "the stored recording's metadata was removed");
  assert.deepEqual(await axeViolations(page), [], "the opportunity with the person's recording");
  await context.close();

  // Tom runs the group: the applicants page plays it, says it is a recording and its type, and offers the spreadsheet.
  const tomContext = await browser.newContext({ locale: "en-GB", viewport: { width: 320, height: 800 } });
  const tom = await tomContext.newPage();
  await signIn(tom, server.url, "tom@demo.example", "en");
  await tom.goto(`${server.url}/o/demo/opportunities/${id}/applicants`);
  const player = tom.locator("audio[aria-label^='Recording from Priya']");
  assert.equal(await player.count(), 1);
  assert.match(await tom.innerText("main"), /A sound recording \(WebM file\)\. Play it here or download it\./);
  const state = await playerState(player, { load: true });
  assert.ok(state.error === null && state.readyState >= 1, "the recording loads in the facilitator's player");
  assert.ok(await tom.getByRole("link", { name: /Download who applied as a spreadsheet/ }).isVisible());
  assert.ok(await narrow(tom), "nothing wider than 320 px");
  assert.deepEqual(await axeViolations(tom), [], "the applicants page with players");
  // By keyboard, the player can be reached.
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await tom.keyboard.press("Tab");
    reached = await tom.evaluate(() => document.activeElement?.tagName === "AUDIO");
  }
  assert.ok(reached, "a player is reached with Tab");
  await tomContext.close();
});

test("without JavaScript: the file input alone; a wrong file is refused with the words kept, then a recording is added", async () => {
  const id = opportunityId();
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB", viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await signIn(page, server.url, "ngozi@demo.example", "en");
  await page.goto(`${server.url}/o/demo/opportunities/${id}/interest`);
  assert.equal(await page.locator("[data-rt-recorder]").isVisible(), false);
  for (const name of ["Record", "Stop", "Record again"]) {
    assert.equal(await page.getByRole("button", { name, exact: true }).count(), 0, `no ${name} button`);
  }
  // Ngozi's demo interest has a recording already: it plays here, and can be replaced or removed.
  assert.equal(await page.locator("audio.rt-media source").getAttribute("type"), "audio/wav");
  assert.ok(await page.getByLabel("Remove this recording").isVisible());

  await page.fill("#message", "My words stay.");
  await page.setInputFiles("#recording", join(fixtures, "tiny.png"));
  await page.getByRole("button", { name: "Save changes" }).click();
  assert.match(await page.innerText(".govuk-error-summary"), /The file must be a recording/);
  assert.equal(await page.inputValue("#message"), "My words stay.");
  // (axe needs scripts, which this page has none of: the same form with its problem is checked with scripts on by
  // pages.mjs.)
  assert.ok(await narrow(page));

  await page.setInputFiles("#recording", join(fixtures, "hello.mp3"));
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Save changes" }).click()]);
  assert.match(page.url(), new RegExp(`/o/demo/opportunities/${id}$`));
  assert.equal(await page.locator("audio.rt-media source").getAttribute("type"), "audio/mpeg");
  assert.match(await page.innerText("main"), /My words stay\./);
  await context.close();
});

test("in Welsh: the recorder's words and the form's come from the Welsh catalogue", async () => {
  const id = opportunityId();
  const context = await browser.newContext({ locale: "cy-GB" });
  const page = await context.newPage();
  await signIn(page, server.url, "mair@demo.example", "cy");
  await page.goto(`${server.url}/o/demo/opportunities/${id}/interest`);
  assert.ok(await page.getByText("Recordiad (dewisol)").isVisible());
  await page.getByRole("button", { name: "Recordio", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("[data-rt-status]").textContent === "Yn recordio…");
  await page.waitForTimeout(1000); // a second of sound: a recording of no length has nothing to play
  await page.getByRole("button", { name: "Stopio" }).click();
  await page.waitForFunction(() => /^Mae'r recordio wedi stopio/.test(document.querySelector("[data-rt-status]").textContent));
  assert.equal(await page.$eval("input[type=file][name=recording]", (i) => i.files[0]?.name), "recordiad.webm");
  assert.doesNotMatch(await page.innerText("main"), /\b(Record|Stop|Recording)\b/);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
