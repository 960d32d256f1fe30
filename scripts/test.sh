#!/usr/bin/env bash
# Linli, test: installs what is missing and runs every test: unit tests, server integration
# tests on SQLite and on a throwaway PostgreSQL, browser end-to-end and accessibility (axe-core)
# tests in headless Chromium against the real server, API fuzzing from the OpenAPI document,
# and the desktop smoke test of the Tauri window under Xvfb.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$LINLI_ROOT/scripts/postgres.sh"
cd "$LINLI_ROOT"
started=$SECONDS
# Keep a copy of everything for the closing count.
log=$(mktemp /tmp/linli-test.XXXXXX)
exec > >(tee "$log") 2>&1

ensure_build_tools
ensure_shell_deps
ensure_test_deps
ensure_axe_core

say "Building the web app"
bash scripts/build-web.sh

say "Starting PostgreSQL"
trap stop_postgres EXIT
start_postgres

say "Unit, server integration (SQLite + PostgreSQL) and browser end-to-end tests"
export LINLI_REQUIRE_POSTGRES=1 LINLI_REQUIRE_BROWSER=1
cargo test --workspace --exclude linli --no-fail-fast

say "API fuzzing against the OpenAPI document (schemathesis)"
bash scripts/api-fuzz.sh

say "Desktop smoke test (Tauri window under Xvfb)"
bash scripts/desktop-smoke.sh

# Helpers the desktop session started (a portal, say) may still print as they notice that
# their display is gone; let them finish before the closing lines.
sleep 2
say "All tests passed in $((SECONDS - started)) s"
# The plain closing line: every Rust test counted across the runs above.
awk '/^test result:/ { passed += $4; failed += $6 } END { printf "%d passed, %d failed\n", passed, failed }' "$log"
rm -f "$log"
