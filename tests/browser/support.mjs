// Shared by the browser tests: start the real server, launch Debian's Chromium, run axe and the Nu checker.
import { spawn, execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { freshDemoCode } from "../integration/totp.mjs";

// Passwords hashed at the lowest cost by the servers started here, as in the integration tests (see harness.mjs).
process.env.ROUNDTABLE_TEST_FAST_PASSWORDS ??= "1";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(join(root, "web/package.json"));
export const { chromium } = require("playwright-core");
export const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const vnuJar = require("vnu-jar");

export const binary = process.env.ROUNDTABLE_BINARY ?? join(root, "build/roundtable");

/** The route table as the binary reports it. */
export function routeTable() {
  return execFileSync(binary, ["routes"], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
}

/** Starts `roundtable serve --demo` on a free loopback port with a fresh data folder (and more arguments). */
export async function startServer(extraArgs = []) {
  const dataDir = mkdtempSync(join(tmpdir(), "rt-browser-"));
  const child = spawn(
    binary,
    [
      "serve",
      "--listen",
      "127.0.0.1:0",
      "--data-dir",
      dataDir,
      "--public-dir",
      join(root, "public"),
      "--demo",
      "--no-access-log",
      ...extraArgs,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${log}`)), 30_000);
    let found = false;
    child.stderr.on("data", (chunk) => {
      log += chunk;
      // Once found, stop looking: each look copies the whole log into one string again.
      if (found) return;
      const m = log.match(/"event":"listening","address":"([^"]+)"/);
      if (m) {
        found = true;
        clearTimeout(timer);
        resolveUrl(`http://${m[1]}`);
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  return {
    url,
    /**
     * SIGTERM and wait. The server must stop cleanly, with exit code 0: a crash, a hang (killed after 20 s) or, under
     * the sanitisers, memory leaked (LeakSanitizer reports it at exit and exits 23) fails the test file.
     */
    async stop() {
      const exited =
        child.exitCode !== null || child.signalCode !== null
          ? Promise.resolve([child.exitCode, child.signalCode])
          : new Promise((r) => child.once("exit", (code, signal) => r([code, signal])));
      child.kill("SIGTERM");
      // The timer is cleared once the server has gone: a pending one would keep this test file's process alive
      // (and the test run waiting) for the rest of the 20 s.
      let timer;
      const hung = new Promise((r) => (timer = setTimeout(() => (child.kill("SIGKILL"), r(null)), 20_000)));
      const ended = await Promise.race([exited, hung]);
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      if (!ended) throw new Error(`the server did not stop in 20 s:\n${log.slice(-4000)}`);
      if (ended[0] !== 0) throw new Error(`the server did not stop cleanly (${ended[0] ?? ended[1]}):\n${log.slice(-4000)}`);
    },
  };
}

// Debian's chromium-headless-shell: Chromium's own headless build, without the browser's windows, tabs and address
// bar. It renders pages with the same Blink and V8 as the full browser, and a page's visit costs about a third less
// CPU (docs/PERFORMANCE.md). CHROMIUM=/usr/bin/chromium runs the tests in the full browser instead.
const headlessShell = "/usr/bin/chromium-headless-shell";
const executable = process.env.CHROMIUM ?? (existsSync(headlessShell) ? headlessShell : "/usr/bin/chromium");

// In the full browser, each new browser context also opens the address bar's drop-down, which it draws as web pages
// of its own (chrome://omnibox-popup.top-chrome/, three kinds), each in a renderer process of its own: that cost more
// than half the CPU time of a page visit, for a drop-down a headless browser never shows. Turning them off leaves the
// pages under test as they were. The headless shell has no address bar.
const omniboxPopups = ["WebUIOmniboxPopup", "WebUIOmniboxFullPopup", "WebUIOmniboxAimPopup"];

// Chromium keeps only the last --disable-features it is given, and Playwright passes one of its own first, so ours
// repeats Playwright's list (playwright-core 1.65) as well; launchBrowser checks that none of Playwright's is lost.
const playwrightDisabledFeatures = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/** Debian's Chromium, headless; extraArgs are more command-line switches (e.g. a fake microphone). */
export async function launchBrowser(extraArgs = []) {
  const browser = await chromium.launch({
    executablePath: executable,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      `--disable-features=${[...playwrightDisabledFeatures, ...omniboxPopups].join(",")}`,
      ...extraArgs,
    ],
  });
  // The full browser's own page about itself shows the command line it was given: the last --disable-features must
  // hold Playwright's list as well as ours. (The headless shell has no such page, and no address bar.)
  if (executable === headlessShell) return browser;
  const page = await browser.newPage();
  await page.goto("chrome://version");
  const commandLine = await page.textContent("#command_line");
  await page.close();
  const lists = [...commandLine.matchAll(/--disable-features=(\S+)/g)].map((m) => m[1].split(","));
  const lost = [...lists.slice(0, -1).flat(), ...omniboxPopups].filter((feature) => !lists.at(-1)?.includes(feature));
  if (lost.length) {
    await browser.close();
    throw new Error(`Chromium was not told to disable ${lost}: see playwrightDisabledFeatures in support.mjs`);
  }
  return browser;
}

/**
 * What an audio player in the page knows once its metadata has loaded: { src (first five characters), error, controls,
 * label, readyState }. load: ask it to load its source again first. The wait is bounded (20 s), so a player that never
 * loads fails the test with its state rather than hanging the file.
 */
export function playerState(audio, { load = false } = {}) {
  return audio.evaluate(async (player, again) => {
    if (again) player.load();
    if (player.readyState < 1)
      await new Promise((ok, fail) => {
        player.onloadedmetadata = ok;
        player.onerror = fail;
        setTimeout(() => fail(new Error(`no metadata in 20 s: readyState ${player.readyState}, networkState ${player.networkState}`)), 20_000);
      });
    return {
      src: player.src.slice(0, 5),
      error: player.error,
      controls: player.controls,
      label: player.getAttribute("aria-label"),
      readyState: player.readyState,
    };
  }, load);
}

const axeKey = "rt-test-axe";

/**
 * Runs axe-core for WCAG 2.0/2.1/2.2 A and AA in the page; returns the violations.
 * keep: the page is used for many visits (see pages.mjs): the first visit also keeps axe-core in the test site's
 * local storage, and later ones run it from there. Sending its 650 KB through the DevTools protocol cost more of
 * Chromium's time than axe's checks did; read from the page's own storage, the copy a page already compiled is used.
 */
export async function axeViolations(page, { keep = false } = {}) {
  // page.evaluate runs through the DevTools protocol, so the page's strict CSP need not be relaxed (nor does it stop
  // the eval of an expression evaluated from there).
  const kept =
    keep &&
    (await page.evaluate(`(() => { const s = localStorage.getItem("${axeKey}"); if (!s) return false; (0, eval)(s); return true; })()`));
  if (!kept) {
    await page.evaluate(axeSource);
    if (keep) await page.evaluate(([key, source]) => localStorage.setItem(key, source), [axeKey, axeSource]);
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
    }));
  });
}

