#!/usr/bin/env python3
"""Adds N members (accounts, memberships, member types and profiles) to an organisation, for the member directory
benchmark. Run after the server has created the organisation (`serve --demo` creates "demo").

    bench/members.py --database sqlite:/tmp/bench/roundtable.db --org demo --count 10000
    bench/members.py --database postgresql://roundtable@127.0.0.1:5432/roundtable --org demo --count 10000

Idempotent: members it added before (emails ending @members.bench.example) are replaced. Python 3 standard library
only; SQLite through the sqlite3 module, PostgreSQL through psql (one transaction).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import time

FIRST = "Aled Alys Amira Ben Bethan Cerys Chloe Dafydd Deio Eleri Emyr Ffion Gethin Gwen Hana Huw Ifan Iolo Jac Lowri Mali Megan Nia Osian Rhian Sara Siôn Tomos Wil Zara".split()
LAST = "Ahmed Davies Edwards Evans Griffiths Hughes Jenkins Jones Khan Lewis Morgan Owen Patel Phillips Price Roberts Smith Thomas Williams Wright".split()
TYPES = ["lived_experience", "unpaid_carer", "staff", "partner_organisation"]
DOMAIN = "@members.bench.example"


def rows(count: int, seed: int):
    rng = random.Random(seed)
    now = int(time.time())
    for i in range(count):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        yield i, f"member{i}{DOMAIN}", name, rng.choice(TYPES), now


def sqlite_fill(path: str, org: str, count: int, seed: int) -> None:
    con = sqlite3.connect(path, timeout=30)
    con.execute("PRAGMA foreign_keys=ON")
    (org_id,) = con.execute("SELECT id FROM organisations WHERE slug = ?", (org,)).fetchone()
    with con:
        con.execute(f"DELETE FROM users WHERE email LIKE '%{DOMAIN}'")
        for i, email, name, kind, now in rows(count, seed):
            cur = con.execute(
                "INSERT INTO users (email, name, lang, platform_admin, created_at, updated_at) VALUES (?, ?, 'en', 0, ?, ?)",
                (email, name, now, now),
            )
            uid = cur.lastrowid
            con.execute("INSERT INTO memberships (org_id, user_id, role, created_at, sort_name) VALUES (?, ?, 'member', ?, lower(?))", (org_id, uid, now, name))
            con.execute("INSERT INTO member_types (org_id, user_id, type) VALUES (?, ?, ?)", (org_id, uid, kind))
            con.execute("INSERT INTO profiles (user_id, updated_at) VALUES (?, ?)", (uid, now))
    con.execute("ANALYZE")
    con.close()


def postgres_fill(url: str, org: str, count: int, seed: int) -> None:
    values = ",\n".join(f"('{email}', '{name}', {kind!r}, {now})" for _, email, name, kind, now in rows(count, seed))
    sql = f"""
BEGIN;
DELETE FROM users WHERE email LIKE '%{DOMAIN}';
CREATE TEMP TABLE bench_members (email TEXT, name TEXT, kind TEXT, now BIGINT);
INSERT INTO bench_members VALUES {values};
INSERT INTO users (email, name, lang, platform_admin, created_at, updated_at)
  SELECT email, name, 'en', 0, now, now FROM bench_members;
INSERT INTO memberships (org_id, user_id, role, created_at, sort_name)
  SELECT o.id, u.id, 'member', b.now, lower(b.name) FROM bench_members b JOIN users u ON u.email = b.email
  JOIN organisations o ON o.slug = '{org}';
INSERT INTO member_types (org_id, user_id, type)
  SELECT o.id, u.id, b.kind FROM bench_members b JOIN users u ON u.email = b.email JOIN organisations o ON o.slug = '{org}';
INSERT INTO profiles (user_id, updated_at) SELECT u.id, b.now FROM bench_members b JOIN users u ON u.email = b.email;
COMMIT;
ANALYZE;
"""
    subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1"], input=sql, text=True, check=True,
                   stdout=subprocess.DEVNULL)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database", required=True)
    ap.add_argument("--org", default="demo")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.database.startswith(("postgresql://", "postgres://")):
        postgres_fill(a.database, a.org, a.count, a.seed)
    else:
        path = a.database.split(":", 1)[1]
        if path.startswith("//"):
            path = path[2:]
        sqlite_fill(path, a.org, a.count, a.seed)


if __name__ == "__main__":
    main()
