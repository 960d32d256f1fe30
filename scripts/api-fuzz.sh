#!/usr/bin/env bash
# Property-based API test: schemathesis (PyPI) generates requests from the server's own
# OpenAPI document, signed in as staff, and fails on any 5xx or on a response outside the
# documented schema. Part of scripts/test.sh; runs on its own too.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$LINLI_ROOT/scripts/postgres.sh"
cd "$LINLI_ROOT"

# CPython before 3.11.8 and 3.12.2 keeps one AST recursion counter per interpreter, so
# hypothesis parsing lambdas on two worker threads at once dies with "AST constructor
# recursion depth mismatch" (gh-106905). Prefer a fixed interpreter; otherwise one worker.
python=python3
workers=1
for candidate in python3.14 python3.13 python3.12 python3; do
    if "$candidate" -c 'import sys; v = sys.version_info[:3]; sys.exit(0 if v >= (3, 12, 2) or (3, 11, 8) <= v < (3, 12) else 1)' 2>/dev/null; then
        python=$candidate
        workers=2
        break
    fi
done
venv="$LINLI_TOOLS/venv-$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
if ! "$venv/bin/schemathesis" --version >/dev/null 2>&1; then
    say "Installing schemathesis"
    "$python" -m venv "$venv"
    "$venv/bin/pip" install -q "schemathesis>=4,<5"
fi

cargo build -q -p linli-server
data=$(mktemp -d /tmp/linli-fuzz.XXXXXX)
port=$(free_port)
LINLI_DATA_DIR=$data LINLI_BIND=127.0.0.1:$port LINLI_WEB_DIR=$data/web \
    LINLI_SIGN_IN_PER_PHONE=100000 LINLI_SIGN_IN_PER_ADDRESS=100000 RUST_LOG=warn \
    target/debug/linli-server >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

# Once as staff, once as the elderly resident (who has a family link and may ask for help),
# so that every role's endpoints get past authorisation.
status=0
for phone in 13800000001 13900000002; do
    say "schemathesis as $phone"
    token=$(curl -fsS -X POST -H 'content-type: application/json' \
        -d "{\"phone\":\"$phone\",\"password\":\"linli2026\"}" "$base/api/v1/auth/sign-in" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
    # The event stream never ends and sign-out would end the session the run uses.
    "$venv/bin/schemathesis" run "$base/api/v1/openapi.json" \
        -H "Authorization: Bearer $token" \
        --checks not_a_server_error,response_schema_conformance,content_type_conformance \
        --exclude-path /api/v1/events --exclude-path /api/v1/auth/sign-out \
        --max-time "${LINLI_FUZZ_SECONDS:-45}" --workers "$workers" --no-color || status=1
done
exit $status
