#!/usr/bin/env bash
# Browser tests: Debian's Chromium via playwright-core, axe-core and the Nu HTML checker, against the real server.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f public/manifest.json ] || { echo "public/ is not built: run scripts/build first"; exit 1; }
exec node --test --test-concurrency=1 --test-timeout=120000 tests/browser/
