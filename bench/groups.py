#!/usr/bin/env python3
"""Fills an organisation with groups (issue #13's benchmark): by default 500 groups in "demo" counting the ones the
demo data made, with members, join requests, stage histories and activity feeds, and one person (the demo member
Gareth) in 20 of them (one as lead facilitator with requests waiting). Run after bench/members.py, whose members
fill the groups.

    bench/groups.py --database sqlite:/tmp/bench/roundtable.db --org demo --groups 500 --person gareth@demo.example
    bench/groups.py --database postgresql://roundtable@127.0.0.1:5432/roundtable ...

The mix: standing groups, projects (each at a stage of the double diamond, with the stages it went through) and
session series; members-only, organisation-wide and public; about one in ten archived; about half carry terms of
reference, ground rules and principles in Markdown (a few KB, some with an easy-read version). Each group has 5-40
members, 20-200 activity entries and sometimes join requests waiting or declined.

Prints one line of JSON: the group to measure (one of the person's groups, as a member, with Markdown documents and
200 activity entries) and counts. Idempotent: groups it made before (create_key starting "bench-") are replaced.
Python 3 standard library only; SQLite through the sqlite3 module, PostgreSQL through psql (COPY, one transaction).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import subprocess
import time

KEY = "bench-"
STAGES = ["discover", "define", "develop", "deliver"]
TOPICS = ("carers' breaks|hospital discharge|mental health crisis care|young carers in school|dementia-friendly "
          "shops|easy-read letters|bus routes to the hospital|social prescribing|the food bank|loneliness in rural "
          "villages|direct payments|autism assessments|housing adaptations|the respite centre|GP appointments|"
          "welsh-language services|benefits advice|the carers' card|day services|adult learning").split("|")
SHAPES = {
    "standing": ["{t} co-production board", "{t} steering group", "{t} reference panel", "{t} advisory group"],
    "project": ["Rethinking {t}", "{t}: what works", "Better {t}", "{t} review", "Designing {t} together"],
    "series": ["{t} coffee mornings", "{t} drop-in", "{t} listening sessions", "{t} walk and talk"],
}
PURPOSES = [
    "People who use {t} and the staff who run it decide together what to change first, and check that it changes.",
    "Finds out what people need from {t}, from the people who have been through it, and writes it down in plain "
    "words.",
    "A friendly hour every month to talk about {t}, share news and try out ideas. Everyone is welcome.",
    "Advises the partnership on {t}: what to fund, what to stop, and who has not been asked yet.",
]
HEADINGS = ["Who we are", "How we meet", "How we decide", "Payment", "Access", "Confidentiality", "Review"]
REASONS = {
    "discover": "Starting with the stories of people who use {t}.",
    "define": "We heard from {n} people; {k} problems came up again and again.",
    "develop": "We agreed the problem to solve; now we try {k} ideas with the people they are for.",
    "deliver": "The idea that worked best is ready; we roll it out and check it keeps working.",
}


def markdown(rng: random.Random, title: str, kb: float) -> str:
    """Terms of reference or ground rules: headings, paragraphs, lists, emphasis and links, about kb KB."""
    words = ("we listen to each other and speak from our own experience; everyone's time is paid; jargon is "
             "stopped and explained; decisions are made together and written down; what people share stays in "
             "the room unless they say otherwise; meetings have breaks and step-free access; papers come a week "
             "before in large print, easy read or Welsh on request").split()
    out = [f"# {title}", ""]
    n = 0
    section = 0
    while n < kb * 1024:
        section += 1
        out += [f"## {section}. {rng.choice(HEADINGS)}", ""]
        para = " ".join(rng.choice(words) for _ in range(rng.randint(40, 90)))
        para = para[0].upper() + para[1:] + ". See **our principles** and [the partnership's page](/o/demo)."
        out += [para, ""]
        out += [f"- {' '.join(rng.choice(words) for _ in range(rng.randint(5, 12)))}" for _ in range(rng.randint(2, 5))]
        out.append("")
        n = sum(len(x) + 1 for x in out)
    return "\n".join(out)


def plan(org_id: int, person: int, pool: list[int], existing_groups: int, person_groups: int, total: int,
         person_total: int, next_ids: dict[str, int], seed: int):
    """Builds every row in memory, with explicit ids (the same rows for SQLite and PostgreSQL)."""
    rng = random.Random(seed)
    now = int(time.time())
    t = {k: [] for k in ("org_groups", "group_members", "group_requests", "group_stage_changes", "group_activity",
                         "seen_groups")}
    gid, sid, aid = next_ids["org_groups"], next_ids["group_stage_changes"], next_ids["group_activity"]
    count = max(0, total - existing_groups)
    joins = max(0, person_total - person_groups)
    # Which of the new groups the person is in: spread through the list; the first is the one to measure (a member,
    # Markdown documents, 200 activity entries), the second they lead (requests waiting). None of them archived.
    theirs = {i * count // max(joins, 1): None for i in range(joins)} if count else {}
    order = sorted(theirs)
    measured_index = order[0] if order else -1
    lead_index = order[1] if len(order) > 1 else -1
    measured = None
    others = [p for p in pool if p != person]
    for i in range(count):
        mine = i in theirs
        kind = rng.choices(["standing", "project", "series"], [35, 45, 20])[0]
        if i == measured_index:
            kind = "project"
        topic = rng.choice(TOPICS)
        name = rng.choice(SHAPES[kind]).format(t=topic).capitalize() + f" {i + 1}"
        purpose = rng.choice(PURPOSES).format(t=topic)
        level = rng.choice(["individual", "group", "strategic"])
        visibility = rng.choices(["members", "organisation", "public"], [30, 55, 15])[0]
        stage = rng.choice(STAGES) if kind == "project" or (kind == "standing" and rng.random() < 0.1) else None
        if i == measured_index:
            stage, visibility = "develop", "organisation"
        docs = ["", "", "", "", "", ""]
        if rng.random() < 0.5 or i == measured_index:
            docs[0] = markdown(rng, f"Terms of reference: {name}", rng.uniform(1.5, 4))
            docs[2] = markdown(rng, "Ground rules", rng.uniform(0.5, 2))
            docs[4] = markdown(rng, "Co-production principles", rng.uniform(0.5, 1.5))
            if rng.random() < 0.5 or i == measured_index:
                docs[1] = markdown(rng, "What this group is for (easy read)", 0.6)
                docs[3] = markdown(rng, "How we behave (easy read)", 0.4)
                docs[5] = markdown(rng, "What we believe (easy read)", 0.3)
        created = now - rng.randint(30, 900) * 86400
        archived = created + rng.randint(20, 25) * 86400 if (not mine and rng.random() < 0.1) else None
        last = archived or now - 3600
        size = rng.randint(5, 40)
        people = rng.sample(others, size)
        lead = people[0]
        roles = {lead: "lead"}
        for p in people[1:]:
            roles[p] = rng.choices(["facilitator", "member", "observer"], [8, 80, 12])[0]
        if mine:
            roles[person] = "lead" if i == lead_index else "member"
            if i == lead_index:
                roles[lead] = "facilitator"
        leader = person if i == lead_index else lead
        t["org_groups"].append((gid, org_id, name, purpose, kind, level, visibility, stage, *docs, archived,
                                f"{KEY}{seed}-{i}", leader, created, created + rng.randint(0, 10) * 86400))
        # Activity, oldest first: created, members joining, stage moves, then the ordinary traffic.
        events = [("created", leader, None, "", created)]
        times = sorted(rng.randint(created + 60, last) for _ in range(400))
        tick = iter(times)
        for p, role in roles.items():
            joined = created if p == leader else next(tick)
            t["group_members"].append((gid, org_id, p, role, joined))
            if p != leader:
                events.append(("joined", leader, p, "", joined))
        if stage:
            path = STAGES[: STAGES.index(stage) + 1]
            prev = None
            for st in path:
                at = created if prev is None else next(tick)
                reason = REASONS[st].format(t=topic, n=rng.randint(12, 80), k=rng.randint(2, 5))
                t["group_stage_changes"].append((sid, gid, prev, st, reason, leader, at))
                sid += 1
                events.append(("stage_moved", leader, None, st, at))
                prev = st
        want = 200 if i == measured_index else rng.randint(20, 200)
        members = list(roles)
        while len(events) < want - (1 if archived else 0):
            who = rng.choice(members)
            kind_ = rng.choices(["details_changed", "asked_to_join", "request_declined", "role_changed", "left"],
                                [30, 30, 10, 15, 15])[0]
            at = rng.randint(created + 60, last)
            if kind_ == "details_changed":
                events.append((kind_, leader, None, "", at))
            elif kind_ == "role_changed":
                events.append((kind_, leader, who, rng.choice(["facilitator", "member", "observer"]), at))
            elif kind_ == "left":
                events.append((kind_, rng.choice(pool), None, "", at))
            elif kind_ == "asked_to_join":
                events.append((kind_, rng.choice(pool), None, "", at))
            else:
                events.append((kind_, leader, rng.choice(pool), "", at))
        if archived:
            events.append(("archived", leader, None, "", archived))
        events.sort(key=lambda e: e[4])
        first_aid = aid
        for kind_, actor, subject, detail, at in events:
            t["group_activity"].append((aid, gid, kind_, actor, subject, detail, at))
            aid += 1
        # Requests: waiting ones for the group the person leads (and a few others), declined ones here and there.
        outside = [p for p in rng.sample(others, 60) if p not in roles]
        waiting = rng.randint(4, 9) if i == lead_index else (rng.randint(1, 3) if rng.random() < 0.15 else 0)
        declined = rng.randint(1, 3) if rng.random() < 0.1 else 0
        for n, p in enumerate(outside[: waiting + declined]):
            t["group_requests"].append((gid, org_id, p, "I would like to help: I have been through this myself.",
                                        "pending" if n < waiting else "declined", last - rng.randint(0, 20) * 86400))
        # How far the person has read: most of their groups have a little news, some none.
        if mine:
            seen = aid - 1 if rng.random() < 0.4 else rng.randint(first_aid, aid - 1)
            if i == measured_index:
                seen = aid - 1  # what they see once they open it; so each request reads, none writes
            # The count of what others did since, as the server keeps it (seen_groups.unread).
            unread = sum(1 for n, (_, actor, _, _, _) in enumerate(events) if first_aid + n > seen and actor != person)
            t["seen_groups"].append((person, gid, seen, unread, now - 86400))
        if i == measured_index:
            measured = gid
        gid += 1
    return t, measured


COLUMNS = {
    "org_groups": "id, org_id, name, purpose, kind, level, visibility, stage, terms, terms_easy, ground_rules, "
                  "ground_rules_easy, principles, principles_easy, archived_at, create_key, created_by, created_at, "
                  "updated_at",
    "group_members": "group_id, org_id, user_id, role, joined_at",
    "group_requests": "group_id, org_id, user_id, message, state, created_at",
    "group_stage_changes": "id, group_id, from_stage, to_stage, reason, moved_by, moved_at",
    "group_activity": "id, group_id, kind, actor_id, subject_id, detail, at",
    "seen_groups": "user_id, group_id, activity_id, unread, seen_at",
}
FACTS = {  # name -> SQL taking (org slug, person's email); each answers one number
    "org": "SELECT id FROM organisations WHERE slug = {org}",
    "person": "SELECT id FROM users WHERE email = {person}",
    "existing_groups": "SELECT COUNT(*) FROM org_groups g JOIN organisations o ON o.id = g.org_id WHERE o.slug = {org} "
                       f"AND g.create_key NOT LIKE '{KEY}%'",
    "person_groups": "SELECT COUNT(*) FROM group_members gm JOIN org_groups g ON g.id = gm.group_id JOIN users u ON "
                     "u.id = gm.user_id JOIN organisations o ON o.id = g.org_id WHERE u.email = {person} AND o.slug = "
                     "{org} AND g.archived_at IS NULL",
}
DELETE = f"DELETE FROM org_groups WHERE create_key LIKE '{KEY}%'"
POOL = "SELECT m.user_id FROM memberships m JOIN organisations o ON o.id = m.org_id WHERE o.slug = {org} ORDER BY 1"


def quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def copy_text(v) -> str:
    if v is None:
        return "\\N"
    return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def run(a) -> dict:
    pg = a.database.startswith(("postgresql://", "postgres://"))
    subst = {"org": quote(a.org), "person": quote(a.person)}
    if pg:
        def q(sql: str) -> list[str]:
            out = subprocess.run(["psql", a.database, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql],
                                 check=True, capture_output=True, text=True).stdout
            return [x for x in out.splitlines() if x]
        q(DELETE)
    else:
        path = a.database.split(":", 1)[1]
        path = path[2:] if path.startswith("//") else path
        con = sqlite3.connect(path, timeout=30)
        con.execute("PRAGMA foreign_keys=ON")
        with con:
            con.execute(DELETE)

        def q(sql: str) -> list[str]:
            return [str(r[0]) for r in con.execute(sql)]
    facts = {k: int(q(v.format(**subst))[0]) for k, v in FACTS.items()}
    pool = [int(x) for x in q(POOL.format(**subst))]
    next_ids = {t: int(q(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {t}")[0])
                for t in ("org_groups", "group_stage_changes", "group_activity")}
    tables, measured = plan(facts["org"], facts["person"], pool, facts["existing_groups"], facts["person_groups"],
                            a.groups, a.person_groups, next_ids, a.seed)
    if pg:
        buf = ["SET synchronous_commit = off;\nBEGIN;\n"]
        for table, rows in tables.items():
            buf.append(f"COPY {table} ({COLUMNS[table]}) FROM STDIN;\n")
            buf.extend("\t".join(copy_text(v) for v in r) + "\n" for r in rows)
            buf.append("\\.\n")
        buf.append("COMMIT;\n")
        for table in ("org_groups", "group_stage_changes", "group_activity"):
            seq = f"pg_get_serial_sequence('{table}', 'id')"
            buf.append(f"SELECT setval({seq}, greatest((SELECT max(id) FROM {table}), "
                       f"coalesce(pg_sequence_last_value({seq}::regclass), 1))) \\g /dev/null\n")
        buf.append(f"ANALYZE {', '.join(COLUMNS)};\n")
        subprocess.run(["psql", a.database, "-X", "-q", "-v", "ON_ERROR_STOP=1"], input="".join(buf), text=True,
                       check=True, stdout=subprocess.DEVNULL)
    else:
        with con:
            for table, rows in tables.items():
                if rows:
                    marks = ", ".join("?" * len(rows[0]))
                    con.executemany(f"INSERT INTO {table} ({COLUMNS[table]}) VALUES ({marks})", rows)
        con.execute("ANALYZE")
        con.close()
    return {"group": measured, "groups_added": len(tables["org_groups"]),
            "groups_total": facts["existing_groups"] + len(tables["org_groups"]),
            "person_groups": facts["person_groups"] + len(tables["seen_groups"]),
            "activity": len(tables["group_activity"]), "members": len(tables["group_members"])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database", required=True)
    ap.add_argument("--org", default="demo")
    ap.add_argument("--groups", type=int, default=500, help="groups in the organisation, counting the demo's")
    ap.add_argument("--person", default="gareth@demo.example")
    ap.add_argument("--person-groups", type=int, default=20, help="groups the person is in (not archived), in all")
    ap.add_argument("--seed", type=int, default=1)
    print(json.dumps(run(ap.parse_args())))


if __name__ == "__main__":
    main()
