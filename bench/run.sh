#!/usr/bin/env bash
# Roundtable benchmark: plaintext vs database-backed pages, with wrk, on loopback.
#
#   bench/run.sh                      build release, generate 220k documents (SQLite), measure
#   SKIP_BUILD=1 bench/run.sh         use the existing build-release/roundtable
#   SKIP_BUILD=1 BENCH_BINARY=PATH bench/run.sh
#                                     use that binary instead (e.g. checking the script with a debug build)
#   BENCH_DATA=/tmp/rt-bench bench/run.sh
#                                     keep the generated dataset there and reuse it next time
#   BENCH_DATABASE_URL=postgresql://roundtable@127.0.0.1:PORT/roundtable bench/run.sh
#                                     PostgreSQL instead: give it a new, empty database each run
#
# Other knobs (environment): POSTS (200000) PROJECTS (20000) MEMBERS (10000, in the member directory) SEED (1)
# ORG_GROUPS (500, groups in "demo") MY_GROUPS (20, of them with the demo member in) TOPICS (2000, in the board's discussion)
# DURATION (10 s per run)
# WARMUP (3 s) REPEAT (3 peak runs, median kept) THREADS (2) CONNECTIONS (50) LOW_CONNECTIONS (8)
# RESULTS (also write the report to this file).
# SCENARIOS (a comma-separated list of words: only the scenarios whose name contains one of them are measured,
# plaintext always first), e.g. SCENARIOS=group DURATION=2 WARMUP=1 REPEAT=1 for a quick check (not a record).
#
# Per scenario: a warm-up, REPEAT runs at full speed (peak; the median is reported), a run
# paced at half the peak rate (bench/report.lua's delay(); wrk2 is not available) and a
# closed-loop run with LOW_CONNECTIONS connections. Between runs it waits for the server to
# go idle. About 4-6 minutes with the defaults. Prints a markdown report; docs/PERFORMANCE.md
# explains it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

POSTS=${POSTS:-200000}
PROJECTS=${PROJECTS:-20000}
SEED=${SEED:-1}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
LOW_CONNECTIONS=${LOW_CONNECTIONS:-8}
REPEAT=${REPEAT:-3}
MEMBERS=${MEMBERS:-10000}
ORG_GROUPS=${ORG_GROUPS:-500}
MY_GROUPS=${MY_GROUPS:-20}
TOPICS=${TOPICS:-2000}
# SCENARIOS from the environment picks scenarios; below, SCENARIOS is the list of them.
ONLY=${SCENARIOS:-}
unset SCENARIOS
BIN=${BENCH_BINARY:-$ROOT/build-release/roundtable}

say() { echo "bench: $*" >&2; }

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { say "needs $tool (scripts/install-deps installs it)"; exit 1; }
done
# nginx serving a 1 KB file is the limit plaintext is measured against (issue #10: plaintext at 90 % of it).
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { say "needs nginx (scripts/install-deps installs nginx-light)"; exit 1; }

# --- build -------------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building the release binary"
  if ! BUILD_TYPE=release scripts/build >&2; then
    # scripts/build also builds web/ and may fail on it; GCC 12 at -O3 also raises a false
    # -Werror=restrict in src/http/static_files.cpp (GCC bug 105651). Build the server alone.
    say "scripts/build failed; building the server with cmake directly"
    cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DROUNDTABLE_SANITIZE=OFF \
      -DROUNDTABLE_TESTS=OFF "-DCMAKE_CXX_FLAGS=${BENCH_CXX_FLAGS:--Wno-error=restrict}" >&2
    cmake --build build-release >&2
  fi
fi
[ -x "$BIN" ] || { say "$BIN is missing"; exit 1; }

# --- data folder, cleanup ------------------------------------------------------------------
if [ -n "${BENCH_DATA:-}" ]; then
  DATA=$BENCH_DATA
  mkdir -p "$DATA"
  KEEP=1
else
  DATA=$(mktemp -d /tmp/roundtable-bench.XXXXXX)
  KEEP=${KEEP:-0}
fi
SERVER_PID=
NGINX_CONF=
cleanup() {
  if [ -n "$NGINX_CONF" ]; then "$NGINX" -c "$NGINX_CONF" -s stop 2>/dev/null || true; fi
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "$KEEP" != 1 ]; then rm -rf "$DATA"; else say "data kept in $DATA"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- dataset -------------------------------------------------------------------------------
if [ -n "${BENCH_DATABASE_URL:-}" ]; then
  DB_URL=$BENCH_DATABASE_URL
  BACKEND=PostgreSQL
  SERVER_DB=(--database "$DB_URL")
else
  DB_URL=sqlite:$DATA/roundtable.db
  BACKEND=SQLite
  SERVER_DB=()
fi
STATS=$DATA/stats.json
want="posts=$POSTS projects=$PROJECTS seed=$SEED db=$DB_URL"
# SQLite: the generated documents are kept in generated.db, and each run starts from a copy of it, since what the
# run adds next (members, groups, discussions, decisions, boards ...) cannot be added twice. PostgreSQL: a new
# database each run.
if [ -f "$STATS" ] && [ -f "$DATA/generated.db" ] && [ "$(cat "$DATA/dataset" 2>/dev/null)" = "$want" ] &&
  [ -z "${BENCH_DATABASE_URL:-}" ]; then
  say "reusing the generated dataset in $DATA"
  rm -f "$DATA"/roundtable.db*
  cp "$DATA/generated.db" "$DATA/roundtable.db"
else
  say "generating $POSTS posts and $PROJECTS projects into $DB_URL"
  rm -f "$DATA/dataset" "$DATA/generated.db"
  if [ -z "${BENCH_DATABASE_URL:-}" ]; then rm -f "$DATA"/roundtable.db*; fi
  python3 bench/generate.py --database "$DB_URL" --binary "$BIN" --posts "$POSTS" --projects "$PROJECTS" \
    --seed "$SEED" --replace --stats "$STATS" >&2
  if [ -z "${BENCH_DATABASE_URL:-}" ]; then
    python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); c.close()' \
      "$DATA/roundtable.db"
    cp "$DATA/roundtable.db" "$DATA/generated.db"
  fi
  echo "$want" >"$DATA/dataset"
fi
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$STATS" "$1"; }
RARE=$(json 'd["queries"]["rare"]["word"]')
COMMON=$(json 'd["queries"]["common"]["word"]')
DOCS=$(json 'd["documents"]')
PUBLIC_DOCS=$(json 'd["public_documents"]')

# --- the SQL alone, before the server runs -------------------------------------------------
say "timing the search SQL alone"
SQL_LINES=$(python3 bench/sql_timing.py --database "$DB_URL" "$RARE" "$COMMON")

