// The roundtable command line: help, version, migrate, and one clear line (never a stack trace) for bad input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import net from "node:net";
import { spawn } from "node:child_process";
import { runCli, tempDir, freshDatabase, backendName, publicDir, binary, startServer } from "./harness.mjs";

/** One line for people (structured JSON log lines aside), no C++ exception noise. */
function assertOneClearLine(stderr) {
  const lines = stderr
    .trim()
    .split("\n")
    .filter((l) => !l.startsWith("{"));
  assert.equal(lines.length, 1, `expected one line, got:\n${stderr}`);
  assert.match(lines[0], /^roundtable: \S/);
  assert.doesNotMatch(stderr, /terminate called|what\(\)|Aborted|std::|boost::|AddressSanitizer|runtime error/);
}

test("--help lists the commands and exits 0", async () => {
  const r = await runCli(["--help"]);
  assert.equal(r.code, 0);
  for (const word of ["serve", "migrate", "version", "--listen", "--database", "--data-dir", "--demo", "run-due"]) {
    assert.ok(r.stdout.includes(word), `--help does not mention ${word}`);
  }
});

test("version prints the version", async () => {
  const r = await runCli(["version"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^roundtable \d+\.\d+\.\d+/);
});

test("a bad flag, a bad command and a bad listen address each give one clear line and exit 2", async () => {
  for (const args of [["serve", "--no-such-flag"], ["frobnicate"], ["serve", "--listen", "nonsense"], ["serve", "--listen"]]) {
    const r = await runCli(args);
    assert.equal(r.code, 2, `${args.join(" ")} exited ${r.code}`);
    assertOneClearLine(r.stderr);
  }
});

test("a data folder that cannot be written gives one clear line and a non-zero exit", async () => {
  const dir = tempDir();
  try {
    const file = join(dir, "a-file");
    writeFileSync(file, "not a folder");
    const r = await runCli(["serve", "--listen", "127.0.0.1:0", "--data-dir", join(file, "data")]);
    assert.notEqual(r.code, 0);
    assertOneClearLine(r.stderr);
    assert.match(r.stderr, /data folder|folder/i);
    if (process.getuid?.() !== 0) {
      // root can write anywhere, so only a normal user can check a read-only folder.
      const ro = join(dir, "ro");
      mkdirSync(ro);
      chmodSync(ro, 0o500);
      const r2 = await runCli(["serve", "--listen", "127.0.0.1:0", "--data-dir", ro]);
      assert.notEqual(r2.code, 0);
      assertOneClearLine(r2.stderr);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an unreachable database gives one clear line and a non-zero exit", async () => {
  const port = await new Promise((r) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = s.address().port;
      s.close(() => r(p));
    });
  });
  const dir = tempDir();
  try {
    for (const url of [`postgresql://roundtable@127.0.0.1:${port}/roundtable`, "mysql://nope", `sqlite:${dir}/missing/sub/x.db`]) {
      const r = await runCli(["serve", "--listen", "127.0.0.1:0", "--data-dir", dir, "--database", url]);
      assert.notEqual(r.code, 0, `${url} exited 0`);
      assertOneClearLine(r.stderr);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an address already in use gives one clear line", async () => {
  const blocker = net.createServer();
  await new Promise((r) => blocker.listen(0, "127.0.0.1", r));
  const dir = tempDir();
  try {
    const r = await runCli(["serve", "--listen", `127.0.0.1:${blocker.address().port}`, "--data-dir", dir, "--public-dir", publicDir]);
    assert.notEqual(r.code, 0);
    assertOneClearLine(r.stderr);
  } finally {
    blocker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test(`${backendName}: migrate applies every migration once and is safe to run again`, async () => {
  const dir = tempDir();
  const db = freshDatabase(dir);
  try {
    const first = await runCli(["migrate", "--data-dir", dir, "--database", db.url]);
    assert.equal(first.code, 0, first.stderr);
    const applied = db.sql("SELECT count(*) FROM schema_migrations");
    assert.ok(Number(applied) >= 2, `schema_migrations holds ${applied}`);
    const second = await runCli(["migrate", "--data-dir", dir, "--database", db.url]);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(db.sql("SELECT count(*) FROM schema_migrations"), applied);
    // The tables the foundation needs are there on this backend.
    assert.equal(db.sql("SELECT count(*) FROM sessions"), "0");
    assert.equal(db.sql("SELECT count(*) FROM search_documents"), "0");
  } finally {
    db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test(`${backendName}: admin create-org and create-user set up an organisation and its first admin`, async () => {
  const dir = tempDir();
  const db = freshDatabase(dir);
  const run = (args, input) =>
    new Promise((resolveRun) => {
      const child = spawn(binary, ["admin", ...args, "--data-dir", dir, "--database", db.url], {
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c) => (stdout += c));
      child.stderr.on("data", (c) => (stderr += c));
      child.stdin.end(input ?? "");
      child.on("exit", (code) => resolveRun({ code, stdout, stderr }));
    });
  try {
    const org = await run(["create-org", "--name", "Gofalwyr Môn", "--slug", "gofalwyr-mon", "--languages", "cy,en"]);
    assert.equal(org.code, 0, org.stderr);
    assert.match(org.stdout, /added organisation 'Gofalwyr Môn' at \/o\/gofalwyr-mon/);
    assert.equal(db.sql("SELECT languages FROM organisations WHERE slug = 'gofalwyr-mon'"), "cy,en");
    const again = await run(["create-org", "--name", "Copy", "--slug", "gofalwyr-mon"]);
    assert.equal(again.code, 1);
    assertOneClearLine(again.stderr);
    const bad = await run(["create-org", "--name", "X", "--slug", "Not OK"]);
    assert.equal(bad.code, 2);
    assertOneClearLine(bad.stderr);
    const user = await run(
      ["create-user", "--email", "Ceri@Example.org", "--name", "Ceri Jones", "--org", "gofalwyr-mon", "--role", "org_admin",
        "--member-type", "staff", "--password-stdin"],
      "blue kettle garden\n",
    );
    assert.equal(user.code, 0, user.stderr);
    assert.match(user.stdout, /ceri@example\.org in \/o\/gofalwyr-mon as org_admin/);
    assert.equal(db.sql("SELECT role FROM memberships"), "org_admin");
    assert.match(db.sql("SELECT password_hash FROM users WHERE email = 'ceri@example.org'"), /^\$argon2id\$/);
    const weak = await run(["create-user", "--email", "x@example.org", "--name", "X", "--password-stdin"], "short\n");
    assert.equal(weak.code, 2);
    assert.match(weak.stderr, /8 characters or more/);
    for (const args of [["create-user", "--email", "nope", "--name", "X"], ["create-user", "--email", "a@b.org", "--name", "A", "--role", "boss", "--org", "gofalwyr-mon"], ["frobnicate"], ["create-org", "--bogus", "1"]]) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(" "));
      assertOneClearLine(r.stderr);
    }
    const missingOrg = await run(["create-user", "--email", "d@example.org", "--name", "D", "--org", "nowhere"]);
    assert.equal(missingOrg.code, 1);
    assertOneClearLine(missingOrg.stderr);
    // The account made on the command line can sign in on the web.
    const server = await startServer({ dataDir: dir, database: db, demo: false });
    try {
      const { Visitor } = await import("./harness.mjs");
      const v = new Visitor(server.url);
      await v.signIn("ceri@example.org", "blue kettle garden");
      const home = await v.get("/o/gofalwyr-mon");
      assert.equal(home.status, 200);
      assert.match(home.text, /Gofalwyr Môn/);
    } finally {
      await server.signal("SIGTERM");
    }
  } finally {
    db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test(`${backendName}: every admin command prints its own usage for --help (issue #12 item 22)`, async () => {
  // Before: "unknown option '--help' for 'admin create-org'" and exit code 2.
  const org = await runCli(["admin", "create-org", "--help"]);
  assert.equal(org.code, 0, org.stderr);
  assert.match(org.stdout, /^Usage: roundtable admin create-org --name NAME --slug SLUG/);
  assert.match(org.stdout, /--signup MODE/);
  assert.doesNotMatch(org.stdout, /create-user/);
  const user = await runCli(["admin", "create-user", "-h"]);
  assert.equal(user.code, 0, user.stderr);
  assert.match(user.stdout, /^Usage: roundtable admin create-user --email EMAIL/);
  assert.match(user.stdout, /--password-stdin/);
  const both = await runCli(["admin", "--help"]);
  assert.equal(both.code, 0, both.stderr);
  assert.match(both.stdout, /admin create-org/);
  assert.match(both.stdout, /admin create-user/);
  // Help changes nothing: no database is opened for it.
  assert.equal(org.stderr, "");
});

test("every command prints its own usage for --help and -h, and exits 0 (issue #12 item 22)", async () => {
  // The commands come from the general usage, so a new command without its own usage fails here. Before: serve,
  // migrate, mail-test, receive-mail and run-due printed the general usage, and routes failed ("takes no options").
  const general = await runCli(["--help"]);
  assert.equal(general.code, 0);
  const commands = new Set();
  for (const line of general.stdout.split("\n")) {
    const m = line.match(/^ {2}roundtable ((?:[a-z][a-z-]*)(?: [a-z][a-z-]*)*)/);
    if (m) commands.add(m[1]);
  }
  for (const expected of ["serve", "migrate", "admin create-org", "admin create-user", "mail-test", "receive-mail", "run-due", "routes", "version"]) {
    assert.ok(commands.has(expected), `the general usage no longer lists ${expected}: ${[...commands].join(", ")}`);
  }
  for (const command of commands) {
    for (const flag of ["--help", "-h"]) {
      const r = await runCli([...command.split(" "), flag]);
      assert.equal(r.code, 0, `roundtable ${command} ${flag} exited ${r.code}: ${r.stderr}`);
      assert.equal(r.stderr, "", `roundtable ${command} ${flag} wrote to stderr`);
      assert.notEqual(r.stdout, general.stdout, `roundtable ${command} ${flag} printed the general usage`);
      assert.ok(r.stdout.startsWith(`Usage: roundtable ${command}`), `roundtable ${command} ${flag}:\n${r.stdout}`);
      // What it does, in a line of its own after the usage line(s).
      assert.ok(r.stdout.split("\n").length >= 2, `roundtable ${command} ${flag} says nothing about what it does`);
      // Each option it names in its usage line is explained below (serve's are many, so its own are listed).
      for (const option of r.stdout.split("\n")[0].match(/--[a-z-]+/g) ?? []) {
        assert.ok(r.stdout.indexOf(`  ${option}`) > 0, `roundtable ${command} ${flag} does not explain ${option}`);
      }
    }
  }
});
