// The demo template for one run of the integration tests (see harness.mjs): run.sh calls
//   node tests/integration/template.mjs make        prints {"dir": …, "url": …} once a server has migrated a fresh
//                                                    database, loaded the demo into it and stopped
//   node tests/integration/template.mjs drop JSON   removes that folder and database
// on the database ROUNDTABLE_TEST_DATABASE names (SQLite by default), as the tests' own servers use.
import { rmSync } from "node:fs";
import { startServer, usingPostgres, dropPostgresDatabase } from "./harness.mjs";

const [command, made] = process.argv.slice(2);
if (command === "make" && process.env.ROUNDTABLE_TEST_TEMPLATE) {
  console.error("ROUNDTABLE_TEST_TEMPLATE is set: a template is made from nothing, not from another template");
  process.exit(2);
}
if (command === "make") {
  const server = await startServer({ args: ["--no-access-log"] });
  const { code } = await server.signal("SIGTERM");
  if (code !== 0) throw new Error(`the template server stopped with ${code}:\n${server.log()}`);
  console.log(JSON.stringify({ dir: server.dataDir, url: server.database.url }));
} else if (command === "drop" && made) {
  const { dir, url } = JSON.parse(made);
  rmSync(dir, { recursive: true, force: true });
  if (usingPostgres) dropPostgresDatabase(new URL(url).pathname.slice(1));
} else {
  console.error("usage: node tests/integration/template.mjs make | drop JSON");
  process.exit(2);
}
