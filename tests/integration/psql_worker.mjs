// The PostgreSQL side of the integration harness's sql(): one psql process per database, kept open for the whole test
// file, in a worker thread so that the tests can call it synchronously (harness.mjs waits on a shared flag).
//
// A psql process for each query cost a process start (28 ms of CPU) and a new PostgreSQL backend (30 ms of the
// server's CPU on this machine) every time, and the PostgreSQL integration run asked about 1,200 times: a quarter of
// its CPU. Here each query is written to the open psql's input, followed by a line that echoes a marker and psql's
// ERROR variable; what psql prints before the marker is the answer. An error stops that psql (ON_ERROR_STOP, as
// before): the call throws what psql said, and the next query starts a new one.
import { parentPort, workerData } from "node:worker_threads";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";

const { psqlBinary, host, port, user } = workerData;
const sessions = new Map(); // database -> { child, out, waiting: [{marker, resolve}] }

function open(database) {
  const child = spawn(psqlBinary, ["-h", host, "-p", port, "-U", user, "-d", database, "-qtAX", "-v", "ON_ERROR_STOP=1"], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const session = { child, out: "", err: "", waiting: [], exited: false };
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => (session.err += chunk));
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    session.out += chunk;
    while (session.waiting.length) {
      const { marker, done } = session.waiting[0];
      const at = session.out.indexOf(`${marker} `);
      if (at < 0) break;
      const end = session.out.indexOf("\n", at);
      if (end < 0) break;
      const error = session.out.slice(at + marker.length + 1, end);
      const text = session.out.slice(0, at);
      session.out = session.out.slice(end + 1);
      session.waiting.shift();
      done(error === "true" ? { error: session.err || "psql reported an error" } : { text });
    }
  });
  child.once("exit", (code, signal) => {
    session.exited = true;
    if (sessions.get(database) === session) sessions.delete(database);
    for (const { done } of session.waiting.splice(0)) done({ error: session.err || `psql stopped (${code ?? signal})` });
  });
  child.stdin.on("error", () => {});
  sessions.set(database, session);
  return session;
}

function query(database, sql) {
  const session = sessions.get(database) ?? open(database);
  const marker = `__rt_done_${randomBytes(8).toString("hex")}`;
  return new Promise((done) => {
    session.waiting.push({ marker, done });
    // A statement must end with a semicolon before psql runs it; an extra one is an empty statement.
    session.child.stdin.write(`${sql}\n;\n\\echo ${marker} :ERROR\n`);
  });
}

/** Ends the psql of a database (before it is dropped). */
function close(database) {
  const session = sessions.get(database);
  if (!session) return Promise.resolve({ text: "" });
  sessions.delete(database);
  return new Promise((done) => {
    if (session.exited) return done({ text: "" });
    session.child.once("exit", () => done({ text: "" }));
    session.child.stdin.end();
  });
}

parentPort.on("message", async ({ op, database, sql, flag, port: reply }) => {
  let result;
  try {
    result = op === "close" ? await close(database) : await query(database, sql);
  } catch (e) {
    result = { error: String(e?.message ?? e) };
  }
  reply.postMessage(result);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