/** Validates HTML documents with the Nu HTML Checker in one JVM; returns the errors, each naming its page. */
export function nuErrors(documents) {
  const dir = mkdtempSync(join(tmpdir(), "rt-vnu-"));
  try {
    const files = documents.map((d, i) => {
      const f = join(dir, `page-${i}.html`);
      writeFileSync(f, d.html);
      return { file: f, name: d.name };
    });
    let out;
    try {
      out = execFileSync("java", ["-jar", vnuJar, "--errors-only", "--format", "json", ...files.map((f) => f.file)], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (e) {
      // vnu exits 1 when it finds errors; the JSON report is on stderr.
      out = e.stderr || e.stdout;
      if (!out) throw e;
    }
    const report = JSON.parse(out || '{"messages":[]}');
    return report.messages
      .filter((m) => m.type === "error" || m.subType === "fatal")
      .map((m) => {
        const page = files.find((f) => m.url && m.url.endsWith(f.file.split("/").pop()));
        return `${page ? page.name : m.url}: ${m.message} (line ${m.lastLine}) ${m.extract ?? ""}`;
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The password of every demo account (src/app/demo_data.hpp). */
export const demoPassword = "roundtable-demo";

const signedIn = new Map();
const turns = new Map();

/** Runs fn after every earlier call with the same key has finished (whether it worked or not). */
function inTurn(key, fn) {
  const previous = turns.get(key) ?? Promise.resolve();
  const mine = previous.catch(() => {}).then(fn);
  turns.set(key, mine);
  return mine;
}

/**
 * Signs in through the sign-in page as a demo person (typing the demo admins' two-step code when asked), then
 * switches to lang if their own language differs. The session is kept and reused for later pages in this file,
 * since each two-step code works only once.
 *
 * Pages may be visited at the same time, so each person's turn comes one at a time: two first visits of the same
 * person share one sign-in (the second finds the first one's cookies), and only one of them switches the language,
 * which the server keeps in the shared session. Callers must not want two languages for one person at once.
 */
export function signIn(page, baseUrl, email, lang) {
  return inTurn(`${baseUrl} ${email}`, () => signInNow(page, baseUrl, email, lang));
}

async function signInNow(page, baseUrl, email, lang) {
  const key = `${baseUrl} ${email}`;
  const context = page.context();
  let current;
  if (signedIn.has(key)) {
    // Ask for the account page outside the page (it shares the context's cookies): the session still works if
    // it answers rather than sending us to sign in. Cheaper than loading the page with its styles and fonts.
    await context.addCookies(signedIn.get(key));
    const account = await context.request.get(`${baseUrl}/account`);
    if (new URL(account.url()).pathname === "/account") {
      current = (await account.text()).match(/<html[^>]* lang="([^"]+)"/)?.[1] ?? "none";
    }
  }
  if (!current) {
    await page.goto(`${baseUrl}/sign-in`);
    await page.fill("#email", email);
    await page.fill("#password", demoPassword);
    await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
    if (page.url().endsWith("/sign-in/two-step")) {
      await page.fill("#code", await freshDemoCode(key));
      await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
    }
    // Signing in leads home (/), which shows the person's groups.
    if (new URL(page.url()).pathname !== "/") throw new Error(`signing in as ${email} did not work: ${page.url()}`);
    signedIn.set(key, await context.cookies());
    current = await page.getAttribute("html", "lang");
  }
  if (lang && current !== lang) {
    if (!page.url().endsWith("/account")) await page.goto(`${baseUrl}/account`);
    await Promise.all([page.waitForNavigation(), page.click(".rt-language-switcher__button")]);
    if ((await page.getAttribute("html", "lang")) !== lang) throw new Error(`${email} could not switch to ${lang}`);
  }
}
