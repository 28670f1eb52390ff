// Issue #12 item 16: record in the page. "Add a recording" records with the browser's microphone (MediaRecorder) where
// the browser can, and sends the recording through the same upload form; without JavaScript it is the upload form it
// always was. Chromium's fake microphone (a beep) stands in for a person speaking.
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

const status = (page) => page.textContent("[data-rt-status]");
const focused = (page) => page.evaluate(() => document.activeElement?.textContent.trim() || document.activeElement?.tagName);

test("record with the microphone by keyboard at 320 px, play it back, save it, and find it playable on the page", async () => {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await signIn(page, server.url, "gareth@demo.example", "en");
  const before = (await (await context.request.get(`${server.url}/account/about-me`)).text()).match(/<audio/g)?.length ?? 0;
  const answer = await page.goto(server.url + "/account/about-me/add/audio");
  assert.match(answer.headers()["permissions-policy"], /microphone=\(self\)/);
  const record = page.getByRole("button", { name: "Record", exact: true });
  // The recorder is loaded by a dynamic import after the page's load event, so its button appears a moment later.
  await record.waitFor({ state: "visible", timeout: 10000 });
  assert.ok(await record.isVisible(), "the Record button shows where the browser can record");
  assert.equal(await page.getByRole("button", { name: "Stop" }).isVisible(), false);
  assert.equal(await page.getByRole("button", { name: "Record again" }).isVisible(), false);
  assert.equal(await page.getAttribute("[data-rt-status]", "role"), "status");

  // By keyboard: Record, then the focus is on Stop.
  await record.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("[data-rt-status]").textContent === "Recording…");
  assert.equal(await focused(page), "Stop");
  const focusStyle = await page.evaluate(() => getComputedStyle(document.activeElement).boxShadow);
  assert.notEqual(focusStyle, "none", "the focused button shows it");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), "nothing wider than 320 px");
  assert.deepEqual(await axeViolations(page), [], "while recording");
  await page.waitForTimeout(2000);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /^Recording stopped/.test(document.querySelector("[data-rt-status]").textContent));
  // The length is said in minutes and seconds; on a busy machine Stop can land several seconds after the 2 s wait.
  assert.match(await status(page), /^Recording stopped, 0:(0[1-9]|[1-5][0-9])\. Play it back, then save\.$/);

  // It can be played back here, and it is the file the form will send.
  assert.equal(await focused(page), "AUDIO", "the focus is on the player");
  assert.ok(await page.getByRole("button", { name: "Record again" }).isVisible());
  assert.equal(await record.isVisible(), false);
  const { src, error, controls, label } = await playerState(page.locator("[data-rt-playback]").first());
  assert.deepEqual({ src, error, controls, label }, { src: "blob:", error: null, controls: true, label: "Your recording" });
  const chosen = await page.$eval("input[type=file][name=file]", (input) => ({
    count: input.files.length,
    name: input.files[0]?.name,
    type: input.files[0]?.type,
    size: input.files[0]?.size,
  }));
  // Chromium names itself in the file (MuxingApp, WritingApp): the server's metadata removal applies to recordings too.
  const namesChrome = await page.$eval("input[type=file][name=file]", async (input) =>
    new TextDecoder("latin1").decode(await input.files[0].arrayBuffer()).includes("Chrome"),
  );
  assert.equal(chosen.count, 1);
  assert.equal(chosen.name, "recording.webm");
  assert.equal(chosen.type, "audio/webm");
  assert.ok(chosen.size > 1000, `${chosen.size} bytes`);
  assert.match(await page.innerText("button#file"), /recording\.webm/, "the file upload control names it");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), "nothing wider than 320 px");
  assert.deepEqual(await axeViolations(page), [], "with a recording made");

  // Saved through the same form: the server takes it as a recording (audio/webm) and the page plays it.
  await page.fill("#title", "Hello from Gareth");
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Add to my page" }).click()]);
  assert.match(page.url(), /\/account\/about-me#item-\d+$/);
  assert.equal(await page.locator("audio").count(), before + 1);
  const saved = page.locator("audio[aria-label='Hello from Gareth']");
  assert.equal(await saved.locator("source").getAttribute("type"), "audio/webm");
  const file = await context.request.get(server.url + (await saved.locator("source").getAttribute("src")));
  assert.equal(file.status(), 200);
  assert.equal(file.headers()["content-type"], "audio/webm");
  const stored = await file.body();
  assert.equal(stored.length, chosen.size, "cleaned in place: nothing moved");
  assert.ok(namesChrome, "the recording named the software that made it");
  assert.equal(stored.includes("Chrome"), false, "the stored recording does not");
  const savedState = await playerState(saved, { load: true });
  assert.ok(savedState.error === null && savedState.readyState >= 1, "the saved recording loads in the page's player");
  await context.close();
});

