#!/usr/bin/env python3
"""Fills a group's discussion (issue #14's benchmark): in the demo co-production board, TOPICS topics of one opening post
each, a topic with REPLIES replies (10,000 by default) and one with 10, written by the board's people, with reactions
on the first page. Run after the demo data is loaded.

    bench/discussions.py --database sqlite:/tmp/bench/roundtable.db
    bench/discussions.py --database postgresql://roundtable@127.0.0.1:5432/roundtable --replies 10000

Prints one line of JSON: the board's id, the long topic's and the short topic's, and counts. Idempotent: topics it made
before (create_key starting "bench-") are replaced. Python 3 standard library only; SQLite through the sqlite3 module,
PostgreSQL through psql; the rows are made by the database itself (WITH RECURSIVE), the same SQL on both.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import time

BOARD = "Carers Co-production Board"
BODY = ("Evenings after seven work best for me, once Dad is settled. **Saturday mornings** would work too, and the "
        "library has a quiet room with a hearing loop.\n\n- Papers a week before\n- Large print, please")


def script(topics: int, replies: int, now: int) -> list[str]:
    # Three of the board's people (demo accounts) take turns.
    people = ("(SELECT id FROM users WHERE email = CASE n.i % 3 WHEN 0 THEN 'gareth@demo.example' WHEN 1 THEN "
              "'tom@demo.example' ELSE 'mair@demo.example' END)")
    board = f"FROM org_groups g WHERE g.name = '{BOARD}'"
    return [
        "DELETE FROM discussion_reactions WHERE post_id IN (SELECT p.id FROM discussion_posts p JOIN discussion_topics t "
        "ON t.id = p.topic_id WHERE t.create_key LIKE 'bench-%')",
        "DELETE FROM seen_discussion_topics WHERE topic_id IN (SELECT id FROM discussion_topics WHERE create_key LIKE "
        "'bench-%')",
        "DELETE FROM discussion_follows WHERE topic_id IN (SELECT id FROM discussion_topics WHERE create_key LIKE "
        "'bench-%')",
        "DELETE FROM discussion_posts WHERE topic_id IN (SELECT id FROM discussion_topics WHERE create_key LIKE 'bench-%')",
        "DELETE FROM discussion_topics WHERE create_key LIKE 'bench-%'",
        # Many topics, each with its opening post, an hour apart (the newest a day ago).
        f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {topics}) INSERT INTO "
        "discussion_topics (org_id, group_id, title, author_id, post_count, last_post_at, create_key, created_at) "
        f"SELECT g.org_id, g.id, 'Bench topic ' || n.i, {people}, 1, {now} - 86400 - n.i * 3600, 'bench-t-' || n.i, "
        f"{now} - 86400 - n.i * 3600 FROM n, org_groups g WHERE g.name = '{BOARD}'",
        # The long conversation and the short one, most recently active.
        "INSERT INTO discussion_topics (org_id, group_id, title, author_id, post_count, last_post_at, create_key, "
        f"created_at) SELECT g.org_id, g.id, 'Bench: a long conversation', NULL, {replies + 1}, {now} - 60, "
        f"'bench-long', {now} - 864000 {board}",
        "INSERT INTO discussion_topics (org_id, group_id, title, author_id, post_count, last_post_at, create_key, "
        f"created_at) SELECT g.org_id, g.id, 'Bench: a short conversation', NULL, 11, {now} - 120, 'bench-short', "
        f"{now} - 86400 {board}",
        "INSERT INTO discussion_posts (topic_id, group_id, number, author_id, body, create_key, created_at) SELECT t.id, "
        "t.group_id, 1, t.author_id, 'What would make meetings easier for you to come to?', 'bench-p', t.created_at "
        "FROM discussion_topics t WHERE t.create_key LIKE 'bench-t-%'",
        f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {replies + 1}) INSERT INTO "
        "discussion_posts (topic_id, group_id, number, author_id, body, create_key, created_at) SELECT t.id, t.group_id, "
        f"n.i, {people}, '{BODY}', 'bench-' || n.i, t.created_at + n.i * 60 FROM n, discussion_topics t WHERE "
        "t.create_key = 'bench-long'",
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 11) INSERT INTO discussion_posts "
        "(topic_id, group_id, number, author_id, body, create_key, created_at) SELECT t.id, t.group_id, n.i, "
        f"{people}, '{BODY}', 'bench-' || n.i, t.created_at + n.i * 60 FROM n, discussion_topics t WHERE t.create_key "
        "= 'bench-short'",
        # Reactions from the board's people on every post of both conversations' first pages.
        "INSERT INTO discussion_reactions (post_id, user_id, kind, created_at) SELECT p.id, gm.user_id, CASE WHEN "
        f"gm.user_id % 3 = 0 THEN 'agree' WHEN gm.user_id % 3 = 1 THEN 'thanks' ELSE 'me_too' END, {now} FROM "
        "discussion_posts p JOIN discussion_topics t ON t.id = p.topic_id JOIN group_members gm ON gm.group_id = "
        "t.group_id WHERE t.create_key IN ('bench-long', 'bench-short') AND p.number <= 51 AND (p.author_id IS NULL OR "
        "gm.user_id <> p.author_id)",
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database", required=True)
    ap.add_argument("--topics", type=int, default=2000)
    ap.add_argument("--replies", type=int, default=10000)
    a = ap.parse_args()
    sql = script(a.topics, a.replies, int(time.time()))
    ids = ("SELECT g.id, (SELECT id FROM discussion_topics WHERE create_key = 'bench-long'), (SELECT id FROM "
           f"discussion_topics WHERE create_key = 'bench-short') FROM org_groups g WHERE g.name = '{BOARD}'")
    if a.database.startswith("postgresql://"):
        subprocess.run(["psql", a.database, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1"],
                       input=";\n".join(sql) + ";\nANALYZE;\n", text=True, check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run(["psql", a.database, "-X", "-q", "-t", "-A", "-F", ",", "-c", ids], check=True,
                             capture_output=True, text=True).stdout.strip()
        board, long_id, short_id = (int(x) for x in out.split(","))
    else:
        path = a.database.split(":", 1)[1]
        path = path[2:] if path.startswith("//") else path
        con = sqlite3.connect(path, timeout=30)
        with con:
            for statement in sql:
                con.execute(statement)
        con.execute("ANALYZE")
        board, long_id, short_id = con.execute(ids).fetchone()
    print(json.dumps({"group": board, "long_topic": long_id, "short_topic": short_id, "topics": a.topics + 2,
                      "replies": a.replies}))


if __name__ == "__main__":
    main()
