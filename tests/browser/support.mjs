// Shared by the browser tests: start the real server, launch Debian's Chromium, run axe and the Nu checker.
import { spawn, execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { freshDemoCode } from "../integration/totp.mjs";

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
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const m = log.match(/"event":"listening","address":"([^"]+)"/);
      if (m) {
        clearTimeout(timer);
        resolveUrl(`http://${m[1]}`);
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/** Runs axe-core for WCAG 2.0/2.1/2.2 A and AA in the page; returns the violations. */
export async function axeViolations(page) {
  // page.evaluate runs through the DevTools protocol, so the page's strict CSP need not be relaxed.
  await page.evaluate(axeSource);
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

/**
 * Signs in through the sign-in page as a demo person (typing the demo admins' two-step code when asked), then
 * switches to lang if their own language differs. The session is kept and reused for later pages in this file,
 * since each two-step code works only once.
 */
export async function signIn(page, baseUrl, email, lang) {
  const key = `${baseUrl} ${email}`;
  if (signedIn.has(key)) {
    await page.context().addCookies(signedIn.get(key));
    await page.goto(`${baseUrl}/account`);
  }
  if (!page.url().endsWith("/account")) {
    await page.goto(`${baseUrl}/sign-in`);
    await page.fill("#email", email);
    await page.fill("#password", demoPassword);
    await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
    if (page.url().endsWith("/sign-in/two-step")) {
      await page.fill("#code", await freshDemoCode(key));
      await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
    }
    if (!page.url().endsWith("/account")) throw new Error(`signing in as ${email} did not work: ${page.url()}`);
    signedIn.set(key, await page.context().cookies());
  }
  if (lang && (await page.getAttribute("html", "lang")) !== lang) {
    await Promise.all([page.waitForNavigation(), page.click(".rt-language-switcher__button")]);
  }
}
