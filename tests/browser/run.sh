#!/usr/bin/env bash
# Browser tests: Debian's Chromium via playwright-core, axe-core and the Nu HTML checker, against the real server.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f public/manifest.json ] || { echo "public/ is not built: run scripts/build first"; exit 1; }
# Node applies --test-timeout to each file as a whole as well as to each test, so it bounds a whole file here;
# pages.mjs gives each page its own, shorter limit. Two files run side by side: each starts its own server, mail
# sink and browser, so they share nothing. The runner takes files in name order, so the two longest, every page in
# English and in Welsh (a11y_pages_*.test.mjs), start first, and the short journeys follow as each finishes.
exec node --test --test-concurrency="${BROWSER_CONCURRENCY:-2}" --test-timeout=1200000 tests/browser/
