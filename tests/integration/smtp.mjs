// A real SMTP server for integration tests: tests/support/smtp_sink.py (Debian's python3-aiosmtpd) on loopback.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./harness.mjs";

/** Starts the sink (on `port`, or a free one); resolves to {port, url, messages(), to(address), waitFor(n),
 * until(check, what), stop()}. */
export async function startSmtpSink(port) {
  const dir = mkdtempSync(join(tmpdir(), "rt-smtp-"));
  const args = [join(root, "tests/support/smtp_sink.py"), dir];
  if (port) args.push(String(port));
  const child = spawn("/usr/bin/python3", args, { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const ready = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/ready (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`smtp_sink.py exited ${code}: ${err}`)));
  });
  const messages = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".eml"))
      .sort()
      .map((f) => readFileSync(join(dir, f), "utf8"));
  return {
    port: ready,
    url: `smtp://127.0.0.1:${ready}`,
    messages,
    /** The messages addressed to `address` (as "Name <address>" or a bare "To: address"), oldest first. */
    to(address) {
      const bare = new RegExp(`^To: ${address.replace(/[.+]/g, "\\$&")}$`, "m");
      return messages().filter((m) => m.includes(`<${address}>`) || bare.test(m));
    },
    /** Waits until check() gives something truthy and resolves to it; fails after timeoutMs, saying what it waited
     * for and the subjects that did come. */
    async until(check, what = "email", timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const got = check();
        if (got) return got;
        await new Promise((r) => setTimeout(r, 100));
      }
      const subjects = messages().map((m) => (m.match(/^Subject: (.*)$/m) ?? [])[1]);
      throw new Error(`timed out waiting for ${what}; got: ${subjects.join(" | ")}`);
    },
    /** Waits until at least n messages arrived (or fails after timeoutMs). */
    async waitFor(n, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const got = messages();
        if (got.length >= n) return got;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`expected ${n} email(s), got ${messages().length}`);
    },
    /** Stops the sink. One that has already exited is not waited for (its exit came before, and waiting for another
     * held a test file until the runner's limit: seen once, 2026-12-07); one that does not stop is killed after 10 s. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const late = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(late);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The decoded text/plain part of a raw message (quoted-printable, as the server sends it). */
export function plainText(raw) {
  return decodedPart(raw, "text/plain");
}

/** The decoded text/html part of a raw message. */
export function htmlPart(raw) {
  return decodedPart(raw, "text/html");
}

function decodedPart(raw, type) {
  const part = raw.split(new RegExp(`Content-Type: ${type.replace("/", "\\/")}; charset=utf-8`, "i"))[1] ?? "";
  const body = part.split(/\r?\n\r?\n/).slice(1).join("\n\n").split(/\r?\n--/)[0];
  const unfolded = body.replace(/=\r?\n/g, "");
  const bytes = [];
  for (let i = 0; i < unfolded.length; i++) {
    if (unfolded[i] === "=" && /^[0-9A-F]{2}$/i.test(unfolded.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unfolded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(unfolded[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The decoded Subject header (unfolded; RFC 2047 words, with the space between adjacent words dropped). */
export function subject(raw) {
  const line = (raw.match(/^Subject: (.*(?:\r?\n[ \t].*)*)$/m)?.[1] ?? "").replace(/\r?\n(?=[ \t])/g, "");
  return line
    .replace(/(\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b64) => Buffer.from(b64, "base64").toString("utf8"));
}
