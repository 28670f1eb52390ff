#!/usr/bin/env node
// Live fan-out: N listeners (default 1000) on one discussion topic, one reply posted, and how long from the POST until
// each listener had the event (p50, p99, max), with the server's memory (RSS) before and with the N connections open.
// With --board, the listeners are on the demo board and the change is a card moved (issue #16's "one change fans out
// to 1,000 open live subscribers"). Issues #14 and #16's targets: p99 under 15 ms for 1,000 listeners, under 150 MB
// with 1,000 open.
//
//   node bench/live.mjs [--listeners N] [--replies R] [--board] [--database URL] [--listener native|node]
//
// Starts its own server with demo data (build-release/roundtable if built, else build/roundtable; ROUNDTABLE_BINARY
// overrides), on SQLite in a temporary folder unless ROUNDTABLE_TEST_DATABASE (or --database) names PostgreSQL.
// Everything runs on loopback, so on a small machine the figures include the listeners' own time to read 1,000
// streams on the server's cores. --listener native (the default) reads them in one epoll loop
// (bench/live_listeners.cpp, built here when missing): about a third of the CPU that Node's sockets take for the
// same reads (PERFORMANCE.md, 2026-12-07 15:40). --listener node reads them in this process. The server is told 127.0.0.1 is a trusted proxy so that one address may hold
// more than 100 connections.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import readline from "node:readline";
import net from "node:net";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    listeners: { type: "string", default: "1000" },
    replies: { type: "string", default: "3" },
    database: { type: "string" },
    board: { type: "boolean", default: false },
    listener: { type: "string", default: "native" },
  },
});
const root = new URL("..", import.meta.url).pathname;
if (!process.env.ROUNDTABLE_BINARY && existsSync(join(root, "build-release/roundtable"))) {
  process.env.ROUNDTABLE_BINARY = join(root, "build-release/roundtable");
}
if (values.database) process.env.ROUNDTABLE_TEST_DATABASE = values.database;
const { startServer, Visitor, demo, backendName } = await import("../tests/integration/harness.mjs");
const { discussionIds } = await import("../tests/integration/matrices/discussions.mjs");
const { boardIds } = await import("../tests/integration/matrices/boards.mjs");

const n = Number(values.listeners);
const replies = Number(values.replies);

function rssMb(pid) {
  const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return m ? Number(m[1]) / 1024 : NaN;
}

// The CPU time (user and system) the process has used, in milliseconds (/proc/PID/stat, in clock ticks of 10 ms).
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}


// Both clocks are CLOCK_MONOTONIC: process.hrtime here, clock_gettime in bench/live_listeners.cpp.
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

// Listeners in bench/live_listeners.cpp: heard() asks it for what arrived since the last time and keeps it here.
async function nativeListeners(url, path, cookie, eventLine) {
  const buildDir = existsSync(join(root, "build-release/build.ninja")) ? "build-release" : "build";
  const tool = join(root, buildDir, "src/live/live_listeners");
  const built = spawnSync("cmake", ["--build", join(root, buildDir), "--target", "live_listeners"], { stdio: "inherit" });
  if (built.status !== 0 || !existsSync(tool)) throw new Error("could not build live_listeners");
  const child = spawn(tool, [new URL(url).port, path, cookie, String(n), eventLine.trimEnd()], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  closers.push(() => child.stdin.end());
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = (await lines.next()).value;
  if (first !== "ready") throw new Error(`live_listeners: ${first}`);
  const kept = Array.from({ length: n }, () => []);
  return {
    async heard() {
      child.stdin.write("report\n");
      const line = (await lines.next()).value;
      line.split(";").slice(0, n).forEach((times, i) => {
        if (times) for (const t of times.split(",")) kept[i].push(Number(BigInt(t)) / 1e6);
      });
      return kept;
    },
  };
}

// Listeners in this process: a plain socket each, not fetch(). With fetch() each event went through undici's web
// streams and a TextDecoder, and reading 1,000 of them took longer than the server took to send them (the run of
// 14:20 UTC: p99 50 ms with fetch()).
async function nodeListeners(url, path, cookie, eventLine) {
  const target = new URL(url);
  const request =
    `GET ${path} HTTP/1.1\r\nHost: ${target.host}\r\nAccept: text/event-stream\r\n` + `Cookie: ${cookie}\r\n\r\n`;
  const streams = [];
  const opened = [];
  for (let i = 0; i < n; i++) {
    const listener = { socket: null, heard: [], ready: null };
    listener.ready = new Promise((resolve, reject) => {
      const socket = net.connect(Number(target.port), target.hostname);
      listener.socket = socket;
      socket.setNoDelay(true);
      let buffer = "";
      let status = 0;
      socket.on("data", (chunk) => {
        const at = nowMs();
        // The stream is ASCII framing around UTF-8 text; only the event lines are looked for.
        buffer += chunk.toString("latin1");
        if (!status) {
          const line = buffer.indexOf("\r\n");
          if (line < 0) return;
          status = Number(buffer.slice(9, 12));
          if (status !== 200) reject(new Error(`listener ${i}: ${status}`));
        }
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes("event: ready")) resolve();
          if (block.includes(eventLine)) listener.heard.push(at);
        }
      });
      socket.on("error", reject);
      socket.write(request);
    });
    streams.push(listener);
    opened.push(listener.ready);
    // A few at a time, as pages would open.
    if (opened.length % 100 === 0) await Promise.all(opened.slice(-100));
  }
  await Promise.all(opened);
  closers.push(() => streams.forEach((s) => s.socket?.destroy()));
  return { heard: async () => streams.map((s) => s.heard) };
}

