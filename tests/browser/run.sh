#!/usr/bin/env bash
# Browser tests: Debian's Chromium via playwright-core, axe-core and the Nu HTML checker, against the real server.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f public/manifest.json ] || { echo "public/ is not built: run scripts/build first"; exit 1; }
# Node applies --test-timeout to each file as a whole as well as to each test, so it bounds a whole file here;
# pages.test.mjs gives each page its own, shorter limit. Two files run side by side: each starts its own server,
# mail sink and browser, so they share nothing, and the short journeys finish while pages.test.mjs is still going.
exec node --test --test-concurrency=2 --test-timeout=1200000 tests/browser/
