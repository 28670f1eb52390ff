#!/usr/bin/env python3
"""Times the search page's two SQL statements alone, without the server (bench/run.sh uses it).

    bench/sql_timing.py --database sqlite:PATH WORD...
    bench/sql_timing.py --database postgresql://... WORD...

Prints one line per word:
    SQL word=W matches=N count_ms=.. page_ms=.. fts_only_count_ms=..

The statements mirror src/db/search.cpp for an anonymous visitor (public documents only,
first page of 20): the count (capped at 1,001) of the word as typed, then as a prefix when that
found at most 1,000, then the ranked page (up to 1,000 matches) or the newest-first page (more). Keep them in step when that file changes. matches= is the true count. SQLite: mean over repeated
runs on one connection for about a second per statement, after one warm-up run.
PostgreSQL: median of the server-side "Execution Time" from EXPLAIN ANALYZE (psql).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import time

SQLITE_FROM = ("FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid "
               "WHERE search_fts MATCH ? AND (d.org_id IS NULL)")
# Matches are counted up to 1,001 (kSearchCountLimit + 1); more than 1,000 means newest first, else ranked.
COUNT_CAP = 1001
SQLITE_COUNT = "SELECT COUNT(*) FROM (SELECT 1 " + SQLITE_FROM + f" LIMIT {COUNT_CAP}) counted"
SQLITE_RANKED = ("SELECT d.kind, d.ref, d.title, d.body, d.url " + SQLITE_FROM +
                 " ORDER BY bm25(search_fts, 2.0, 1.0), d.id DESC LIMIT 20 OFFSET 0")
SQLITE_NEWEST = ("SELECT d.kind, d.ref, d.title, d.body, d.url " + SQLITE_FROM +
                 " ORDER BY search_fts.rowid DESC LIMIT 20 OFFSET 0")
SQLITE_FTS_ONLY = "SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH ?"

PG_FROM = ("FROM search_documents d, to_tsquery('simple', '{q}') query WHERE d.tsv @@ query "
           "AND (d.org_id IS NULL)")
PG_COUNT = "SELECT COUNT(*) FROM (SELECT 1 " + PG_FROM + f" LIMIT {COUNT_CAP}) counted"
PG_RANKED = ("SELECT d.kind, d.ref, d.title, d.body, d.url " + PG_FROM +
             " ORDER BY ts_rank(d.tsv, query) DESC, d.id DESC LIMIT 20 OFFSET 0")
PG_NEWEST = ("SELECT d.kind, d.ref, d.title, d.body, d.url " + PG_FROM + " ORDER BY d.id DESC LIMIT 20 OFFSET 0")
PG_FTS_ONLY = "SELECT COUNT(*) FROM search_documents d WHERE d.tsv @@ to_tsquery('simple', '{q}')"


def time_sqlite(con: sqlite3.Connection, sql: str, arg: str, budget: float = 1.0) -> tuple[float, list]:
    rows = con.execute(sql, (arg,)).fetchall()
    n, start = 0, time.perf_counter()
    while True:
        con.execute(sql, (arg,)).fetchall()
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= budget and n >= 3:
            return elapsed / n * 1000, rows


def time_pg(url: str, sql: str, runs: int = 7) -> tuple[float, str]:
    times, result = [], ""
    for _ in range(runs):
        out = subprocess.run(["psql", url, "-X", "-q", "-t", "-A", "-c", "EXPLAIN (ANALYZE, FORMAT JSON) " + sql],
                             check=True, capture_output=True, text=True).stdout
        times.append(json.loads(out)[0]["Execution Time"])
    result = subprocess.run(["psql", url, "-X", "-q", "-t", "-A", "-c", sql], check=True, capture_output=True,
                            text=True).stdout.splitlines()
    return statistics.median(times), result[0] if result else ""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--database", required=True)
    ap.add_argument("words", nargs="+")
    args = ap.parse_args()
    if args.database.startswith("sqlite:"):
        path = args.database[len("sqlite:"):]
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        for w in args.words:
            # what SqliteSearch::search does for one word: count it as typed (capped); if that finds at most
            # 1,000, count it as a prefix too (3+ characters); then the ranked or the newest-first page.
            exact, prefix = f'"{w}"', (f'"{w}"*' if len(w) >= 3 else f'"{w}"')
            count_ms, rows = time_sqlite(con, SQLITE_COUNT, exact)
            expr, counted = exact, rows[0][0]
            if counted < COUNT_CAP and prefix != exact:
                more_ms, rows = time_sqlite(con, SQLITE_COUNT, prefix)
                count_ms += more_ms
                expr, counted = prefix, rows[0][0]
            page = SQLITE_NEWEST if counted >= COUNT_CAP else SQLITE_RANKED
            page_ms, _ = time_sqlite(con, page, expr)
            fts_ms, all_rows = time_sqlite(con, SQLITE_FTS_ONLY, prefix)
            print(f"SQL word={w} matches={all_rows[0][0]} count_ms={count_ms:.3f} page_ms={page_ms:.3f} "
                  f"fts_only_count_ms={fts_ms:.3f}")
    else:
        for w in args.words:
            # what PostgresSearch::search does for one word (see the SQLite branch)
            exact, prefix = w, (f"{w}:*" if len(w) >= 3 else w)
            count_ms, counted = time_pg(args.database, PG_COUNT.format(q=exact))
            q = exact
            if int(counted or 0) < COUNT_CAP and prefix != exact:
                more_ms, counted = time_pg(args.database, PG_COUNT.format(q=prefix))
                count_ms += more_ms
                q = prefix
            page = PG_NEWEST if int(counted or 0) >= COUNT_CAP else PG_RANKED
            page_ms, _ = time_pg(args.database, page.format(q=q))
            fts_ms, matches = time_pg(args.database, PG_FTS_ONLY.format(q=prefix))
            print(f"SQL word={w} matches={matches} count_ms={count_ms:.3f} page_ms={page_ms:.3f} "
                  f"fts_only_count_ms={fts_ms:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
