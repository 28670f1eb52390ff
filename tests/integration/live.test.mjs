// The live channel (server-sent events) of a discussion topic over HTTP: a member listening hears of a new reply and
// of reactions (events carry a post's number only); who may listen is who may read the topic (404 for anyone else,
// 401 without a session), another site's page is refused (403) and a request that does not ask for events gets 406.
// On PostgreSQL, two servers share one database: a reply posted on one reaches a listener on the other, and each
// listener hears each event once; a card moved on one server reaches a board's listener on the other (issue #16).
// A server asked to stop ends its open streams and stops.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, Visitor, demo, backendName, usingPostgres } from "./harness.mjs";
import { discussionIds } from "./matrices/discussions.mjs";
import { boardIds } from "./matrices/boards.mjs";

// Generous: the machine may be busy. Only an upper bound, never a timing that must be met.
const kWait = 30_000;

let server, other;
before(async () => {
  // A heartbeat every 2 s, so that a session's end is noticed soon.
  const args = ["--live-heartbeat", "2s"];
  server = await startServer({ args });
  // A second server on the same database (PostgreSQL only: SQLite is one server's).
  if (usingPostgres) other = await startServer({ database: server.database, demo: false, args });
});
after(async () => {
  await other?.stop();
  await server?.stop();
});

async function signedIn(email, on = server) {
  const v = new Visitor(on.url);
  if (email) await v.signIn(email);
  else await v.get("/");
  return v;
}

/** The same person (the same cookies) on another server. */
function sameVisitorOn(v, on) {
  const copy = new Visitor(on.url);
  copy.cookies = new Map(v.cookies);
  return copy;
}

function parseEvent(block) {
  const ev = { event: "message", data: "", id: null };
  let any = false;
  for (const line of block.split("\n")) {
    if (line.startsWith(":") || line === "") continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") ev.event = value;
    else if (field === "data") ev.data += (ev.data ? "\n" : "") + value;
    else if (field === "id") ev.id = value;
    else continue;
    any = true;
  }
  return any ? ev : null;
}