# --- server --------------------------------------------------------------------------------
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no -- src migrations CMakeLists.txt 2>/dev/null)" ]; then
  COMMIT="$COMMIT (with uncommitted changes in src/)"
fi
"$BIN" serve --listen "127.0.0.1:$PORT" --data-dir "$DATA" --no-access-log --demo "${SERVER_DB[@]}" \
  >"$DATA/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
  curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { say "the server stopped:"; cat "$DATA/server.log" >&2; exit 1; }
  sleep 0.1
done
curl -fsS -o /dev/null "$BASE/healthz" || { say "the server did not answer /healthz"; exit 1; }
sleep 2
# nginx on another free loopback port, as many workers as the server has I/O threads (one per core), serving a 1 KB
# file with its access log off (the server runs with --no-access-log): the same run measures it beside /healthz.
NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$DATA/nginx/www" "$DATA/nginx/tmp"
head -c 1024 /dev/zero | tr '\0' 'a' >"$DATA/nginx/www/index.html"
cat >"$DATA/nginx/nginx.conf" <<NGINX
worker_processes $(nproc);
pid $DATA/nginx/nginx.pid;
error_log $DATA/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $DATA/nginx/tmp; proxy_temp_path $DATA/nginx/tmp; fastcgi_temp_path $DATA/nginx/tmp;
  uwsgi_temp_path $DATA/nginx/tmp; scgi_temp_path $DATA/nginx/tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $DATA/nginx/www; }
}
NGINX
"$NGINX" -c "$DATA/nginx/nginx.conf" -p "$DATA/nginx" 2>"$DATA/nginx/start.log" ||
  { say "nginx did not start:"; cat "$DATA/nginx/start.log" >&2; exit 1; }
NGINX_CONF=$DATA/nginx/nginx.conf
NGINX_BASE=http://127.0.0.1:$NGINX_PORT
rss_kb() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$SERVER_PID/status"; }
IDLE_RSS_KB=$(rss_kb VmRSS)
say "server pid $SERVER_PID on $BASE, idle RSS $((IDLE_RSS_KB / 1024)) MB"

# The member directory is measured with MEMBERS members in "demo" (accounts, memberships, member types, profiles).
say "adding $MEMBERS members to the demo organisation"
python3 bench/members.py --database "$DB_URL" --org demo --count "$MEMBERS" >&2
# Issue #13: the signed-in home and a group's home, with ORG_GROUPS groups in "demo" (the demo's own among them)
# and the demo member in MY_GROUPS of them, filled with the members just added. It names the group to measure (one
# of the member's, with Markdown documents and 200 activity entries).
say "adding groups to the demo organisation ($ORG_GROUPS in all, the demo member in $MY_GROUPS)"
GROUPS_JSON=$(python3 bench/groups.py --database "$DB_URL" --org demo --groups "$ORG_GROUPS" \
  --person gareth@demo.example --person-groups "$MY_GROUPS")
say "groups: $GROUPS_JSON"
GROUP_ID=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["group"])' "$GROUPS_JSON")
# Issue #14: the board's discussion with TOPICS topics, a topic with 10,000 replies and one with 10 (the demo member
# Gareth is in the board).
say "adding a discussion to the co-production board ($TOPICS topics, one with 10,000 replies)"
DISCUSSION_JSON=$(python3 bench/discussions.py --database "$DB_URL" --topics "$TOPICS" --replies 10000)
say "discussion: $DISCUSSION_JSON"
json_of() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$DISCUSSION_JSON" "$1"; }
BOARD_ID=$(json_of group)
LONG_TOPIC=$(json_of long_topic)
SHORT_TOPIC=$(json_of short_topic)
# Meetings: the demo co-production board's meetings and its next meeting (the demo member is in the board).
db_one() { # SQL -> the first column of the first row
  case "$DB_URL" in
    sqlite:*) python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' \
      "${DB_URL#sqlite:}" "$1" ;;
    *) psql "$DB_URL" -X -q -t -A -c "$1" ;;
  esac
}
MEETING_ID=$(db_one "SELECT id FROM meetings WHERE title = 'Board meeting: next year''s plan'")
PAST_MEETING_ID=$(db_one "SELECT id FROM meetings WHERE title = 'Board meeting: checking the year so far'")
# "Find a time": the steering group's open poll (Tom, the facilitator, runs it and sees who answered what).
POLL_ID=$(db_one "SELECT id FROM meeting_time_polls WHERE title = 'Steering group: talking to carers about the draft'")
# Decisions: the board's open poll (the demo member voted in it) and its closed consent decision (results, answers,
# the resolved objection and the record).
DECISION_ID=$(db_one "SELECT id FROM decisions WHERE title = 'Where should the summer event be?'")
DECIDED_ID=$(db_one "SELECT id FROM decisions WHERE title = 'Hold board meetings in the early evening'")
# The board's closed ranked-choice decision (every round as a table) and its open dot vote.
RANKED_ID=$(db_one "SELECT id FROM decisions WHERE title = 'What should the small grant pay for first?'")
DOTS_ID=$(db_one "SELECT id FROM decisions WHERE title = 'Which training would help you most?'")
# The board's open "find a meeting time" decision (a yes / if I have to / no answer for each time).
MEETING_TIME_ID=$(db_one "SELECT id FROM decisions WHERE create_key = 'demo-decision-carers-cafe-time'")
# Series of open sessions: the demo monthly coffee morning (its report lists the new staff who have not come).
SERIES_ID=$(db_one "SELECT id FROM meeting_series WHERE title = 'Monthly coffee morning'")
# Its report's page starting halfway along the organisation's members, by name.
MEMBER_MIDDLE=$(db_one "SELECT ms.user_id FROM memberships ms JOIN organisations o ON o.id = ms.org_id WHERE \
o.slug = 'demo' ORDER BY ms.sort_name, ms.user_id LIMIT 1 OFFSET 5000")
# Notifications: 2,000 notices for the demo member about the board (the last 10 unread), so their page is one page of
# 25 by keyset among many.
db_exec() { # SQL, committed
  case "$DB_URL" in
    sqlite:*) python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()' \
      "${DB_URL#sqlite:}" "$1" ;;
    *) psql "$DB_URL" -X -q -c "$1" >/dev/null ;;
  esac
}
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO notices \
(org_id, user_id, group_id, kind, title, url, created_at, read_at, digest) SELECT m.org_id, u.id, $BOARD_ID, \
'discussion_post', 'Bench notice ' || n.i, '/o/demo/groups/$BOARD_ID/discussion', 1700000000 + n.i, \
CASE WHEN n.i > 1990 THEN NULL ELSE 1700000000 END, '' FROM n CROSS JOIN users u JOIN memberships m ON \
m.user_id = u.id JOIN organisations o ON o.id = m.org_id AND o.slug = 'demo' WHERE u.email = 'gareth@demo.example'"