test("recording in Welsh, and recording again: the buttons and what is said come from the Welsh catalogue", async () => {
  const context = await browser.newContext({ locale: "cy-GB" });
  const page = await context.newPage();
  await signIn(page, server.url, "mair@demo.example", "cy");
  await page.goto(server.url + "/account/about-me/add/audio");
  await page.getByRole("button", { name: "Recordio", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("[data-rt-status]").textContent === "Yn recordio…");
  await page.waitForTimeout(1000); // a second of sound: a recording of no length has nothing to play
  await page.getByRole("button", { name: "Stopio" }).click();
  await page.waitForFunction(() => /^Mae'r recordio wedi stopio/.test(document.querySelector("[data-rt-status]").textContent));
  assert.match(await status(page), /^Mae'r recordio wedi stopio, 0:0\d\. Gwrandewch arno, yna cadwch ef\.$/);
  assert.ok(await page.getByRole("button", { name: "Recordio eto" }).isVisible());
  assert.equal(await page.$eval("input[type=file][name=file]", (i) => i.files[0]?.name), "recordiad.webm");
  assert.doesNotMatch(await page.innerText("main"), /\b(Record|Stop|Recording)\b/);
  // Record again: the first recording leaves the form while the second is made, and the second takes its place.
  await page.getByRole("button", { name: "Recordio eto" }).click();
  await page.waitForFunction(() => document.querySelector("[data-rt-status]").textContent === "Yn recordio…");
  await page.waitForTimeout(1000); // a second of sound: a recording of no length has nothing to play
  assert.equal(await page.$eval("input[type=file][name=file]", (i) => i.files.length), 0);
  assert.equal(await page.isVisible("[data-rt-playback]"), false);
  await page.getByRole("button", { name: "Stopio" }).click();
  await page.waitForFunction(() => /^Mae'r recordio wedi stopio/.test(document.querySelector("[data-rt-status]").textContent));
  assert.equal(await page.$eval("input[type=file][name=file]", (i) => i.files[0]?.name), "recordiad.webm");
  await page.waitForFunction(() => document.querySelector("[data-rt-playback]").readyState >= 1);
  assert.equal(await page.$eval("[data-rt-playback]", (a) => a.error), null, "the second recording plays back");
  assert.equal(await page.$eval("[data-rt-playback]", (a) => a.hidden), false);
  await context.close();
});

test("a refused microphone is said in plain words, and the upload form still works", async () => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await signIn(page, server.url, "gareth@demo.example", "en");
  await page.goto(server.url + "/account/about-me/add/audio");
  // As if the person had said no when the browser asked.
  await page.evaluate(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
  });
  await page.getByRole("button", { name: "Record", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("[data-rt-status]").textContent !== "");
  assert.match(await status(page), /^Your browser did not let this page use the microphone\./);
  assert.ok(await page.getByRole("button", { name: "Record", exact: true }).isVisible());
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test("without JavaScript the page is the upload form alone, and an uploaded recording is added", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
  const page = await context.newPage();
  await signIn(page, server.url, "ngozi@demo.example", "en");
  await page.goto(server.url + "/account/about-me/add/audio");
  assert.equal(await page.locator("[data-rt-recorder]").isVisible(), false);
  for (const name of ["Record", "Stop", "Record again"]) {
    assert.equal(await page.getByRole("button", { name, exact: true }).count(), 0, `no ${name} button`);
  }
  await page.setInputFiles("#file", join(root, "tests/integration/fixtures/about_me/hello.mp3"));
  await page.fill("#title", "Hello from Ngozi");
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Add to my page" }).click()]);
  assert.match(page.url(), /\/account\/about-me#item-\d+$/);
  assert.equal(await page.locator("audio[aria-label='Hello from Ngozi'] source").getAttribute("type"), "audio/mpeg");
  await context.close();
});
