// The real server over HTTP: operations endpoints, security headers, sessions and CSRF, static files,
// limits and timeouts, error pages, the access log. Runs against SQLite or PostgreSQL (ROUNDTABLE_TEST_DATABASE).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, Visitor, rawExchange, publicDir, backendName } from "./harness.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const manifest = () => JSON.parse(readFileSync(join(publicDir, "manifest.json"), "utf8"));

test(`${backendName}: /healthz answers ok and /readyz reports the database reachable`, async () => {
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.status, 200);
  assert.match(await health.text(), /^ok/);
  const ready = await fetch(`${server.url}/readyz`);
  assert.equal(ready.status, 200);
  assert.match(await ready.text(), /ok|ready/i);
});

test(`${backendName}: /metrics counts requests by route and status, with latency and pool figures`, async () => {
  for (let i = 0; i < 3; i++) await fetch(`${server.url}/accessibility`);
  await fetch(`${server.url}/no-such-page`);
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const count = (route, status) => {
    const m = text.match(new RegExp(`roundtable_http_requests_total\\{route="${route}",status="${status}"\\} (\\d+)`));
    return m ? Number(m[1]) : 0;
  };
  assert.ok(count("accessibility", 200) >= 3, text);
  assert.ok(count("unmatched", 404) >= 1, `no 404 counted:\n${text}`);
  assert.match(text, /# TYPE roundtable_http_request_duration_seconds histogram/);
  assert.match(text, /roundtable_http_request_duration_seconds_bucket\{le="\+Inf"\} \d+/);
  assert.match(text, /roundtable_db_pool_size \d+/);
  assert.match(text, /roundtable_db_pool_in_use \d+/);
  assert.match(text, new RegExp(`roundtable_db_backend\\{backend="${backendName}"\\} 1`));
});

test(`${backendName}: every page carries a strict CSP and the other security headers`, async () => {
  for (const path of ["/", "/search?q=tea", "/no-such-page"]) {
    const res = await fetch(`${server.url}${path}`);
    const csp = res.headers.get("content-security-policy");
    assert.ok(csp, `${path} has no CSP`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.ok(res.headers.get("referrer-policy"));
    assert.match(res.headers.get("x-request-id") ?? "", /^[A-Za-z0-9_-]{8,}$/);
  }
});

test(`${backendName}: the home page says what Roundtable is, in English and in Welsh`, async () => {
  const v = new Visitor(server.url);
  const en = await v.get("/");
  assert.equal(en.status, 200);
  assert.match(en.text, /<html lang="en"/);
  assert.match(en.text, /co-produc/i);
  const cy = await v.post("/language", { lang: "cy", return_to: "/accessibility" });
  assert.equal(cy.status, 303);
  assert.equal(cy.headers.get("location"), "/accessibility");
  const page = await v.get("/accessibility");
  assert.match(page.text, /<html lang="cy"/);
  assert.equal(page.headers.get("content-language"), "cy");
});

test(`${backendName}: the session cookie is HttpOnly and SameSite, and only a hash of it is stored`, async () => {
  const v = new Visitor(server.url);
  const res = await v.post("/language", { lang: "cy", return_to: "/" });
  const session = res.setCookies.find((c) => c.startsWith("rt_session="));
  assert.ok(session, "no session cookie after choosing a language");
  assert.match(session, /HttpOnly/);
  assert.match(session, /SameSite=(Lax|Strict)/);
  assert.match(session, /Path=\//);
  const token = v.cookies.get("rt_session");
  const stored = server.database.sql("SELECT id FROM sessions");
  assert.ok(stored.length > 0);
  assert.ok(!stored.includes(token), "the raw session token is in the database");
});

test(`${backendName}: a form sent without its CSRF token is refused with a plain-words page and changes nothing`, async () => {
  const v = new Visitor(server.url);
  await v.get("/");
  const res = await v.post("/language", { lang: "cy", csrf_token: "" });
  assert.equal(res.status, 403);
  assert.match(res.text, /<html lang="en"/);
  assert.match(res.text, /<h1[^>]*>[^<]+<\/h1>/);
  assert.ok(!v.cookies.has("rt_session"));
  const forged = await v.post("/language", { lang: "cy", csrf_token: "x".repeat(43) });
  assert.equal(forged.status, 403);
  const other = new Visitor(server.url);
  await other.get("/");
  // Another visitor's valid token does not work with this visitor's cookie.
  const crossed = await v.post("/language", { lang: "cy", csrf_token: other.csrfToken });
  assert.equal(crossed.status, 403);
  assert.match((await v.get("/")).text, /<html lang="en"/);
});

test(`${backendName}: unknown pages are a plain-words 404 and a wrong method is 405 with Allow`, async () => {
  const missing = await fetch(`${server.url}/no/such/page`);
  assert.equal(missing.status, 404);
  const html = await missing.text();
  assert.match(html, /<main[^>]*id="main-content"/);
  assert.match(html, /href="\/"/);
  const wrong = await fetch(`${server.url}/healthz`, { method: "DELETE" });
  assert.equal(wrong.status, 405);
  assert.match(wrong.headers.get("allow") ?? "", /GET/);
});

test(`${backendName}: search finds demo content, and a query that is too long is answered, not crashed on`, async () => {
  const v = new Visitor(server.url);
  const hit = await v.get("/search?q=coffee");
  assert.equal(hit.status, 200);
  assert.match(hit.text, /1 result for “coffee”/);
  assert.match(hit.text, /<h3[^>]*><a class="govuk-link" href="\/stories\/demo-1">Monthly coffee mornings for carers<\/a><\/h3>/);
  const none = await v.get("/search?q=zzzznothinghere");
  assert.equal(none.status, 200);
  assert.match(none.text, /Nothing was found/);
  assert.doesNotMatch(none.text, /rt-search-result"/);
  const long = await v.get(`/search?q=${"long".repeat(200)}`);
  assert.equal(long.status, 400);
  assert.match(long.text, /govuk-error-summary/);
  assert.ok(long.text.includes("long".repeat(50)), "the query typed is not kept in the box");
  const bad = await v.get("/search?q=%FF%FE");
  assert.ok(bad.status === 400 || bad.status === 200, `invalid UTF-8 gave ${bad.status}`);
});

test(`${backendName}: fingerprinted assets are cached for a year, revalidate with ETag and come precompressed`, async () => {
  const css = `/assets/${manifest()["app.css"].split("/").pop()}`;
  const first = await fetch(`${server.url}${css}`, { headers: { "accept-encoding": "identity" } });
  assert.equal(first.status, 200);
  assert.match(first.headers.get("content-type"), /text\/css/);
  assert.match(first.headers.get("cache-control"), /max-age=31536000/);
  assert.match(first.headers.get("cache-control"), /immutable/);
  const etag = first.headers.get("etag");
  assert.ok(etag);
  const plain = await first.arrayBuffer();
  const again = await fetch(`${server.url}${css}`, { headers: { "if-none-match": etag } });
  assert.equal(again.status, 304);
  for (const encoding of ["br", "gzip"]) {
    const res = await rawExchange(server.port, [
      `GET ${css} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: ${encoding}\r\nConnection: close\r\n\r\n`,
    ]);
    assert.match(res.data, new RegExp(`content-encoding: ${encoding}`, "i"));
    assert.match(res.data, /vary: accept-encoding/i);
    const length = Number(res.data.match(/content-length: (\d+)/i)[1]);
    assert.ok(length < plain.byteLength / 2, `${encoding} body ${length} is not smaller than ${plain.byteLength}`);
  }
  const missing = await fetch(`${server.url}/assets/nope-0123456789.css`);
  assert.equal(missing.status, 404);
  const traversal = await rawExchange(server.port, ["GET /assets/..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"]);
  assert.doesNotMatch(traversal.data, /root:/);
  assert.match(traversal.data, /^HTTP\/1\.1 (400|404)/);
});

test(`${backendName}: keep-alive serves several requests on one connection`, async () => {
  const res = await rawExchange(server.port, [
    "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
    100,
    "GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n",
    100,
    "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
  ]);
  assert.equal(res.data.match(/HTTP\/1\.1 200 OK/g)?.length, 3, res.data);
  assert.ok(res.closedByServer);
});

test(`${backendName}: answers on one connection are framed by their lengths, a HEAD among them without its body`, async () => {
  const res = await rawExchange(server.port, [
    "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
    100,
    "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n",
    100,
    "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
    100,
    "GET /no-such-page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
  ]);
  // Read the stream as a client does: a status line and fields, then exactly Content-Length bytes (none for HEAD).
  let rest = Buffer.from(res.data, "latin1");
  const answers = [];
  for (const method of ["GET", "HEAD", "GET", "GET"]) {
    const end = rest.indexOf("\r\n\r\n");
    assert.ok(end > 0, `no header for answer ${answers.length + 1}: ${rest.toString("latin1")}`);
    const head = rest.subarray(0, end).toString("latin1");
    const length = Number(head.match(/\r\ncontent-length: (\d+)/i)?.[1]);
    assert.ok(Number.isInteger(length), head);
    const bodyLength = method === "HEAD" ? 0 : length;
    answers.push({ status: Number(head.slice(9, 12)), head, body: rest.subarray(end + 4, end + 4 + bodyLength) });
    assert.equal(answers.at(-1).body.length, bodyLength, head);
    rest = rest.subarray(end + 4 + bodyLength);
  }
  assert.equal(rest.length, 0, "nothing after the last answer");
  assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 404]);
  assert.match(answers[0].body.toString(), /^ok/);
  // HEAD says the length GET sends.
  assert.equal(Number(answers[1].head.match(/content-length: (\d+)/i)[1]), answers[2].body.length);
  assert.match(answers[2].body.toString(), /<\/html>\s*$/);
  assert.match(answers[3].head, /\r\nconnection: close/i);
  assert.ok(res.closedByServer);
});

test(`${backendName}: a body over the limit gets 413, huge headers 431 and garbage 400`, async () => {
  const big = await rawExchange(server.port, [
    "POST /language HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50000000\r\n\r\n",
  ]);
  assert.match(big.data, /^HTTP\/1\.1 413/);
  assert.ok(big.closedByServer);
  const headers = await rawExchange(server.port, [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(40_000)}\r\n\r\n`]);
  assert.match(headers.data, /^HTTP\/1\.1 431/);
  const garbage = await rawExchange(server.port, ["THIS IS NOT HTTP\r\n\r\n"]);
  assert.match(garbage.data, /^HTTP\/1\.1 400/);
  const form = await rawExchange(server.port, [
    `POST /language HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n${"a".repeat(2_000_000)}`,
  ]);
  assert.match(form.data, /^HTTP\/1\.1 413/);
  // The server still serves after all that.
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
});

test(`${backendName}: HEAD gets the headers of GET and no body`, async () => {
  const res = await rawExchange(server.port, ["HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"]);
  assert.match(res.data, /^HTTP\/1\.1 200/);
  const [head, body] = res.data.split("\r\n\r\n");
  assert.match(head, /content-length: [1-9]\d*/i);
  assert.equal(body, "");
});

test(`${backendName}: every request is logged as one JSON line with its id, route, status and time`, async () => {
  const res = await fetch(`${server.url}/accessibility`);
  const id = res.headers.get("x-request-id");
  await server.waitForLog(new RegExp(`"request_id":"${id}"`));
  const line = server.logEvents().find((e) => e.request_id === id);
  assert.equal(line.event, "request");
  assert.equal(line.method, "GET");
  assert.equal(line.path, "/accessibility");
  assert.equal(line.route, "accessibility");
  assert.equal(String(line.status), "200");
  assert.ok(Number(line.ms) >= 0);
});

test(`${backendName}: a connection that sends nothing is closed after the header timeout`, async () => {
  const res = await rawExchange(server.port, [], { timeoutMs: 25_000 });
  assert.ok(res.closedByServer, "idle connection was still open after 25 s");
  assert.ok(res.ms >= 10_000, `closed after ${res.ms} ms, sooner than the 15 s timeout`);
});

test(`${backendName}: /metrics is for loopback, or for others with the token; HTTPS sites say Strict-Transport-Security`, async () => {
  // Issue #12 item 11: /metrics told anyone the routes, their traffic and the database's state.
  const own = await startServer({
    args: ["--trusted-proxy", "127.0.0.1", "--metrics-token", "scrape-me", "--base-url", "https://roundtable.example.org"],
  });
  try {
    assert.equal((await fetch(`${own.url}/metrics`)).status, 200, "from the machine itself");
    const outside = { "X-Forwarded-For": "203.0.113.9" };
    const refused = await fetch(`${own.url}/metrics`, { headers: outside });
    assert.equal(refused.status, 404);
    assert.doesNotMatch(await refused.text(), /roundtable_/);
    const wrong = await fetch(`${own.url}/metrics`, { headers: { ...outside, Authorization: "Bearer guess" } });
    assert.equal(wrong.status, 404);
    const scraper = await fetch(`${own.url}/metrics`, { headers: { ...outside, Authorization: "Bearer scrape-me" } });
    assert.equal(scraper.status, 200);
    assert.match(await scraper.text(), /roundtable_http_requests_total/);
    // Reached over HTTPS (the base URL says so): cookies are Secure and browsers are told to stay on HTTPS.
    const home = await fetch(`${own.url}/`);
    assert.equal(home.headers.get("strict-transport-security"), "max-age=31536000");
    assert.match(home.headers.get("set-cookie") ?? "", /; Secure/);
  } finally {
    await own.stop();
  }
  assert.equal((await fetch(`${server.url}/`)).headers.get("strict-transport-security"), null, "not over plain HTTP");
});