# Decisions (issue #15): a closed named poll in the board with 40,000 voters (people who have since left the group),
# three options and member types, for the results page (totals kept at closing; too many rows for "who chose what" on
# the page, which links to its own pages instead).
db_exec "INSERT INTO decisions (org_id, group_id, title, body, process, anonymous, eligibility, opens_at, closes_at, \
closed_at, outcome, create_key, created_at, updated_at) SELECT org_id, id, 'Bench poll', 'Which one?', 'simple_poll', 0, \
'members', 1700000000, 1700086400, 1700086400, 'chosen', 'bench-poll', 1700000000, 1700000000 FROM org_groups \
WHERE id = $BOARD_ID"
db_exec "INSERT INTO decision_options (decision_id, position, text, easy_read) SELECT d.id, n.i, 'Option ' || n.i, '' \
FROM decisions d, (SELECT 1 AS i UNION ALL SELECT 2 UNION ALL SELECT 3) n WHERE d.create_key = 'bench-poll'"
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) INSERT INTO decision_voters \
(decision_id, org_id, user_id, member_types, voted_at) SELECT d.id, d.org_id, 1000000 + n.i, CASE n.i % 3 WHEN 0 THEN \
'lived_experience' WHEN 1 THEN 'unpaid_carer,lived_experience' ELSE 'staff' END, 1700000000 FROM n CROSS JOIN \
decisions d WHERE d.create_key = 'bench-poll'"
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) INSERT INTO decision_ballots \
(decision_id, ballot, voter_id, option_id, value) SELECT d.id, 'u' || (1000000 + n.i), 1000000 + n.i, (SELECT o.id \
FROM decision_options o WHERE o.decision_id = d.id AND o.position = 1 + n.i % 3), 1 FROM n CROSS JOIN decisions d \
WHERE d.create_key = 'bench-poll'"
# The dataset's statistics were gathered before these 40,000 rows: stale ones told SQLite the tables hold a few rows,
# so it scanned them rather than use their keys, on every proposal's page (30 million instructions a page).
db_exec "ANALYZE decision_voters"
db_exec "ANALYZE decision_ballots"
BENCH_POLL_ID=$(db_one "SELECT id FROM decisions WHERE create_key = 'bench-poll'")
# A closed anonymous ranked-choice poll with 40,000 ballots of 1 to 3 choices among 4 options (first choices 40/30/20/10
# per cent, so it takes several rounds), for the
# ranked results page: the ballots are read in one query and counted in C++.
db_exec "INSERT INTO decisions (org_id, group_id, title, body, process, anonymous, eligibility, opens_at, closes_at, \
closed_at, outcome, create_key, created_at, updated_at, rule_at_least, rule_half) SELECT org_id, id, 'Bench ranked', \
'Put them in order', 'ranked_choice', 1, 'members', 1700000000, 1700086400, 1700086400, 'chosen', 'bench-ranked', \
1700000000, 1700000000, 2, 1 FROM org_groups WHERE id = $BOARD_ID"
db_exec "INSERT INTO decision_options (decision_id, position, text, easy_read) SELECT d.id, n.i, 'Choice ' || n.i, '' \
FROM decisions d, (SELECT 1 AS i UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) n WHERE \
d.create_key = 'bench-ranked'"
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) INSERT INTO decision_voters \
(decision_id, org_id, user_id, member_types, voted_at) SELECT d.id, d.org_id, 1000000 + n.i, CASE n.i % 3 WHEN 0 THEN \
'lived_experience' ELSE 'staff' END, 1700000000 FROM n CROSS JOIN decisions d WHERE d.create_key = 'bench-ranked'"
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000), r(k) AS (SELECT 1 UNION ALL \
SELECT 2 UNION ALL SELECT 3) INSERT INTO decision_ballots (decision_id, ballot, voter_id, option_id, value) SELECT d.id, \
'r' || n.i, NULL, (SELECT o.id FROM decision_options o WHERE o.decision_id = d.id AND o.position = 1 + (CASE WHEN n.i % 10 < 4 THEN 0 \
WHEN n.i % 10 < 7 THEN 1 WHEN n.i % 10 < 9 THEN 2 ELSE 3 END + (r.k - 1) * (1 + 2 * (n.i % 2))) % 4), r.k FROM n CROSS JOIN r CROSS JOIN decisions d WHERE d.create_key = 'bench-ranked' AND r.k <= 1 + \
n.i % 3"
db_exec "ANALYZE decision_voters"
db_exec "ANALYZE decision_ballots"
BENCH_RANKED_ID=$(db_one "SELECT id FROM decisions WHERE create_key = 'bench-ranked'")
# The issue's "40,000 voters and 400,000 votes": a closed named score poll of 10 ideas, each of 40,000 people (who have
# since left the group) scoring every idea 0 to 5 (idea 10 the highest on average). Its page reads the sums kept at closing (ADR 0037; kept by the first
# view, as for a poll closed before migration 0055), and links to who chose what.
db_exec "INSERT INTO decisions (org_id, group_id, title, body, process, anonymous, eligibility, opens_at, closes_at, \
closed_at, outcome, create_key, created_at, updated_at, score_highest) SELECT org_id, id, 'Bench score poll', \
'Score each idea', 'score', 0, 'members', 1700000000, 1700086400, 1700086400, 'chosen', 'bench-score', 1700000000, \
1700000000, 5 FROM org_groups WHERE id = $BOARD_ID"
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) INSERT INTO decision_options \
(decision_id, position, text, easy_read) SELECT d.id, n.i, 'Idea ' || n.i, '' FROM n CROSS JOIN decisions d WHERE \
d.create_key = 'bench-score'"
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) INSERT INTO decision_voters \
(decision_id, org_id, user_id, member_types, voted_at) SELECT d.id, d.org_id, 2000000 + n.i, CASE n.i % 3 WHEN 0 THEN \
'lived_experience' ELSE 'staff' END, 1700000000 FROM n CROSS JOIN decisions d WHERE d.create_key = 'bench-score'"
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) INSERT INTO decision_ballots \
(decision_id, ballot, voter_id, option_id, value) SELECT d.id, 'u' || (2000000 + n.i), 2000000 + n.i, o.id, \
(n.i % 6 + o.position) / 3 FROM n CROSS JOIN decisions d JOIN decision_options o ON o.decision_id = d.id \
WHERE d.create_key = 'bench-score'"
db_exec "ANALYZE decision_voters"
db_exec "ANALYZE decision_ballots"
BENCH_SCORE_ID=$(db_one "SELECT id FROM decisions WHERE create_key = 'bench-score'")
# As closing does: how many took part is kept on each closed poll (the list of decisions reads it).
db_exec "UPDATE decisions SET took_part = (SELECT COUNT(*) FROM decision_voters v WHERE v.decision_id = decisions.id) \
WHERE create_key IN ('bench-poll', 'bench-ranked', 'bench-score')"

