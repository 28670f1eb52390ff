#!/usr/bin/env bash
# Integration tests: the real binary on a free loopback port. ROUNDTABLE_TEST_DATABASE=sqlite (default) or the
# URL of a PostgreSQL 15 server's database (scripts/pg-test start DIR prints one); each server gets a fresh database.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x build/roundtable ] || { echo "build/roundtable is missing: run scripts/build first"; exit 1; }
[ -f public/manifest.json ] || { echo "public/ is not built: run scripts/build first"; exit 1; }
# Three files at a time: most of a file's time is spent waiting (timeouts, restarts, email), not computing.
# A file may take up to 5 minutes (the limit is for a hang): on a busy two-core machine groups.test.mjs and
# cli.test.mjs have taken over 3.
# One server migrates a database and loads the demo once; the tests' servers start from copies of it (harness.mjs).
template=$(node tests/integration/template.mjs make)
trap 'node tests/integration/template.mjs drop "$template" || true' EXIT
export ROUNDTABLE_TEST_TEMPLATE="$template"
status=0
node --test --test-concurrency="${INTEGRATION_CONCURRENCY:-3}" --test-timeout=300000 tests/integration/ || status=$?
# The tests' result, whatever removing the template answers.
exit "$status"
