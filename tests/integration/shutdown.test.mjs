// Graceful shutdown: on SIGTERM or SIGINT the server stops accepting, lets in-flight requests finish and exits 0.
import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { startServer, Visitor, backendName } from "./harness.mjs";

function connectionRefused(port) {
  return new Promise((resolveRefused) => {
    const s = net.connect(port, "127.0.0.1");
    s.on("connect", () => {
      // Accepted by the kernel backlog is not enough: the server must not answer.
      s.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
      let data = "";
      s.on("data", (d) => (data += d));
      s.on("close", () => resolveRefused(data === ""));
      setTimeout(() => s.destroy(), 2_000);
    });
    s.on("error", () => resolveRefused(true));
  });
}

for (const sig of ["SIGTERM", "SIGINT"]) {
  test(`${backendName}: on ${sig} a request in flight still gets its answer, new ones are refused, exit 0`, async () => {
    const server = await startServer({ demo: false });
    try {
      const v = new Visitor(server.url);
      await v.get("/");
      const body = new URLSearchParams({ csrf_token: v.csrfToken, lang: "cy", return_to: "/" }).toString();
      const half = Math.floor(body.length / 2);
      // A slow client: headers and half the body, then the signal, then the rest of the body.
      const socket = net.connect(server.port, "127.0.0.1");
      let response = "";
      socket.on("data", (d) => (response += d));
      const closed = new Promise((r) => socket.on("close", r));
      await new Promise((r) => socket.on("connect", r));
      socket.write(
        `POST /language HTTP/1.1\r\nHost: x\r\nCookie: ${v.cookieHeader()}\r\n` +
          `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, half)}`,
      );
      await new Promise((r) => setTimeout(r, 200));
      server.child.kill(sig);
      await server.waitForLog(/"event":"shutting_down"/);
      assert.ok(await connectionRefused(server.port), "a new connection was served after the signal");
      socket.write(body.slice(half));
      await closed;
      assert.match(response, /^HTTP\/1\.1 303 /, `in-flight request got: ${response.slice(0, 200)}`);
      assert.match(response, /Set-Cookie: rt_session=/i);
      assert.match(response, /Connection: close/i);
      // It exits by itself once the in-flight request is answered (a second signal here would race its last steps).
      let timer;
      const timeout = new Promise((_, fail) => (timer = setTimeout(() => fail(new Error("the server did not exit")), 30_000)));
      const { code } = await Promise.race([server.exited, timeout]).finally(() => clearTimeout(timer));
      assert.equal(code, 0);
      assert.match(server.log(), /"event":"stopped"/);
      // The answered write was committed before the server stopped.
      assert.equal(server.database.sql("SELECT count(*) FROM sessions WHERE lang = 'cy'"), "1");
    } finally {
      await server.stop();
    }
  });
}

test(`${backendName}: idle keep-alive connections do not hold up shutdown`, async () => {
  const server = await startServer({ demo: false });
  try {
    const idle = [];
    for (let i = 0; i < 5; i++) {
      const s = net.connect(server.port, "127.0.0.1");
      await new Promise((r) => s.on("connect", r));
      s.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
      await new Promise((r) => s.once("data", r));
      s.on("error", () => {});
      idle.push(s);
    }
    const started = Date.now();
    const { code } = await server.signal("SIGTERM");
    assert.equal(code, 0);
    assert.ok(Date.now() - started < 5_000, `shutdown took ${Date.now() - started} ms with idle connections open`);
    for (const s of idle) s.destroy();
  } finally {
    await server.stop();
  }
});
