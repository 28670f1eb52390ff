// Large bodies (issue #12 item 5): an upload is checked from its header (session, CSRF cookie, access) and answered
// before its body is read; large bodies are read only a few at a time, and one address may hold only so many
// connections. The client counts the bytes it managed to write before the answer came, not the time. Both databases.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const MB = 1024 * 1024;

/** Waits until the server says it is receiving `n` large bodies (so the next one meets the limits). */
async function reading(n, url = server.url) {
  let seen;
  for (let i = 0; i < 100; i++) {
    const text = await (await fetch(`${url}/metrics`)).text();
    seen = Number(text.match(/^roundtable_http_large_bodies_reading (\d+)$/m)?.[1]);
    if (seen === n) return;
    await sleep(50);
  }
  assert.fail(`the server is receiving ${seen} large bodies, not ${n}`);
}
const uploadPath = "/account/about-me/items";

/**
 * Sends a multipart upload's header announcing `length` bytes, then the body in 64 KiB pieces as fast as the server
 * takes them, stopping when the answer arrives. Returns {status, head, written} once the server has answered. When
 * `stopAfter` bytes were written without an answer, it waits up to `waitMs` more for one and otherwise returns
 * {status: 0}. Bytes "written" are only handed to the kernel, which on loopback may buffer tens of megabytes the
 * server never read, so "answered before the body" is tested by holding the body back, not by counting bytes.
 */
function upload({
  length,
  cookie = "",
  from = "127.0.0.1",
  stopAfter = Infinity,
  waitMs = 0,
  extra = "",
  port = server.port,
}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: "127.0.0.1", localAddress: from });
    let answer = Buffer.alloc(0);
    let written = 0;
    let answered = false;
    let waiting;
    const finish = () => {
      clearTimeout(waiting);
      const text = answer.toString("latin1");
      const status = Number(text.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0);
      resolve({ status, head: text.split("\r\n\r\n")[0], written, socket });
    };
    socket.on("data", (d) => {
      answer = Buffer.concat([answer, d]);
      if (!answered && answer.includes("\r\n\r\n")) {
        answered = true;
        finish();
      }
    });
    socket.on("error", (e) => {
      if (e.code !== "ECONNRESET" && e.code !== "EPIPE") reject(e);
    });
    socket.on("connect", async () => {
      socket.write(
        `POST ${uploadPath} HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZzY\r\n` +
          `Content-Length: ${length}\r\n${cookie ? `Cookie: ${cookie}\r\n` : ""}${extra}\r\n`,
      );
      const piece = Buffer.alloc(64 * 1024, 97);
      while (!answered && !socket.destroyed && written < Math.min(length, stopAfter)) {
        const n = Math.min(piece.length, length - written, stopAfter - written);
        const more = socket.write(n === piece.length ? piece : piece.subarray(0, n));
        written += n;
        if (!more) await new Promise((r) => socket.once("drain", r).once("close", r));
      }
      if (!answered && written >= stopAfter) {
        waiting = setTimeout(() => resolve({ status: 0, head: "", written, socket }), waitMs);
      }
    });
  });
}

