#!/usr/bin/env bash
# Linli, run: installs what is missing, builds the web app, starts the server on an embedded
# SQLite file in ./data (the demo community is created on the first start), and opens the
# desktop window when there is a display. Ctrl-C stops everything; the data stays.
#
#   scripts/run.sh                 # http://127.0.0.1:8080
#   LINLI_BIND=0.0.0.0:8080 scripts/run.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$LINLI_ROOT"

ensure_build_tools
want_window=
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${LINLI_NO_WINDOW:-}" ]; then
    want_window=1
    ensure_shell_deps
fi

say "Building the web app"
bash scripts/build-web.sh
say "Building the server"
cargo build --release -p linli-server
if [ -n "$want_window" ]; then
    say "Building the desktop shell"
    cargo build --release -p linli --features custom-protocol
fi

export LINLI_BIND="${LINLI_BIND:-127.0.0.1:8080}"
export LINLI_DATA_DIR="${LINLI_DATA_DIR:-$LINLI_ROOT/data}"
target/release/linli-server &
server=$!
window=
stop() {
    [ -n "$window" ] && kill "$window" 2>/dev/null
    kill -TERM "$server" 2>/dev/null
    wait "$server" 2>/dev/null
}
trap stop INT TERM EXIT

url="http://${LINLI_BIND/0.0.0.0/127.0.0.1}"
for _ in $(seq 1 100); do
    curl -fsS "$url/healthz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { echo "the server did not start" >&2; exit 1; }
    sleep 0.1
done
if [ -n "$want_window" ]; then
    LINLI_SERVER_URL="$url" target/release/linli &
    window=$!
fi
say "Linli is at $url/ (Ctrl-C to stop)"
wait "$server"