# Who chose what (issue #15): a closed named poll in a group of everyone in the organisation (10,000 members) but the
# demo member and facilitator (whose home pages are measured with their own groups), every one of whom voted; its own
# pages list them by name, 50 a page. Seen by Priya, one of them.
db_exec "INSERT INTO org_groups (org_id, name, purpose, kind, level, visibility, create_key, created_at, updated_at) \
SELECT id, 'Bench: the whole organisation', 'Everyone has a say.', 'standing', 'strategic', 'organisation', \
'bench-everyone', 1700000000, 1700000000 FROM organisations WHERE slug = 'demo'"
db_exec "INSERT INTO group_members (group_id, org_id, user_id, role, joined_at) SELECT g.id, g.org_id, m.user_id, \
'member', 1700000000 FROM org_groups g JOIN memberships m ON m.org_id = g.org_id JOIN users u ON u.id = m.user_id \
WHERE g.create_key = 'bench-everyone' AND u.email NOT IN ('gareth@demo.example', 'tom@demo.example')"
db_exec "INSERT INTO decisions (org_id, group_id, title, body, process, anonymous, eligibility, opens_at, closes_at, \
closed_at, outcome, create_key, created_at, updated_at) SELECT org_id, id, 'Bench named poll', 'Which one?', \
'simple_poll', 0, 'members', 1700000000, 1700086400, 1700086400, 'chosen', 'bench-named-poll', 1700000000, 1700000000 \
FROM org_groups WHERE create_key = 'bench-everyone'"
db_exec "INSERT INTO decision_options (decision_id, position, text, easy_read) SELECT d.id, n.i, 'Option ' || n.i, '' \
FROM decisions d, (SELECT 1 AS i UNION ALL SELECT 2 UNION ALL SELECT 3) n WHERE d.create_key = 'bench-named-poll'"
db_exec "INSERT INTO decision_voters (decision_id, org_id, user_id, member_types, voted_at) SELECT d.id, d.org_id, \
gm.user_id, gm.member_types, 1700000000 FROM decisions d JOIN group_members gm ON gm.group_id = d.group_id WHERE \
d.create_key = 'bench-named-poll'"
db_exec "INSERT INTO decision_ballots (decision_id, ballot, voter_id, option_id, value) SELECT d.id, 'u' || gm.user_id, \
gm.user_id, (SELECT o.id FROM decision_options o WHERE o.decision_id = d.id AND o.position = 1 + gm.user_id % 3), 1 \
FROM decisions d JOIN group_members gm ON gm.group_id = d.group_id WHERE d.create_key = 'bench-named-poll'"
db_exec "UPDATE decisions SET took_part = (SELECT COUNT(*) FROM decision_voters v WHERE v.decision_id = decisions.id) \
WHERE create_key = 'bench-named-poll'"
db_exec "ANALYZE decision_ballots"
NAMED_POLL_ID=$(db_one "SELECT id FROM decisions WHERE create_key = 'bench-named-poll'")
# A card comment's earlier versions: the demo's comment by Tom (the facilitator), changed once in the demo.
COMMENT_HISTORY_PATH=$(db_one "SELECT '/o/demo/cards/' || card_id || '/comments/' || id || '/history' FROM \
board_card_comments WHERE create_key = 'demo-board-respite-comment-2'")
# The page starting halfway along, by name.
NAMED_POLL_MIDDLE=$(db_one "SELECT gm.user_id FROM group_members gm JOIN org_groups g ON g.id = gm.group_id WHERE \
g.create_key = 'bench-everyone' ORDER BY gm.name, gm.user_id LIMIT 1 OFFSET 5000")

# Boards (issue #16): a board in the co-production board with 10 lists of 50 cards (every third with a label, every
# fourth with the demo member on it, every fifth with a dot from the facilitator, every seventh with a due date), for
# the board's page (500 cards, each with its move and dot forms), its results and a card.
db_exec "INSERT INTO boards (org_id, group_id, title, purpose, create_key, created_at, updated_at) SELECT org_id, id, \
'Bench board', 'Ten lists of fifty cards', 'bench-board', 1700000000, 1700000000 FROM org_groups WHERE id = $BOARD_ID"
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) INSERT INTO board_lists \
(board_id, position, title, create_key) SELECT b.id, n.i, 'List ' || n.i, 'bench-list-' || n.i FROM n CROSS JOIN boards b \
WHERE b.create_key = 'bench-board'"
db_exec "INSERT INTO board_labels (board_id, name, colour) SELECT b.id, 'Label ' || n.i, 'blue' FROM (SELECT 1 AS i \
UNION ALL SELECT 2 UNION ALL SELECT 3) n CROSS JOIN boards b WHERE b.create_key = 'bench-board'"
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO board_cards (org_id, \
board_id, list_id, position, title, description, due_date, create_key, created_at, updated_at) SELECT b.org_id, b.id, l.id, \
(n.i - 1) / 10 + 1, 'Bench card ' || n.i, 'Words about card ' || n.i, CASE WHEN n.i % 7 = 0 THEN '2027-01-15' ELSE '' END, \
'bench-card-' || n.i, 1700000000, 1700000000 FROM n CROSS JOIN boards b JOIN board_lists l ON l.board_id = b.id AND \
l.position = (n.i - 1) % 10 + 1 WHERE b.create_key = 'bench-board'"
db_exec "INSERT INTO board_card_labels (card_id, label_id) SELECT c.id, (SELECT MIN(id) FROM board_labels WHERE \
board_id = c.board_id) FROM board_cards c JOIN boards b ON b.id = c.board_id WHERE b.create_key = 'bench-board' AND c.id % 3 = 0"
db_exec "INSERT INTO board_card_people (card_id, board_id, org_id, user_id) SELECT c.id, c.board_id, c.org_id, u.id FROM \
board_cards c JOIN boards b ON b.id = c.board_id CROSS JOIN users u WHERE b.create_key = 'bench-board' AND \
u.email = 'gareth@demo.example' AND c.id % 4 = 0"
db_exec "INSERT INTO board_dots (card_id, board_id, org_id, user_id, dots) SELECT c.id, c.board_id, c.org_id, u.id, 1 FROM \
board_cards c JOIN boards b ON b.id = c.board_id CROSS JOIN users u WHERE b.create_key = 'bench-board' AND \
u.email = 'tom@demo.example' AND c.id % 5 = 0"
db_exec "ANALYZE board_cards"
BENCH_BOARD_ID=$(db_one "SELECT id FROM boards WHERE create_key = 'bench-board'")
BENCH_LIST_ID=$(db_one "SELECT MIN(id) FROM board_lists WHERE board_id = $BENCH_BOARD_ID")
BENCH_CARD_ID=$(db_one "SELECT id FROM board_cards WHERE create_key = 'bench-card-250'")