/** Opens a topic's stream as this visitor; events are collected as they come. */
async function listen(v, path, headers = {}) {
  const controller = new AbortController();
  const res = await fetch(new URL(path, v.baseUrl), {
    redirect: "manual",
    signal: controller.signal,
    headers: { accept: "text/event-stream", ...(v.cookies.size ? { cookie: v.cookieHeader() } : {}), ...headers },
  });
  const events = [];
  const waiters = new Set();
  let ended = false;
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  const reading =
    res.status === 200
      ? (async () => {
          const reader = res.body.getReader();
          const decoder = new TextDecoder();
          let buffer = "";
          try {
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              buffer += decoder.decode(value, { stream: true });
              let end;
              while ((end = buffer.indexOf("\n\n")) >= 0) {
                const ev = parseEvent(buffer.slice(0, end));
                buffer = buffer.slice(end + 2);
                if (ev) {
                  events.push(ev);
                  wake();
                }
              }
            }
          } catch {
            // Aborted by close().
          }
          ended = true;
          wake();
        })()
      : (await res.text(), Promise.resolve());
  return {
    status: res.status,
    headers: res.headers,
    events,
    get ended() {
      return ended;
    },
    /** The first event (from the start) that matches, waiting for it up to kWait. */
    next(match, what = "an event") {
      return new Promise((ok, fail) => {
        const check = () => {
          const found = events.find(match);
          if (found) {
            clearTimeout(timer);
            waiters.delete(check);
            ok(found);
          } else if (ended) {
            clearTimeout(timer);
            waiters.delete(check);
            fail(new Error(`the stream ended before ${what}: ${JSON.stringify(events)}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          fail(new Error(`no ${what} in ${kWait} ms: ${JSON.stringify(events)}`));
        }, kWait);
        waiters.add(check);
        check();
      });
    },
    /** Resolves when the server has ended the stream. */
    end() {
      return new Promise((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`the stream did not end in ${kWait} ms`)), kWait);
        const check = () => {
          if (ended) {
            clearTimeout(timer);
            waiters.delete(check);
            ok();
          }
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      controller.abort();
      return reading;
    },
  };
}

const keyOf = (page) => page.text.match(/name="create_key" value="([^"]+)"/)[1];
const numberIs = (name, n) => (e) => e.event === name && JSON.parse(e.data).number === n;

/** Posts a reply as this visitor on its own server; returns the new post's number. */
async function reply(v, topic, body) {
  const page = await v.get(`/o/demo/topics/${topic}`);
  const sent = await v.post(`/o/demo/topics/${topic}/replies`, { create_key: keyOf(page), body });
  assert.equal(sent.status, 303);
  return Number(sent.headers.get("location").match(/#post-(\d+)$/)[1]);
}

test(`${backendName}: a member listening to a topic hears of a new reply and of reactions`, async () => {
  const ids = discussionIds(server);
  const mair = await signedIn(demo.carer);
  const gareth = await signedIn(demo.member);
  const page = await mair.get(`/o/demo/topics/${ids.EVENING}`);
  assert.match(page.text, new RegExp(`data-rt-live="/o/demo/topics/${ids.EVENING}/live"`), "the page offers the stream");
  // Mair reads Welsh: the words of each plural form, {n} left for the script to fill.
  assert.match(page.text, /data-text-new-one="1 ateb newydd" data-text-new-two="2 ateb newydd" data-text-new-few="\{n\} ateb newydd"/);
  const stream = await listen(mair, `/o/demo/topics/${ids.EVENING}/live`);
  assert.equal(stream.status, 200);
  assert.match(stream.headers.get("content-type"), /^text\/event-stream/);
  assert.equal(stream.headers.get("cache-control"), "no-store");
  assert.ok(stream.headers.get("content-security-policy"), "a stream gets the security headers too");
  try {
    await stream.next((e) => e.event === "ready", "ready");
    const number = await reply(gareth, ids.EVENING, "I could do Tuesday evenings after seven.");
    const heard = await stream.next(numberIs("post", number), `post ${number}`);
    assert.deepEqual(JSON.parse(heard.data), { number }, "the event says which post, and nothing of what it says");
    assert.ok(heard.id, "events have ids");
    // Gareth's words are not on the channel: the page fetches them as the reader.
    assert.ok(!stream.events.some((e) => e.data.includes("Tuesday")));
    const reacted = await mair.post(`/o/demo/topics/${ids.EVENING}/posts/${number}/react`, { reaction: "agree:on" });
    assert.equal(reacted.status, 303);
    await stream.next(numberIs("reactions", number), `reactions of ${number}`);
    await gareth.get(`/o/demo/topics/${ids.EVENING}/posts/${number}/edit`);
    const edited = await gareth.post(`/o/demo/topics/${ids.EVENING}/posts/${number}/edit`, {
      body: "I could do Tuesday or Wednesday evenings after seven.",
    });
    assert.equal(edited.status, 303);
    await stream.next(numberIs("changed", number), `change of ${number}`);
  } finally {
    await stream.close();
  }
});

test(`${backendName}: only people who may read the topic listen, from this site's pages only`, async () => {
  const ids = discussionIds(server);
  const path = `/o/demo/topics/${ids.EVENING}/live`;
  const gareth = await signedIn(demo.member);
  const priya = await signedIn(demo.finance);
  const rhys = await signedIn(demo.otherOrgAdmin);
  const anonymous = await signedIn(null);
  const outcomes = [];
  for (const [who, v, headers, to] of [
    ["finance, not in the group", priya, {}],
    ["another organisation's admin", rhys, {}],
    ["nobody signed in", anonymous, {}],
    ["another site's page", gareth, { origin: "https://evil.example" }],
    ["a cross-site request", gareth, { "sec-fetch-site": "cross-site" }],
    ["an opaque origin", gareth, { origin: "null" }],
    ["not asking for events", gareth, { accept: "text/html" }],
    ["a topic in a group Gareth is not in", gareth, {}, `/o/demo/topics/${ids.YOUNG}/live`],
    ["no such topic", gareth, {}, "/o/demo/topics/999999/live"],
  ]) {
    const s = await listen(v, to ?? path, headers);
    outcomes.push([who, s.status]);
    await s.close();
  }
  assert.deepEqual(outcomes, [
    ["finance, not in the group", 404],
    ["another organisation's admin", 404],
    ["nobody signed in", 401],
    ["another site's page", 403],
    ["a cross-site request", 403],
    ["an opaque origin", 403],
    ["not asking for events", 406],
    ["a topic in a group Gareth is not in", 404],
    ["no such topic", 404],
  ]);
  // The browser's own page: same origin.
  const own = await listen(gareth, path, { origin: server.url, "sec-fetch-site": "same-origin" });
  assert.equal(own.status, 200);
  await own.close();
});

test(`${backendName}: signing out ends what the session was listening to`, async () => {
  const ids = discussionIds(server);
  const gareth = await signedIn(demo.member);
  const stream = await listen(gareth, `/o/demo/topics/${ids.EVENING}/live`);
  assert.equal(stream.status, 200);
  await stream.next((e) => e.event === "ready", "ready");
  const out = await gareth.post("/sign-out", {});
  assert.equal(out.status, 303);
  // Checked at each heartbeat (every 2 s here, 25 s by default): the stream does not outlive the session for long.
  await stream.end();
});

if (usingPostgres) {
  test("postgresql: a reply posted on one server reaches a listener on another, once", async () => {
    const ids = discussionIds(server);
    const mairOnA = await signedIn(demo.carer, server);
    const mairOnB = sameVisitorOn(mairOnA, other);
    const gareth = await signedIn(demo.member, server);
    const onB = await listen(mairOnB, `/o/demo/topics/${ids.EVENING}/live`);
    const onA = await listen(mairOnA, `/o/demo/topics/${ids.EVENING}/live`);
    assert.equal(onB.status, 200, "the session made on A is good on B");
    assert.equal(onA.status, 200);
    try {
      await onB.next((e) => e.event === "ready", "ready on B");
      await onA.next((e) => e.event === "ready", "ready on A");
      const number = await reply(gareth, ids.EVENING, "Posted on server A, heard on server B.");
      await onB.next(numberIs("post", number), `post ${number} on B`);
      await onA.next(numberIs("post", number), `post ${number} on A`);
      // A reaction made on B is heard on A and B; by then, the reply's event came to each listener once.
      const mairPage = await mairOnB.get(`/o/demo/topics/${ids.EVENING}?after=${number - 1}`);
      assert.equal(mairPage.status, 200);
      const reacted = await mairOnB.post(`/o/demo/topics/${ids.EVENING}/posts/${number}/react`, { reaction: "thanks:on" });
      assert.equal(reacted.status, 303);
      await onA.next(numberIs("reactions", number), "reactions on A");
      await onB.next(numberIs("reactions", number), "reactions on B");
      for (const [where, s] of [["A", onA], ["B", onB]]) {
        assert.equal(s.events.filter(numberIs("post", number)).length, 1, `one post event on ${where}`);
        assert.equal(s.events.filter(numberIs("reactions", number)).length, 1, `one reactions event on ${where}`);
      }
    } finally {
      await onA.close();
      await onB.close();
    }
  });
}

if (usingPostgres) {
  // Issue #16: "a change by one person appears on every open copy … also when two roundtable servers share one
  // PostgreSQL database". The board's page asks for the board again when it hears "card", so hearing it is enough.
  test("postgresql: a card moved on one server reaches a board's listener on another, once, and no one else", async () => {
    const ids = boardIds(server);
    const garethOnB = sameVisitorOn(await signedIn(demo.member, server), other);
    const tomOnA = await signedIn(demo.facilitator, server);
    const priyaOnB = sameVisitorOn(await signedIn(demo.finance, server), other);
    const path = `/o/demo/boards/${ids.BOARD}/live`;
    const onB = await listen(garethOnB, path);
    assert.equal(onB.status, 200, "the session made on A is good on B");
    // Someone outside the group learns nothing on either server, not even that the board is there.
    assert.equal((await listen(priyaOnB, path)).status, 404);
    try {
      await onB.next((e) => e.event === "ready", "ready on B");
      const moved = await tomOnA.post(`/o/demo/cards/${ids.CARD}/move`, { direction: "down" });
      assert.equal(moved.status, 303);
      const heard = await onB.next((e) => e.event === "card", "card on B");
      assert.deepEqual(JSON.parse(heard.data), { card: Number(ids.CARD) });
      // And the board asked for again on B shows the card where A put it.
      const board = await garethOnB.get(`/o/demo/boards/${ids.BOARD}`);
      assert.equal(board.status, 200);
      const after = server.database.sql(`SELECT position FROM board_cards WHERE id = ${ids.CARD}`).trim();
      assert.match(board.text, new RegExp(`\\(position ${after}\\)`));
      // The first move was heard once on B; then a move back, and B has heard one event per move.
      assert.equal(onB.events.filter((e) => e.event === "card").length, 1, "the first move heard once on B");
      const back = await tomOnA.post(`/o/demo/cards/${ids.CARD}/move`, { direction: "up" });
      assert.equal(back.status, 303);
      await onB.next((e) => onB.events.filter((x) => x.event === "card").length >= 2, "second card event on B");
      assert.equal(onB.events.filter((e) => e.event === "card").length, 2, "each move heard once on B");
    } finally {
      await onB.close();
    }
  });
}

test(`${backendName}: a server asked to stop ends its open streams and stops`, async () => {
  const ids = discussionIds(server);
  const gareth = await signedIn(demo.member);
  const stream = await listen(gareth, `/o/demo/topics/${ids.EVENING}/live`);
  assert.equal(stream.status, 200);
  await stream.next((e) => e.event === "ready", "ready");
  // The other server stops first (it shares the database this one owns).
  await other?.stop();
  other = null;
  const stopped = await server.signal("SIGTERM");
  assert.equal(stopped.code, 0, "stopped by itself, not killed");
  await stream.end();
  assert.match(server.log(), /"event":"stopped"/);
});
