#!/usr/bin/env bash
# The long crash test: 1,000 kill -9s of a venue under load, each followed by recovery checks
# (test/core/crash.test.ts). Takes about ten minutes on the project machine.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
KAPITA_CRASH_KILLS="${1:-1000}" npx vitest run test/core/crash.test.ts --testTimeout=7200000