# Consensus finder (issue #15 item 8): a conversation in the board with 200 statements answered by 5,000 members of
# "demo" in four camps (three in four statements each), so its page lists 200 statements and its results place 5,000
# people. The results are worked out once and then kept for the votes version; bench/consensus_bench.cpp (target
# consensus_bench, built in release) measures working them out.
db_exec "INSERT INTO consensus_conversations (org_id, group_id, question, create_key, created_at, updated_at) SELECT \
org_id, id, 'Bench conversation', 'bench-conversation', 1700000000, 1700000000 FROM org_groups WHERE id = $BOARD_ID"
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO consensus_statements \
(org_id, conversation_id, body, create_key, created_at) SELECT c.org_id, c.id, 'Bench statement ' || n.i, \
'bench-statement-' || n.i, 1700000000 FROM n CROSS JOIN consensus_conversations c WHERE c.create_key = 'bench-conversation'"
db_exec "INSERT INTO consensus_votes (statement_id, conversation_id, org_id, user_id, vote, voted_at) SELECT s.id, \
s.conversation_id, s.org_id, m.user_id, CASE WHEN (s.id * 7 + (m.user_id % 4) * 13) % 5 < 2 THEN 1 WHEN \
(s.id * 7 + (m.user_id % 4) * 13) % 5 < 4 THEN -1 ELSE 0 END, 1700000000 FROM consensus_statements s JOIN \
consensus_conversations c ON c.id = s.conversation_id CROSS JOIN (SELECT user_id FROM memberships WHERE org_id = (SELECT id FROM organisations \
WHERE slug = 'demo') ORDER BY user_id LIMIT 5000) m WHERE c.create_key = 'bench-conversation' AND (s.id + m.user_id) % 4 <> 0"
BENCH_CONVERSATION_ID=$(db_one "SELECT id FROM consensus_conversations WHERE create_key = 'bench-conversation'")

# Closing the loop (issue #15): 2,000 contributions of the demo member in the board with a status, so the group's "You
# said, we did" and his "What happened to what I said" are one page of 25 by keyset among many.
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO loop_items \
(org_id, group_id, kind, contribution_id, author_id, title, href, you_said, status, detail, until_day, changed_at) \
SELECT g.org_id, g.id, 'topic', 1000000 + n.i, u.id, 'Bench contribution ' || n.i, '/topics/' || (1000000 + n.i), \
'Bench: you said ' || n.i, 'changed', 'Bench: we changed ' || n.i, NULL, 1700000000 + n.i FROM n CROSS JOIN \
org_groups g CROSS JOIN users u WHERE g.id = $BOARD_ID AND u.email = 'gareth@demo.example'"
db_exec "ANALYZE loop_items"

# Measures (issue #15): a group with a year of contributions (6,000 topics, one every 1.4 hours back from now, two in
# three with a status 1 to 9 days later) and 120 closed decisions, for its dashboard and the organisation's (which adds
# up every group the facilitator may see: the demo's, the ORG_GROUPS and this one).
MEASURES_NOW=$(date +%s)
db_exec "INSERT INTO org_groups (org_id, name, purpose, kind, level, visibility, stage, create_key, created_at, \
updated_at) SELECT id, 'Bench measures group', 'A year of contributions', 'project', 'group', 'organisation', 'define', \
'bench-measures', 1700000000, 1700000000 FROM organisations WHERE slug = 'demo'"
MEASURES_GROUP_ID=$(db_one "SELECT id FROM org_groups WHERE create_key = 'bench-measures'")
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) INSERT INTO discussion_topics \
(org_id, group_id, title, author_id, post_count, last_post_at, create_key, created_at) SELECT g.org_id, g.id, \
'Bench measured topic ' || n.i, u.id, 0, $MEASURES_NOW - n.i * 5000, 'bench-measured-' || n.i, \
$MEASURES_NOW - n.i * 5000 FROM n CROSS JOIN org_groups g CROSS JOIN users u WHERE g.id = $MEASURES_GROUP_ID AND \
u.email = 'gareth@demo.example'"
db_exec "INSERT INTO loop_items (org_id, group_id, kind, contribution_id, author_id, title, href, you_said, status, \
detail, until_day, changed_at) SELECT t.org_id, t.group_id, 'topic', t.id, t.author_id, t.title, '/topics/' || t.id, \
t.title, 'under_way', '', NULL, t.created_at + (1 + t.id % 9) * 86400 FROM discussion_topics t WHERE \
t.group_id = $MEASURES_GROUP_ID AND t.id % 3 <> 0"
db_exec "INSERT INTO loop_changes (item_id, org_id, status, detail, changed_by, changed_at, change_key) SELECT i.id, \
i.org_id, i.status, '', NULL, i.changed_at, 'bench-measured-' || i.id FROM loop_items i WHERE \
i.group_id = $MEASURES_GROUP_ID"
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120) INSERT INTO decisions (org_id, \
group_id, title, body, process, eligibility, opens_at, closes_at, closed_at, outcome, took_part, lived_took_part, \
rules_met, create_key, created_at, updated_at) SELECT g.org_id, g.id, 'Bench measured decision ' || n.i, 'Words', \
'simple_poll', 'members', $MEASURES_NOW - n.i * 250000, $MEASURES_NOW - n.i * 250000 + 86400, \
$MEASURES_NOW - n.i * 250000 + 86400, 'chosen', 5, n.i % 4, CASE WHEN n.i % 5 = 0 THEN 0 ELSE 1 END, \
'bench-measured-' || n.i, $MEASURES_NOW - n.i * 250000, $MEASURES_NOW - n.i * 250000 FROM n CROSS JOIN org_groups g \
WHERE g.id = $MEASURES_GROUP_ID"
db_exec "ANALYZE discussion_topics"

