# Sourced by test.sh: a throwaway PostgreSQL cluster on a loopback port, torn down on exit.
# Exports LINLI_TEST_POSTGRES_URL for the server tests.

postgres_bin_dir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return; }
    done
    command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ] && { pg_config --bindir; return; }
    command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return; }
    return 1
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_postgres() {
    local bin dir port as_owner=()
    bin=$(postgres_bin_dir) || { echo "PostgreSQL is not installed" >&2; return 1; }
    dir=$(mktemp -d /tmp/linli-pg.XXXXXX)
    port=$(free_port)
    # initdb refuses to run as root: run the cluster as the postgres system user then.
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$dir"
        as_owner=(runuser -u postgres --)
    fi
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -A trust -U linli --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
        || { cat "$dir/server.log" >&2; return 1; }
    LINLI_PG_DIR=$dir
    LINLI_PG_STOP=("${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop)
    export LINLI_TEST_POSTGRES_URL="postgres://linli@127.0.0.1:$port/postgres"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_postgres() {
    [ -n "${LINLI_PG_DIR:-}" ] || return 0
    "${LINLI_PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$LINLI_PG_DIR"
    LINLI_PG_DIR=
}
