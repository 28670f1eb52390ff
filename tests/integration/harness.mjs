// Integration test harness, reused by every feature: starts the real roundtable binary on a free loopback
// port against a fresh database (SQLite, or a new database on the PostgreSQL server named by
// ROUNDTABLE_TEST_DATABASE), and gives tests a cookie-keeping client that fills in CSRF tokens.
import { spawn, execFileSync } from "node:child_process";
import { Worker, MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { freshDemoCode, demoCodeNow } from "./totp.mjs";

/** The cookies of each two-step demo account's last full sign-in, by "baseUrl email" (see Visitor.signIn). */
const twoStepSessions = new Map();

// The servers and commands the tests start hash passwords at the lowest cost (a sanitizer build honours this, a release
// build ignores it): at the interactive cost, hashing the demo password at each sign-in was a sixth of the servers'
// CPU time, and as much again in the kernel, handing out and taking back 64 MiB each time.
process.env.ROUNDTABLE_TEST_FAST_PASSWORDS ??= "1";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const binary = process.env.ROUNDTABLE_BINARY ?? join(root, "build/roundtable");
export const publicDir = join(root, "public");

/** "sqlite" (default) or the URL of a PostgreSQL server's database whose owner may be given new databases. */
export const databaseSetting = process.env.ROUNDTABLE_TEST_DATABASE || "sqlite";
export const usingPostgres = databaseSetting.startsWith("postgresql://");
export const backendName = usingPostgres ? "postgresql" : "sqlite";

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix = "rt-it-") {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Drops a database of the PostgreSQL test server by name (the run's template, when the run ends). */
export function dropPostgresDatabase(name) {
  psqlAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

// PostgreSQL 15's own psql. /usr/bin/psql is Debian's pg_wrapper, a Perl script that picks a version and then runs
// this: it cost three times the CPU of psql itself.
const psqlBinary = existsSync("/usr/lib/postgresql/15/bin/psql") ? "/usr/lib/postgresql/15/bin/psql" : "psql";

// One psql per database, kept open in a worker thread (psql_worker.mjs): a psql and a PostgreSQL backend started for
// each query were a quarter of the PostgreSQL run's CPU. The tests call sql() synchronously, so this thread waits on
// a shared flag until the worker has the answer.
let psqlWorker;
function askPsql(message) {
  if (!psqlWorker) {
    const base = new URL(databaseSetting);
    psqlWorker = new Worker(new URL("./psql_worker.mjs", import.meta.url), {
      // The test server trusts loopback connections; the postgres role may create and drop databases.
      workerData: { psqlBinary, host: base.hostname, port: base.port || "5432", user: "postgres" },
    });
    psqlWorker.unref();
  }
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  psqlWorker.postMessage({ ...message, flag, port: port2 }, [port2]);
  // Bounded: a worker that died would otherwise hold this test file still until the runner's limit.
  if (Atomics.wait(flag, 0, 0, 120_000) === "timed-out") {
    port1.close();
    throw new Error("psql gave no answer in 120 s");
  }
  const result = receiveMessageOnPort(port1)?.message;
  port1.close();
  if (!result) throw new Error("the psql worker gave no answer");
  if (result.error !== undefined) throw new Error(`psql: ${result.error}`);
  return result.text.trim();
}

function psqlAdmin(sql, database = "postgres") {
  return askPsql({ op: "query", database, sql });
}

/**
 * A database of its own for one server (or one restart sequence):
 *   url      what to pass to --database
 *   sql(q)   runs SQL as an administrator and returns the text (PostgreSQL), or with the sqlite3 shell (SQLite)
 *   integrityCheck() -> "ok" or the problems found
 *   drop()
 */
/**
 * The demo template of this run (tests/integration/template.mjs, made by run.sh): a data folder and a database that
 * one server migrated and loaded the demo into, then stopped. A server started with the demo and nothing else of its
 * own begins from a copy of it instead of migrating and loading the demo again: that was most of each server's
 * start (about two seconds of CPU under the sanitisers) and the tests start nearly two hundred servers.
 */
const template = process.env.ROUNDTABLE_TEST_TEMPLATE ? JSON.parse(process.env.ROUNDTABLE_TEST_TEMPLATE) : null;

export function freshDatabase(dataDir, { fromTemplate = false } = {}) {
  if (!usingPostgres) {
    const file = join(dataDir, "roundtable.db");
    // Debian's sqlite3 shell: it starts in a few milliseconds (Python took tens, and was an eighth of the SQLite
    // integration tests' CPU time). NULL comes out empty, as psql prints it; it waits up to 5 s for a busy database.
    const shell = (q) =>
      execFileSync("/usr/bin/sqlite3", ["-init", "/dev/null", "-batch", "-bail", "-cmd", ".timeout 5000", file, q], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      }).trim();
    return {
      url: `sqlite:${file}`,
      file,
      sql: shell,
      integrityCheck: () => shell("PRAGMA integrity_check"),
      drop() {},
    };
  }
  const base = new URL(databaseSetting);
  const name = `rt_it_${randomBytes(6).toString("hex")}`;
  const owner = decodeURIComponent(base.username || "roundtable");
  const from = fromTemplate ? ` TEMPLATE ${new URL(template.url).pathname.slice(1)}` : "";
  // FILE_COPY copies the template's files rather than writing every page of it to the WAL: 0.07 s of the PostgreSQL
  // server's CPU a database instead of 0.18 (its checkpoints included).
  psqlAdmin(`CREATE DATABASE ${name}${from} OWNER ${owner} STRATEGY FILE_COPY`);
  const url = new URL(databaseSetting);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    sql: (q) => psqlAdmin(q, name),
    integrityCheck() {
      // amcheck verifies every B-tree index against its table; any corruption raises an error.
      psqlAdmin("CREATE EXTENSION IF NOT EXISTS amcheck", name);
      const checked = psqlAdmin(
        `SELECT count(bt_index_check(c.oid, true)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace`,
        name,
      );
      return Number(checked) > 0 ? "ok" : `no indexes checked (${checked})`;
    },
    drop() {
      try {
        askPsql({ op: "close", database: name });
        psqlAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch {
        // The server is going away with the test run anyway.
      }
    },
  };
}

/**
 * Starts `roundtable serve` on 127.0.0.1 with a free port. Options:
 *   database  a freshDatabase() (default: a new one, dropped by stop())
 *   dataDir   (default: a new temporary folder, removed by stop())
 *   demo      load demo data (default true)
 *   args      more command-line arguments
 */
export async function startServer(options = {}) {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? tempDir();
  const ownDb = !options.database;
  // The SQLite database is a file in the data folder, so copying the folder copies it.
  const fromTemplate = Boolean(template) && ownDir && ownDb && (options.demo ?? true);
  if (fromTemplate) cpSync(template.dir, dataDir, { recursive: true });
  const database = options.database ?? freshDatabase(dataDir, { fromTemplate });
  const args = ["serve", "--listen", "127.0.0.1:0", "--data-dir", dataDir, "--public-dir", publicDir, "--database", database.url];
  if (options.demo ?? true) args.push("--demo");
  args.push(...(options.args ?? []));
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...(options.env ?? {}) } });
  let stderr = "";
  let stdout = "";
  const waiters = [];
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => {
    stderr += c;
    for (const w of [...waiters]) w();
  });
  const exited = new Promise((r) => child.once("exit", (code, signal) => r({ code, signal })));
  const address = await new Promise((resolveAddress, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${stderr}`)), 60_000);
    const check = () => {
      const m = stderr.match(/"event":"listening","address":"([^"]+)"/);
      if (m) {
        clearTimeout(timer);
        // Stop looking once found: the log grows by a line for every request, and each look made V8 copy all of it
        // into one string again (a third of the CPU of a test file's process, in get_routes.test.mjs).
        waiters.splice(waiters.indexOf(check), 1);
        resolveAddress(m[1]);
      }
    };
    waiters.push(check);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${stderr}`));
    });
  });
  const [host, port] = [address.slice(0, address.lastIndexOf(":")), Number(address.slice(address.lastIndexOf(":") + 1))];
  let stopped = false;
  const cleanup = () => {
    if (ownDb) database.drop();
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    url: `http://${address}`,
    host,
    port,
    dataDir,
    database,
    child,
    exited,
    /** Everything the server wrote to stderr (JSON log lines). */
    log: () => stderr,
    stdout: () => stdout,
    /** The parsed JSON log lines. */
    logEvents: () =>
      stderr
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l)),
    /** Resolves when a log line matches (or rejects after timeoutMs). */
    waitForLog(pattern, timeoutMs = 10_000) {
      return new Promise((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`no log line matched ${pattern} in ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
        const check = () => {
          if (pattern.test(stderr)) {
            clearTimeout(timer);
            waiters.splice(waiters.indexOf(check), 1);
            ok();
          }
        };
        waiters.push(check);
        check();
      });
    },
    /** Sends a signal and waits for the process to end; returns {code, signal}. Keeps the database and folder. */
    async signal(sig) {
      if (child.exitCode === null && child.signalCode === null) child.kill(sig);
      // The timer is cleared once the server has gone: a pending one would keep the test file's process alive.
      let timer;
      const timeout = new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error(`server did not stop after ${sig}`)), 30_000);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    /**
     * SIGTERM, wait, and remove what startServer created. A server asked to stop must stop cleanly, with exit code 0:
     * a crash, a hang (killed after 20 s) or, under the sanitisers, memory leaked (LeakSanitizer reports it at exit
     * and exits 23) fails the test that stops it, with what the server wrote.
     */
    async stop() {
      if (stopped) return;
      stopped = true;
      let ended = null;
      try {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGTERM");
          const late = setTimeout(() => child.kill("SIGKILL"), 20_000);
          ended = await exited;
          clearTimeout(late);
        }
      } finally {
        cleanup();
      }
      if (ended && ended.code !== 0) {
        throw new Error(`the server did not stop cleanly (${ended.code ?? ended.signal}):\n${stderr.slice(-4000)}`);
      }
    },
  };
}

/** The password of every demo account (src/app/demo_data.hpp). */
export const demoPassword = "roundtable-demo";

/** Demo people (loaded by --demo): platform admin, organisation "demo" in every role, and "north"'s admin. */
export const demo = {
  platformAdmin: "admin@roundtable.example",
  orgAdmin: "sian@demo.example",
  facilitator: "tom@demo.example",
  finance: "priya@demo.example",
  member: "gareth@demo.example",
  carer: "mair@demo.example",
  partner: "ngozi@demo.example",
  otherOrgAdmin: "rhys@north.example",
};

/** A visitor with a cookie jar: get/post return {status, headers, text, cookies}; post adds the page's CSRF token. */
export class Visitor {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookies = new Map();
    this.csrfToken = null;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(method, path, { body, headers = {} } = {}) {
    const send = () =>
      fetch(new URL(path, this.baseUrl), {
        method,
        body,
        redirect: "manual",
        headers: { ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}), ...headers },
      });
    let res;
    try {
      res = await send();
    } catch (e) {
      // A kept-alive connection the server closed just as it was reused: browsers send an idempotent request again
      // once. Anything else fails the test, saying why.
      const code = e.cause?.code;
      if (method !== "GET" || !["ECONNRESET", "UND_ERR_SOCKET", "EPIPE"].includes(code)) {
        throw new Error(`${method} ${path}: ${e.message} (${code ?? e.cause?.message ?? "no cause"})`, { cause: e });
      }
      res = await send();
    }
    const setCookies = res.headers.getSetCookie();
    for (const c of setCookies) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/Max-Age=0\b/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
      // A new session (signing in) brings a new CSRF token: like a browser, read it from the next page.
      if (name === "rt_session" && value) this.csrfToken = null;
    }
    const text = await res.text();
    const token = text.match(/name="csrf_token" value="([^"]+)"/);
    if (token) this.csrfToken = token[1];
    return { status: res.status, headers: res.headers, text, setCookies };
  }

  get(path, options) {
    return this.request("GET", path, options);
  }

  /** Signs in through the sign-in form (and the demo admins' two-step code); throws unless it worked. */
  async signIn(email, password = demoPassword) {
    await this.get("/sign-in");
    let res = await this.post("/sign-in", { email, password });
    if (res.status === 303 && res.headers.get("location") === "/sign-in/two-step") {
      const account = `${this.baseUrl} ${email}`;
      // Each code works once and only two steps are open at a time, so a third sign-in within 30 seconds would wait
      // for the clock (up to half a minute, most of some files' time). Instead it takes the session of an earlier
      // sign-in of this account on this server, when that one is still signed in.
      const code = demoCodeNow(account);
      if (!code && (await this.#takeSessionOf(account))) return { status: 303, headers: new Headers({ location: "/" }), text: "" };
      await this.get("/sign-in/two-step");
      res = await this.post("/sign-in/two-step", { code: code ?? (await freshDemoCode(account)) });
      if (res.status === 303) twoStepSessions.set(account, new Map(this.cookies));
    }
    if (res.status !== 303) throw new Error(`sign-in as ${email} answered ${res.status}`);
    return res;
  }

  /** Uses the saved session of a two-step account's earlier sign-in when it still works; true when it did. */
  async #takeSessionOf(account) {
    const saved = twoStepSessions.get(account);
    if (!saved) return false;
    const probe = new Visitor(this.baseUrl);
    probe.cookies = new Map(saved);
    if ((await probe.get("/account")).status !== 200) {
      twoStepSessions.delete(account);
      return false;
    }
    this.cookies = new Map(saved);
    this.csrfToken = null;
    return true;
  }

  /** Posts a urlencoded form; the CSRF token from the last page seen is added unless the form has one. */
  async post(path, fields = {}, options = {}) {
    if (!this.csrfToken && !("csrf_token" in fields)) await this.get("/");
    const form = new URLSearchParams({ csrf_token: this.csrfToken ?? "", ...fields });
    return this.request("POST", path, {
      ...options,
      body: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", ...(options.headers ?? {}) },
    });
  }

  /** Posts a form whose fields may repeat (ticked checkboxes): pairs of [name, value], the CSRF token first. */
  async postPairs(path, pairs) {
    if (!this.csrfToken) await this.get("/");
    const body = new URLSearchParams([["csrf_token", this.csrfToken ?? ""], ...pairs]).toString();
    return this.request("POST", path, { body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  }

  /**
   * Posts a multipart/form-data form (a file upload). fields: {name: value}; files: {name: {filename, type, data}}
   * with data a Buffer, Uint8Array or string. The CSRF token from the last page seen is added unless given.
   */
  async postMultipart(path, fields = {}, files = {}, options = {}) {
    if (!this.csrfToken && !("csrf_token" in fields)) await this.get("/");
    const form = new FormData();
    form.append("csrf_token", fields.csrf_token ?? this.csrfToken ?? "");
    for (const [name, value] of Object.entries(fields)) {
      if (name !== "csrf_token") form.append(name, value);
    }
    for (const [name, file] of Object.entries(files)) {
      const blob = new Blob([file.data ?? ""], { type: file.type ?? "application/octet-stream" });
      form.append(name, blob, file.filename ?? "file");
    }
    return this.request("POST", path, { ...options, body: form });
  }
}

/** A visitor to baseUrl signed in as email, or (no email) an anonymous one that has seen the home page. */
export async function visitorAs(baseUrl, email) {
  const v = new Visitor(baseUrl);
  if (email) await v.signIn(email);
  else await v.get("/");
  return v;
}

/** Sends raw bytes on one connection and collects what comes back until the server closes or timeoutMs passes. */
export function rawExchange(port, chunks, { timeoutMs = 10_000, host = "127.0.0.1" } = {}) {
  return new Promise((resolveExchange, reject) => {
    const socket = net.connect(port, host);
    let data = Buffer.alloc(0);
    const started = Date.now();
    const timer = setTimeout(() => {
      socket.destroy();
      resolveExchange({ data: data.toString("latin1"), closedByServer: false, ms: Date.now() - started });
    }, timeoutMs);
    socket.on("data", (d) => (data = Buffer.concat([data, d])));
    socket.on("error", (e) => {
      if (e.code === "ECONNRESET") return;
      clearTimeout(timer);
      reject(e);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolveExchange({ data: data.toString("latin1"), closedByServer: true, ms: Date.now() - started });
    });
    socket.on("connect", async () => {
      for (const c of chunks) {
        if (typeof c === "number") await new Promise((r) => setTimeout(r, c));
        else if (typeof c === "function") await c(socket);
        else socket.write(c);
      }
    });
  });
}

/** Runs the binary with arguments; returns {code, stdout, stderr}. */
export function runCli(args, { env = {}, timeoutMs = 60_000 } = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code, signal, stdout, stderr });
    });
  });
}
