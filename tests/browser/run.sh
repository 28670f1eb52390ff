#!/usr/bin/env bash
# Browser tests: Debian's Chromium via playwright-core, axe-core and the Nu HTML checker, against the real server.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f public/manifest.json ] || { echo "public/ is not built: run scripts/build first"; exit 1; }
# Node applies --test-timeout to each file as a whole as well as to each test, so it bounds a whole file here;
# pages.mjs gives each page its own, shorter limit. Three files run side by side: each starts its own server, mail
# sink and browser, so they share nothing. The runner takes files in name order, so the two longest, every page in
# English and in Welsh (a11y_pages_*.test.mjs), start first and the short journeys fill the third place meanwhile.
# Most of a browser test's time is spent waiting on Chromium or the server: on two cores the stage used about
# three quarters of one core with two files at a time.
exec node --test --test-concurrency="${BROWSER_CONCURRENCY:-3}" --test-timeout=1200000 tests/browser/
