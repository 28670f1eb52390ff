// The database server restarts (an upgrade, a failover, an administrator ending connections): Roundtable's
// connections to it are closed under it. The next requests must be answered, reads and writes, without restarting
// Roundtable. Before this was fixed every request on a closed connection answered 500 until Roundtable restarted.
// PostgreSQL only: SQLite is a file inside the server, with no connection a database server can close.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";

if (backendName === "postgresql") {
  /** Ends every connection to this test's database but psql's own, as a restart would, and waits until they are gone. */
  function closeServersConnections(server) {
    const others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
    const ended = Number(server.database.sql(`SELECT count(pg_terminate_backend(pid)) ${others}`).trim());
    for (let i = 0; i < 200 && Number(server.database.sql(`SELECT count(*) ${others}`).trim()) > 0; i++) {
      execSleep(25);
    }
    // A backend leaves pg_stat_activity a moment before its process ends and its socket closes; a restart takes
    // longer than that. A request that comes in that moment finds the connection still open, and a write fails (a
    // read runs again on a new connection): not what this test is about.
    execSleep(300);
    return ended;
  }
  const execSleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

  async function reopened(server) {
    const res = await new Visitor(server.url).get("/metrics");
    const m = res.text.match(/^roundtable_db_connections_reopened_total (\d+)$/m);
    assert.ok(m, "/metrics has no roundtable_db_connections_reopened_total");
    return Number(m[1]);
  }

  test("postgresql: after the database server closes every connection, pages and sign-ins work again at once", async () => {
    const server = await startServer();
    try {
      const member = new Visitor(server.url);
      await member.signIn(demo.member);
      // Several requests at once, so the pool has opened several connections.
      for (const res of await Promise.all(["/account", "/o/demo", "/", "/o/demo/groups", "/organisations"].map((p) => member.get(p)))) {
        assert.equal(res.status, 200);
      }
      assert.equal(await reopened(server), 0);

      assert.ok(closeServersConnections(server) >= 2, "the server had connections to close");
      // Reads, several at once: each finds its connection closed and opens a new one.
      for (const path of ["/account", "/o/demo", "/", "/o/demo/groups", "/organisations"]) {
        const pages = await Promise.all([member.get(path), member.get(path)]);
        for (const res of pages) assert.equal(res.status, 200, `${path} after the connections closed`);
      }
      // A write: another person signs in (a new session is saved).
      const facilitator = new Visitor(server.url);
      await facilitator.signIn(demo.facilitator);
      const account = await facilitator.get("/account");
      assert.equal(account.status, 200);
      assert.ok((await reopened(server)) >= 1, "the closed connections were opened again");

      // And again, with a write first.
      closeServersConnections(server);
      const again = new Visitor(server.url);
      await again.signIn(demo.carer);
      assert.equal((await again.get("/account")).status, 200);
      assert.equal((await member.get("/account")).status, 200, "the first session still works");
    } finally {
      await server.stop();
    }
  });
}
