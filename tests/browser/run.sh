#!/usr/bin/env bash
# Browser tests: Debian's Chromium via playwright-core, axe-core and the Nu HTML checker, against the real server.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f public/manifest.json ] || { echo "public/ is not built: run scripts/build first"; exit 1; }
# Node applies --test-timeout to each file as a whole as well as to each test, so it bounds a whole file here;
# pages.test.mjs gives each page its own, shorter limit.
exec node --test --test-concurrency=1 --test-timeout=1200000 tests/browser/
