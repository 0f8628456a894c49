#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on 127.0.0.1 (tests and CI only: fsync off) and prints its URL.
# Usage: scripts/pg-start.sh [port]   — stop with scripts/pg-stop.sh
set -euo pipefail
PORT="${1:-55432}"
PGBIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL 15 is not installed: apt-get install -y postgresql-15 postgresql-contrib" >&2
  exit 1
fi
DIR="${PGTMP:-/tmp/haven-pg-$PORT}"
if [ -f "$DIR/data/postmaster.pid" ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
fi
rm -rf "$DIR" && mkdir -p "$DIR" && chown postgres "$DIR"
runuser -u postgres -- "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
