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

# The web app (Debian's rustc, its own target folder) builds while the native tests compile:
# each has long stretches on one core (link-time optimisation and wasm-opt; linking).
say "Building the web app (in the background) and the native tests"
web_log=$(mktemp /tmp/linli-web.XXXXXX)
bash scripts/build-web.sh >"$web_log" 2>&1 &
web=$!
trap 'kill $web 2>/dev/null || true; stop_postgres' EXIT
cargo test --workspace --exclude linli --no-run
building_web=$SECONDS
web_status=0
wait $web || web_status=$?
cat "$web_log"
rm -f "$web_log"
[ "$web_status" = 0 ] || { echo "error: the web app did not build" >&2; exit 1; }
say "The web app was ready $((SECONDS - building_web)) s after the native tests"

say "Starting PostgreSQL"
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
