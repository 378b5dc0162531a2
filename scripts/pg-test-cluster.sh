#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the server tests.
#   scripts/pg-test-cluster.sh start   → prints a DATABASE_URL on stdout
#   scripts/pg-test-cluster.sh stop    → stops it and deletes its files
# PostgreSQL refuses to run as root, so as root the cluster runs as the
# `postgres` user. Uses Debian's server binaries (/usr/lib/postgresql/*/bin).
set -euo pipefail

PG_PORT="${PG_TEST_PORT:-55432}"
STATE_DIR="${PG_TEST_DIR:-/tmp/bookside-pg-test}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$PG_BIN" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ -f "$STATE_DIR/data/postmaster.pid" ] && as_owner "$PG_BIN/pg_ctl" -D "$STATE_DIR/data" status >/dev/null 2>&1; then
      echo "postgres://postgres@127.0.0.1:$PG_PORT/postgres"
      exit 0
    fi
    rm -rf "$STATE_DIR"
    mkdir -p "$STATE_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$STATE_DIR"
    as_owner "$PG_BIN/initdb" -D "$STATE_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$STATE_DIR/initdb.log" 2>&1 \
      || { cat "$STATE_DIR/initdb.log" >&2; exit 1; }
    # Loopback only, socket in the cluster's own directory; fsync off: test data is disposable.
    as_owner "$PG_BIN/pg_ctl" -D "$STATE_DIR/data" -l "$STATE_DIR/server.log" -w -t 30 \
      -o "-k $STATE_DIR -p $PG_PORT -h 127.0.0.1 -c fsync=off -c max_connections=200" start >&2 \
      || { cat "$STATE_DIR/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$PG_PORT/postgres"
    ;;
  stop)
    if [ -d "$STATE_DIR/data" ]; then
      as_owner "$PG_BIN/pg_ctl" -D "$STATE_DIR/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$STATE_DIR"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