# Signed-in visitors loaded by --demo: the facilitator (organisation page, member directory) and a member (/account).
# Each of their requests loads the session, the person and their memberships from the database.
sign_in() { # email -> session cookie value
  local jar=$DATA/cookies-$1.txt token
  rm -f "$jar"
  token=$(curl -s -c "$jar" "$BASE/sign-in" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n1)
  curl -s -b "$jar" -c "$jar" -o /dev/null \
    --data "csrf_token=$token&email=$1&password=roundtable-demo" "$BASE/sign-in"
  awk '$6 == "rt_session" {print $7}' "$jar"
}
SESSION=$(sign_in tom%40demo.example)
[ -n "$SESSION" ] || { say "could not sign in as the demo facilitator"; exit 1; }
MEMBER_SESSION=$(sign_in gareth%40demo.example)
[ -n "$MEMBER_SESSION" ] || { say "could not sign in as the demo member"; exit 1; }
# One of the 10,000 people in the whole organisation's group (who chose what in its named poll).
VOTER_SESSION=$(sign_in priya%40demo.example)
[ -n "$VOTER_SESSION" ] || { say "could not sign in as the demo member Priya"; exit 1; }
# The organisation's newest member (the highest user id), with the demo password: every signed-in request reads the
# person by their id, and a plan that walked the users up to them (PostgreSQL's merge join, until 2026-12-07) cost
# 10 ms a request for them while the demo people, the first ids, saw none of it.
NEWEST_EMAIL=$(db_one "SELECT u.email FROM users u JOIN memberships m ON m.user_id = u.id JOIN organisations o ON \
o.id = m.org_id AND o.slug = 'demo' ORDER BY u.id DESC LIMIT 1")
db_exec "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'gareth@demo.example') \
WHERE email = '$NEWEST_EMAIL'"
NEWEST_SESSION=$(sign_in "${NEWEST_EMAIL//@/%40}")
[ -n "$NEWEST_SESSION" ] || { say "could not sign in as the newest member, $NEWEST_EMAIL"; exit 1; }
# The demo member's calendar feed (the meetings of his groups, no sign-in): an address got as a person gets one.
FEED_CSRF=$(curl -s -H "Cookie: rt_session=$MEMBER_SESSION" "$BASE/account/calendar" |
  sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n1)
FEED_PATH=$(curl -s -H "Cookie: rt_session=$MEMBER_SESSION" --data "csrf_token=$FEED_CSRF" "$BASE/account/calendar" |
  sed -n 's/.*value="https\{0,1\}:\/\/[^/"]*\(\/calendar\/[^"]*\.ics\)".*/\1/p' | head -n1)
[ -n "$FEED_PATH" ] || { say "could not get the demo member's calendar feed address"; exit 1; }

# name|path|auth (auth: the facilitator's session cookie; member: the member's; voter: Priya's; newest: the newest
# member's). Every page a module adds goes here.
SCENARIOS=(
  "plaintext|/healthz|"
  "nginx, a 1 KB static file (the limit here; not Roundtable)|@nginx/index.html|"
  "search (rare word)|/search?q=$RARE|"
  "search (common word)|/search?q=$COMMON|"
  "home (static HTML)|/|"
  "an organisation's accessibility statement|/accessibility/demo|"
  "organisations anyone may join|/organisations|"
  "a story found by search|/stories/demo-1|"
  "organisation page, signed in|/o/demo|auth"
  "/account, signed in as a member|/account|member"
  "/account, signed in as the newest of $MEMBERS members|/account|newest"
  "member directory ($MEMBERS members), signed in|/o/demo/people|auth"
  "member directory ($MEMBERS members), halfway along, signed in|/o/demo/people?after=$MEMBER_MIDDLE|auth"
  "member directory ($MEMBERS members), the unpaid carers (a quarter of them), signed in|/o/demo/people?type=unpaid_carer|auth"
  "member directory ($MEMBERS members), who share an interest (one person), signed in|/o/demo/people?interest=walking%20football|auth"
  "home, signed in (a member in $MY_GROUPS of $ORG_GROUPS groups)|/|member"
  "group home, signed in (a member; Markdown documents, 200 activity entries)|/o/demo/groups/$GROUP_ID|member"
  "list of groups, signed in (a member; $ORG_GROUPS groups, a page of 50)|/o/demo/groups|member"
  "a group's people, signed in (a member)|/o/demo/groups/$GROUP_ID/members|member"
  "a group's activity, signed in (a member; a page of 50 of 200 entries)|/o/demo/groups/$GROUP_ID/activity|member"
  "a group's stages, signed in (a member)|/o/demo/groups/$GROUP_ID/stage|member"
  "opportunities, signed in (a member)|/o/demo/opportunities|member"
  "a group's discussion, signed in (a member; $TOPICS topics, a page of 30)|/o/demo/groups/$BOARD_ID/discussion|member"
  "a topic with 10 replies, signed in (a member)|/o/demo/topics/$SHORT_TOPIC|member"
  "a topic with 10,000 replies, signed in (a member; the first page of 50)|/o/demo/topics/$LONG_TOPIC|member"
  "a topic with 10,000 replies, its last page, signed in (a member)|/o/demo/topics/$LONG_TOPIC?after=9951|member"
  "a group's meetings, signed in (a member)|/o/demo/groups/$BOARD_ID/meetings|member"
  "a meeting, signed in (a member who replied)|/o/demo/meetings/$MEETING_ID|member"
  "a meeting's agenda, signed in (a member)|/o/demo/meetings/$MEETING_ID/agenda|member"
  "a meeting's minutes, signed in (a member; published, with actions)|/o/demo/meetings/$PAST_MEETING_ID/minutes|member"
  "a meeting's support checklist, signed in (its facilitator; who needs what, ticks)|/o/demo/meetings/$MEETING_ID/checklist|auth"
  "a find-a-time poll, signed in (its facilitator; results and who answered what)|/o/demo/polls/$POLL_ID|auth"
  "a group's decisions, signed in (a member)|/o/demo/groups/$BOARD_ID/decisions|member"
  "a proposal with a poll, signed in (a member who voted)|/o/demo/decisions/$DECISION_ID|member"
  "a decided proposal, signed in (a member; consent answers, objections and the record)|/o/demo/decisions/$DECIDED_ID|member"
  "a closed poll with 40,000 voters, its results, signed in (a member)|/o/demo/decisions/$BENCH_POLL_ID|member"
  "a group's boards, signed in (a member)|/o/demo/groups/$BOARD_ID/boards|member"
  "a board of 10 lists x 50 cards, signed in (a member; each list's first 5 cards without their forms and a link to the rest, ADRs 0039 and 0046)|/o/demo/boards/$BENCH_BOARD_ID|member"
  "a list of 50 cards of that board, signed in (a member; move and dot forms on every card)|/o/demo/boards/$BENCH_BOARD_ID/lists/$BENCH_LIST_ID|member"
  "a board of 10 lists x 50 cards, most dots first, signed in (a member; each list's 5 cards with most dots, ADR 0046)|/o/demo/boards/$BENCH_BOARD_ID?sort=dots|member"
  "a board's dot results, signed in (a member; 100 cards with dots)|/o/demo/boards/$BENCH_BOARD_ID/results|member"
  "a group's conversations, signed in (a member)|/o/demo/groups/$BOARD_ID/conversations|member"
  "a conversation of 200 statements, signed in (a member: the next to answer and his answers)|/o/demo/conversations/$BENCH_CONVERSATION_ID|member"
  "a conversation's results, 5,000 people x 200 statements, signed in (a member; kept for the votes version)|/o/demo/conversations/$BENCH_CONVERSATION_ID/results|member"
  "a card comment's earlier versions, signed in (its author, who runs the group)|$COMMENT_HISTORY_PATH|auth"
  "a card on a board of 500 cards, signed in (a member)|/o/demo/cards/$BENCH_CARD_ID|member"
  "a closed ranked-choice decision, every round, signed in (a member)|/o/demo/decisions/$RANKED_ID|member"
  "an open dot vote, the ballot form, signed in (a member)|/o/demo/decisions/$DOTS_ID|member"
  "an open meeting-time decision, its answer form, signed in (a member)|/o/demo/decisions/$MEETING_TIME_ID|member"
  "a closed ranked-choice poll with 40,000 ballots, its rounds, signed in (a member)|/o/demo/decisions/$BENCH_RANKED_ID|member"
  "a closed score poll with 40,000 voters and 400,000 votes, its results, signed in (a member)|/o/demo/decisions/$BENCH_SCORE_ID|member"
  "who chose what in a closed poll of 10,000 people, its first page, signed in (one of them; 50 people a page by name)|/o/demo/decisions/$NAMED_POLL_ID/who-chose-what|voter"
  "who chose what in a closed poll of 10,000 people, halfway along, signed in (one of them)|/o/demo/decisions/$NAMED_POLL_ID/who-chose-what?after=$NAMED_POLL_MIDDLE|voter"
  "a group's power-sharing rules, signed in (its lead facilitator)|/o/demo/groups/$BOARD_ID/decisions/rules|auth"
  "a group's You said, we did, signed in (a member; 2,000 statuses, a page of 25)|/o/demo/groups/$BOARD_ID/you-said-we-did|member"
  "what happened to what I said, signed in (a member; 2,000 statuses, a page of 25)|/account/what-happened|member"
  "a group's measures, signed in (a member; a year of 6,000 contributions, 4,000 answered, 120 decisions)|/o/demo/groups/$MEASURES_GROUP_ID/measures|member"
  "the organisation's measures, signed in (a facilitator; every group it may see added up)|/o/demo/measures|auth"
  "a series of open sessions, signed in (a member)|/o/demo/series/$SERIES_ID|member"
  "a series' attendance report, signed in (the facilitator)|/o/demo/series/$SERIES_ID/report|auth"
  "a series' attendance report, halfway along the members, signed in (the facilitator)|/o/demo/series/$SERIES_ID/report?after=$MEMBER_MIDDLE|auth"
  "a series' attendance report, only who has not come, signed in (the facilitator)|/o/demo/series/$SERIES_ID/report?show=not_yet|auth"
  "the organisation's open sessions, signed in (a member)|/o/demo/open-sessions|member"
  "notifications, signed in (a member; 2,000 notices, a page of 25)|/o/demo/notifications|member"
  "how we contact you, signed in (a member; each of their groups)|/o/demo/notifications/settings|member"
  "your calendar feed's page, signed in (a member)|/account/calendar|member"
  "a calendar feed (a member's groups' meetings), no sign-in|$FEED_PATH|"
  "a group's You said, we did in easy read, signed in (a member; 2,000 statuses, a page of 25)|/o/demo/groups/$BOARD_ID/you-said-we-did/easy-read|member"
)
if [ -n "$ONLY" ]; then # plaintext and nginx, then the scenarios named
  kept=("${SCENARIOS[0]}" "${SCENARIOS[1]}")
  IFS=',' read -r -a words <<<"$ONLY"
  for s in "${SCENARIOS[@]:2}"; do
    for w in "${words[@]}"; do
      if [ -n "$w" ] && [[ "${s%%|*}" == *"$w"* ]]; then kept+=("$s"); break; fi
    done
  done
  SCENARIOS=("${kept[@]}")
  say "measuring ${#SCENARIOS[@]} scenarios (SCENARIOS=$ONLY)"