const server = await startServer({
  args: ["--live-max-connections", String(n + 10), "--trusted-proxy", "127.0.0.1", "--no-access-log"],
});
// What stops the listeners, whichever kind.
const closers = [];
try {
  const ids = discussionIds(server);
  const topic = ids.EVENING;
  const board = values.board ? boardIds(server) : null;
  // What the listeners open, and the event each change makes there.
  const livePath = board ? `/o/demo/boards/${board.BOARD}/live` : `/o/demo/topics/${topic}/live`;
  const eventLine = board ? "event: card\n" : "event: post\n";
  const mair = new Visitor(server.url);
  await mair.signIn(demo.carer);
  const gareth = new Visitor(server.url);
  await gareth.signIn(demo.member);
  await new Promise((r) => setTimeout(r, 1000));
  const rssBefore = rssMb(server.child.pid);

  const listeners = values.listener === "node" ? await nodeListeners(server.url, livePath, mair.cookieHeader(), eventLine) :
    await nativeListeners(server.url, livePath, mair.cookieHeader(), eventLine);
  await new Promise((r) => setTimeout(r, 1000));
  const rssOpen = rssMb(server.child.pid);

  const latencies = [];
  const posts = [];
  const cpuBefore = cpuMs(server.child.pid);
  for (let r = 0; r < replies; r++) {
    let t0;
    if (board) {
      // A card moved down, then up again: each one change, heard as one "card" event.
      t0 = nowMs();
      const moved = await gareth.post(`/o/demo/cards/${board.CARD}/move`, { direction: r % 2 ? "up" : "down" });
      if (moved.status !== 303) throw new Error(`move ${r}: ${moved.status}`);
    } else {
      const page = await gareth.get(`/o/demo/topics/${topic}`);
      const key = page.text.match(/name="create_key" value="([^"]+)"/)[1];
      t0 = nowMs();
      await gareth.post(`/o/demo/topics/${topic}/replies`, { create_key: key, body: `Bench reply ${r}` });
    }
    posts.push(nowMs() - t0);
    const deadline = nowMs() + 30_000;
    let heard = await listeners.heard();
    while (heard.some((h) => h.length <= r) && nowMs() < deadline) {
      await new Promise((res) => setTimeout(res, 20));
      heard = await listeners.heard();
    }
    const missing = heard.filter((h) => h.length <= r).length;
    if (missing) console.log(`change ${r}: ${missing} listeners did not hear it in 30 s`);
    for (const h of heard) if (h.length > r) latencies.push(h[r] - t0);
    await new Promise((res) => setTimeout(res, 500));
  }
  const serverCpu = cpuMs(server.child.pid) - cpuBefore;
  const heard = await listeners.heard();
  const extra = heard.filter((h) => h.length > replies).length;
  if (extra) console.log(`${extra} listeners heard a change more than once`);
  latencies.sort((a, b) => a - b);
  const ms = (v) => v.toFixed(1);
  console.log(
    JSON.stringify({
      backend: backendName,
      on: board ? "board" : "topic",
      listeners: n,
      replies,
      events: latencies.length,
      p50_ms: ms(percentile(latencies, 50)),
      p99_ms: ms(percentile(latencies, 99)),
      max_ms: ms(latencies[latencies.length - 1]),
      // The POST's own answer (the reply's transaction, its email and search entry, or the card's move): part of every
      // latency above.
      post_answered_ms: ms(posts.sort((a, b) => a - b)[Math.floor(posts.length / 2)]),
      // The server's CPU time for each change: its POST, and sending the event to every listener (and the page read
      // before each reply).
      server_cpu_ms_per_change: ms(serverCpu / replies),
      rss_before_mb: ms(rssBefore),
      rss_open_mb: ms(rssOpen),
      listener: values.listener,
      binary: process.env.ROUNDTABLE_BINARY ?? "build/roundtable",
    }),
  );
} finally {
  closers.forEach((close) => close());
  await server.stop();
}
