#!/usr/bin/env node
// Live fan-out: N listeners (default 1000) on one discussion topic, one reply posted, and how long from the POST until
// each listener had the event (p50, p99, max), with the server's memory (RSS) before and with the N connections open.
// With --board, the listeners are on the demo board and the change is a card moved (issue #16's "one change fans out
// to 1,000 open live subscribers"). Issues #14 and #16's targets: p99 under 15 ms for 1,000 listeners, under 150 MB
// with 1,000 open.
//
//   node bench/live.mjs [--listeners N] [--replies R] [--board] [--database URL]
//
// Starts its own server with demo data (build-release/roundtable if built, else build/roundtable; ROUNDTABLE_BINARY
// overrides), on SQLite in a temporary folder unless ROUNDTABLE_TEST_DATABASE (or --database) names PostgreSQL.
// Everything runs on loopback; the listeners are this one Node process, so on a small machine the figures include
// its own time to read 1,000 streams. The server is told 127.0.0.1 is a trusted proxy so that one address may hold
// more than 100 connections.
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    listeners: { type: "string", default: "1000" },
    replies: { type: "string", default: "3" },
    database: { type: "string" },
    board: { type: "boolean", default: false },
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

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const server = await startServer({
  args: ["--live-max-connections", String(n + 10), "--trusted-proxy", "127.0.0.1", "--no-access-log"],
});
const streams = [];
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

  // Each listener: the time each "post" event with a given number arrived. A plain socket per listener, not fetch():
  // with fetch() each event went through undici's web streams and a TextDecoder, and reading 1,000 of them in this one
  // process took longer than the server took to send them (the run of 14:20 UTC: p99 50 ms with fetch()).
  const target = new URL(server.url);
  const request =
    `GET ${livePath} HTTP/1.1\r\nHost: ${target.host}\r\nAccept: text/event-stream\r\n` +
    `Cookie: ${mair.cookieHeader()}\r\n\r\n`;
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
        const at = performance.now();
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
  await new Promise((r) => setTimeout(r, 1000));
  const rssOpen = rssMb(server.child.pid);

  const latencies = [];
  const posts = [];
  for (let r = 0; r < replies; r++) {
    let t0;
    if (board) {
      // A card moved down, then up again: each one change, heard as one "card" event.
      t0 = performance.now();
      const moved = await gareth.post(`/o/demo/cards/${board.CARD}/move`, { direction: r % 2 ? "up" : "down" });
      if (moved.status !== 303) throw new Error(`move ${r}: ${moved.status}`);
    } else {
      const page = await gareth.get(`/o/demo/topics/${topic}`);
      const key = page.text.match(/name="create_key" value="([^"]+)"/)[1];
      t0 = performance.now();
      await gareth.post(`/o/demo/topics/${topic}/replies`, { create_key: key, body: `Bench reply ${r}` });
    }
    posts.push(performance.now() - t0);
    const deadline = performance.now() + 30_000;
    while (streams.some((s) => s.heard.length <= r) && performance.now() < deadline) {
      await new Promise((res) => setTimeout(res, 5));
    }
    const missing = streams.filter((s) => s.heard.length <= r).length;
    if (missing) console.log(`change ${r}: ${missing} listeners did not hear it in 30 s`);
    for (const s of streams) if (s.heard.length > r) latencies.push(s.heard[r] - t0);
    await new Promise((res) => setTimeout(res, 500));
  }
  const extra = streams.filter((s) => s.heard.length > replies).length;
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
      rss_before_mb: ms(rssBefore),
      rss_open_mb: ms(rssOpen),
      binary: process.env.ROUNDTABLE_BINARY ?? "build/roundtable",
    }),
  );
} finally {
  for (const s of streams) s.socket?.destroy();
  await server.stop();
}