fi
url_for() { # path -> URL: "@nginx/..." is nginx's, the rest the server's
  case "$1" in @nginx/*) echo "$NGINX_BASE/${1#@nginx/}" ;; *) echo "$BASE$1" ;; esac
}
headers_for() { # auth -> wrk/curl header arguments
  if [ "$1" = auth ]; then printf '%s\n' -H "Cookie: rt_session=$SESSION"; fi
  if [ "$1" = member ]; then printf '%s\n' -H "Cookie: rt_session=$MEMBER_SESSION"; fi
  if [ "$1" = voter ]; then printf '%s\n' -H "Cookie: rt_session=$VOTER_SESSION"; fi
  if [ "$1" = newest ]; then printf '%s\n' -H "Cookie: rt_session=$NEWEST_SESSION"; fi
}

# PostgreSQL: the loads above (hundreds of thousands of rows) would wake autovacuum in the middle of the measurements
# (a run at 14:19 on 2026-12-07: p99 at 8 connections of 40-120 ms on every page while it worked). Vacuum and analyse
# now, so the runs measure the pages.
if [ -n "${BENCH_DATABASE_URL:-}" ]; then
  say "vacuuming and analysing the PostgreSQL database after the loads"
  # (The shared catalogues are the superuser's to vacuum: their warnings are not wanted here.)
  psql "$DB_URL" -X -q -c "SET client_min_messages TO error" -c "VACUUM (ANALYZE)" >/dev/null
  # And write out what the loads left in memory: otherwise PostgreSQL's checkpoints write it during the measurements
  # (its log on 2026-12-07: one from 18:39 to 18:44 and another from 18:49 to 18:52, inside a run of 18:39-18:56).
  # CHECKPOINT needs a superuser or the pg_checkpoint role (GRANT pg_checkpoint TO roundtable).
  if ! psql "$DB_URL" -X -q -c "CHECKPOINT" >/dev/null 2>&1; then
    say "could not run CHECKPOINT (needs pg_checkpoint): PostgreSQL may write the loads out during the runs"
  fi
fi

# Check every page answers 200 with what we expect before timing it.
for s in "${SCENARIOS[@]}"; do
  IFS='|' read -r _ path auth <<<"$s"
  mapfile -t hdr < <(headers_for "$auth")
  code=$(curl -s "${hdr[@]}" -o "$DATA/page.out" -w '%{http_code}' "$(url_for "$path")")
  [ "$code" = 200 ] || { say "$path answered $code"; exit 1; }
done
curl -s -o "$DATA/page.out" "$BASE/search?q=$RARE"
grep -q 'rt-search-result' "$DATA/page.out" || { say "the search page shows no results"; exit 1; }
# Signed in, / is the person's home (their groups), not the anonymous home page; the group's home shows its
# documents and its activity to a member.
mapfile -t hdr < <(headers_for member)
curl -s "${hdr[@]}" -o "$DATA/page.out" "$BASE/"
grep -q 'Your groups' "$DATA/page.out" || { say "/ signed in as the member is not their home"; exit 1; }
[ "$(grep -o 'govuk-summary-list__row' "$DATA/page.out" | wc -l)" -ge "$MY_GROUPS" ] ||
  { say "the member's home lists fewer than $MY_GROUPS groups"; exit 1; }
curl -s "${hdr[@]}" -o "$DATA/page.out" "$BASE/o/demo/groups/$GROUP_ID"
grep -q 'Terms of reference' "$DATA/page.out" && grep -q 'What happened lately' "$DATA/page.out" ||
  { say "group $GROUP_ID's home shows no documents or no activity"; exit 1; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
CLK_TCK=$(getconf CLK_TCK)
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
# Requests still queued when wrk stops (slow pages) would disturb the next run: wait until
# the whole machine is quiet (under 8 % CPU for half a second; this also covers PostgreSQL's
# processes and anything else running). If it never gets quiet, note it and stop waiting long.
cpu_busy_total() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
WAIT_CAP=60
BUSY_NOTE=
wait_idle() {
  local b0 t0 b1 t1
  for _ in $(seq 1 $((WAIT_CAP * 2))); do
    read -r b0 t0 < <(cpu_busy_total); sleep 0.5; read -r b1 t1 < <(cpu_busy_total)
    [ $(( (b1 - b0) * 100 )) -lt $(( (t1 - t0) * 8 )) ] && return 0
  done
  say "the machine is still busy after ${WAIT_CAP}s; measuring anyway"
  BUSY_NOTE="the machine did not go quiet between runs (other processes?): figures may be disturbed"
  WAIT_CAP=3
}
WRK_HEADERS=()
wrk_run() { # connections seconds url [rate per thread] -> BENCH line (sends WRK_HEADERS)
  wait_idle
  BENCH_RATE_PER_THREAD=${4:-0} timeout $(($2 + 30)) \
    wrk -t"$THREADS" -c"$1" -d"$2s" --timeout 5s "${WRK_HEADERS[@]}" -s bench/report.lua "$3" | grep '^BENCH '
}

ROWS=()
PLAIN_RPS=
for s in "${SCENARIOS[@]}"; do
  IFS='|' read -r name path auth <<<"$s"
  mapfile -t WRK_HEADERS < <(headers_for "$auth")
  url=$(url_for "$path")
  bytes=$(curl -s "${WRK_HEADERS[@]}" -o /dev/null -w '%{size_download}' "$url")
  say "$name: warm-up ${WARMUP}s"
  wrk_run "$CONNECTIONS" "$WARMUP" "$url" >/dev/null
  # The peak run is repeated (REPEAT) and the median by req/s kept: on a shared 2-core VM
  # single runs vary by up to a third.
  peaks=()
  cpu_total=0
  reqs_total=0
  for i in $(seq 1 "$REPEAT"); do
    say "$name: peak $i/$REPEAT, $CONNECTIONS connections, ${DURATION}s"
    wait_idle
    t0=$(cpu_ticks)
    line=$(wrk_run "$CONNECTIONS" "$DURATION" "$url")
    wait_idle  # the CPU the server spends on requests still queued when wrk stopped belongs to this run
    t1=$(cpu_ticks)
    peaks+=("$line")
    cpu_total=$((cpu_total + t1 - t0))
    reqs_total=$((reqs_total + $(field requests "$line")))
  done
  sorted=$(printf '%s\n' "${peaks[@]}" | awk '{split($4, a, "="); print a[2], $0}' | sort -n | cut -d' ' -f2-)
  peak=$(sed -n "$(( (REPEAT + 1) / 2 ))p" <<<"$sorted")
  rps_min=$(field rps "$(head -n1 <<<"$sorted")")
  rps_max=$(field rps "$(tail -n1 <<<"$sorted")")
  rps=$(field rps "$peak")
  cpu_us=$(python3 -c "print(f'{$cpu_total * 1e6 / $CLK_TCK / max($reqs_total, 1):.0f}')")
  [ -z "$PLAIN_RPS" ] && PLAIN_RPS=$rps
  rate=$(python3 -c "print(max(0.05, $rps / 2 / $THREADS))")
  say "$name: paced at half of peak ($(python3 -c "print(round($rps / 2))") req/s), ${DURATION}s"
  half=$(wrk_run "$CONNECTIONS" "$DURATION" "$url" "$rate")
  say "$name: $LOW_CONNECTIONS connections, ${DURATION}s"
  low=$(wrk_run "$LOW_CONNECTIONS" "$DURATION" "$url")
  errors=0
  for line in "${peaks[@]}" "$half" "$low"; do
    errors=$((errors + $(field errors "$line") + $(field non2xx "$line")))
  done
  ROWS+=("$name|$path|$bytes|$rps|$rps_min|$rps_max|$(field p50_ms "$peak")|$(field p99_ms "$peak")|$(field p99_ms "$half")|$(field rps "$half")|$(field p99_ms "$low")|$(field rps "$low")|$cpu_us|$errors")
done
# Plaintext once more at the end: if the machine's speed changed during the run (other
# tenants, compiles), the ratios above are off and the report says so.
say "plaintext again, to check the machine's speed did not change"
WRK_HEADERS=()
RECHECK=$(wrk_run "$CONNECTIONS" "$DURATION" "$BASE/healthz")
PLAIN_RECHECK_RPS=$(field rps "$RECHECK")
AFTER_RSS_KB=$(rss_kb VmRSS)
HWM_KB=$(rss_kb VmHWM)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report --------------------------------------------------------------------------------
REPORT=$(
  export PLAIN_RPS IDLE_RSS_KB AFTER_RSS_KB HWM_KB LOAD_BEFORE LOAD_AFTER DOCS PUBLIC_DOCS POSTS PROJECTS SEED \
    BACKEND THREADS CONNECTIONS LOW_CONNECTIONS DURATION SQL_LINES REPEAT COMMIT PLAIN_RECHECK_RPS BUSY_NOTE
  printf '%s\n' "${ROWS[@]}" | python3 bench/report.py
)
echo "$REPORT"
if [ -n "${RESULTS:-}" ]; then echo "$REPORT" >"$RESULTS"; say "report written to $RESULTS"; fi