test(`${backendName}: an anonymous 50 MB upload is answered before its body is sent`, async () => {
  const body = 50 * MB;
  for (const [cookie, status] of [
    ["", 403], // no CSRF cookie: the form cannot be genuine
    ["rt_csrf=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 401], // the cookie, but nobody signed in
  ]) {
    // A first megabyte is sent, the other 49 held back: the answer must come without them.
    const res = await upload({ length: body, cookie, stopAfter: MB, waitMs: 15000 });
    res.socket.destroy();
    assert.equal(res.status, status, res.head);
    assert.match(res.head, /connection: close/i);
    assert.match(res.head, /content-type: text\/html/i);
  }
  // Too big for the route, signed in or not: 413 at once.
  const huge = await upload({ length: 200 * MB, stopAfter: MB, waitMs: 15000 });
  huge.socket.destroy();
  assert.equal(huge.status, 413, huge.head);
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
});

test(`${backendName}: a signed-in person's uploads are read two at a time; a third waits with a 429`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.member);
  const cookie = v.cookieHeader();
  // Two uploads under way (a first megabyte sent, the rest to come).
  const first = await upload({ length: 20 * MB, cookie, stopAfter: 1 * MB, from: "127.0.0.2" });
  const second = await upload({ length: 20 * MB, cookie, stopAfter: 1 * MB, from: "127.0.0.2" });
  assert.equal(first.status, 0, first.head);
  assert.equal(second.status, 0, second.head);
  await reading(2);
  // The third gets its 429 with 19 of its 20 MB held back: the server did not wait for (or read) the rest.
  const third = await upload({ length: 20 * MB, cookie, from: "127.0.0.2", stopAfter: MB, waitMs: 15000 });
  third.socket.destroy();
  assert.equal(third.status, 429, third.head);
  assert.match(third.head, /retry-after: \d+/i);
  // Someone else (another address) is not held up by them.
  const other = await upload({ length: 20 * MB, cookie, stopAfter: 1 * MB, from: "127.0.0.3" });
  assert.equal(other.status, 0, other.head);
  await reading(3);
  for (const r of [first, second, other]) r.socket.destroy();
  // Once they end, the slots are free again.
  await reading(0);
  const again = await upload({ length: 20 * MB, cookie, stopAfter: 1 * MB, from: "127.0.0.2" });
  assert.equal(again.status, 0, again.head);
  await reading(1);
  again.socket.destroy();
  await reading(0);
});

test(`${backendName}: one address may hold 100 connections; the next is answered 429`, async () => {
  const from = "127.0.0.4";
  const open = [];
  for (let i = 0; i < 100; i++) {
    const s = net.connect({ port: server.port, host: "127.0.0.1", localAddress: from });
    await new Promise((r, j) => s.once("connect", r).once("error", j));
    open.push(s);
  }
  const ask = () =>
    new Promise((resolve, reject) => {
      const s = net.connect({ port: server.port, host: "127.0.0.1", localAddress: from });
      let text = "";
      s.on("data", (d) => (text += d.toString("latin1")));
      s.on("error", reject);
      s.on("close", () => resolve(text));
      s.on("connect", () => s.write("GET /accessibility HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    });
  const refused = await ask();
  assert.match(refused, /^HTTP\/1\.1 429/);
  // Other addresses are served as usual.
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  for (const s of open) s.destroy();
  let ok = "";
  for (let i = 0; i < 50 && !/^HTTP\/1\.1 200/.test(ok); i++) {
    await sleep(100);
    ok = await ask();
  }
  assert.match(ok, /^HTTP\/1\.1 200/);
});

test(`${backendName}: behind the trusted proxy, uploads are counted by the address it names`, async () => {
  const proxied = await startServer({ args: ["--trusted-proxy", "127.0.0.6"] });
  try {
    const v = new Visitor(proxied.url);
    await v.signIn(demo.member);
    const cookie = v.cookieHeader();
    const as = (client) => ({
      length: 20 * MB,
      cookie,
      stopAfter: 1 * MB,
      from: "127.0.0.6",
      port: proxied.port,
      extra: `X-Forwarded-For: ${client}\r\n`,
    });
    const held = [await upload(as("192.0.2.1")), await upload(as("192.0.2.1"))];
    assert.deepEqual(
      held.map((r) => r.status),
      [0, 0],
    );
    await reading(2, proxied.url);
    const third = await upload({ ...as("192.0.2.1"), waitMs: 15000 });
    assert.equal(third.status, 429, third.head);
    const someoneElse = await upload(as("192.0.2.2"));
    assert.equal(someoneElse.status, 0, someoneElse.head);
    for (const r of [...held, third, someoneElse]) r.socket.destroy();
  } finally {
    await proxied.stop();
  }
});
