// The roundtable command line: help, version, migrate, and one clear line (never a stack trace) for bad input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import net from "node:net";
import { runCli, tempDir, freshDatabase, backendName, publicDir } from "./harness.mjs";

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
  for (const word of ["serve", "migrate", "version", "--listen", "--database", "--data-dir", "--demo"]) {
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
