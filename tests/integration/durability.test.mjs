// Durability: many concurrent writes, kill -9 of the server in the middle of them, restart. Every write the
// server acknowledged must be there, and the database must pass its integrity check.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { startServer, freshDatabase, tempDir, Visitor, backendName } from "./harness.mjs";

const WRITERS = 32; // concurrent clients
const ACKNOWLEDGED_BEFORE_KILL = 300; // kill -9 once this many writes were answered

test(`${backendName}: every acknowledged write survives kill -9 and the database passes its integrity check`, async () => {
  const dataDir = tempDir();
  const database = freshDatabase(dataDir);
  try {
    const server = await startServer({ dataDir, database, demo: false, args: ["--no-access-log"] });
    const acknowledged = []; // session tokens whose write (language = Welsh) was answered with 303
    let attempted = 0;
    let killed = false;
    let killedAt = 0;
    const writer = async () => {
      while (!killed) {
        const v = new Visitor(server.url);
        try {
          await v.get("/");
          attempted++;
          const res = await v.post("/language", { lang: "cy", return_to: "/" });
          if (res.status === 303 && v.cookies.has("rt_session")) acknowledged.push(v.cookies.get("rt_session"));
          else if (!killed) throw new Error(`write answered ${res.status}`);
        } catch (e) {
          if (!killed) throw e; // before the kill every write must succeed
        }
        if (!killed && acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL) {
          killed = true;
          killedAt = acknowledged.length;
          server.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    const { signal } = await server.signal("SIGKILL");
    assert.equal(signal, "SIGKILL");
    // Writes answered while the kill was on its way count too: they were acknowledged.
    assert.ok(acknowledged.length >= killedAt);
    assert.ok(attempted > acknowledged.length, "the kill did not land while writes were in flight");

    assert.equal(database.integrityCheck(), "ok");

    const restarted = await startServer({ dataDir, database, demo: false, args: ["--no-access-log"] });
    try {
      const lost = [];
      for (let i = 0; i < acknowledged.length; i += 16) {
        const batch = acknowledged.slice(i, i + 16);
        const pages = await Promise.all(
          batch.map(async (token) => {
            const res = await fetch(`${restarted.url}/`, { headers: { cookie: `rt_session=${token}` } });
            return { token, html: await res.text() };
          }),
        );
        for (const p of pages) if (!/<html lang="cy"/.test(p.html)) lost.push(p.token);
      }
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged writes were lost`);
      const stored = Number(database.sql("SELECT count(*) FROM sessions WHERE lang = 'cy'"));
      assert.ok(stored >= acknowledged.length, `${stored} rows for ${acknowledged.length} acknowledged writes`);
      // A session nobody was given is not there: the check above can tell a lost write from a kept one.
      const stranger = await fetch(`${restarted.url}/`, { headers: { cookie: `rt_session=${"A".repeat(43)}` } });
      assert.match(await stranger.text(), /<html lang="en"/);
    } finally {
      await restarted.signal("SIGTERM");
    }
    assert.equal(database.integrityCheck(), "ok");
  } finally {
    database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
