#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on 127.0.0.1 (tests and CI only: fsync off) and prints its URL.
# Usage: scripts/pg-start.sh [port]   — stop it (and remove its directory) with scripts/pg-stop.sh [port]
# The cluster lives in a fresh mktemp directory; its path is recorded in $STATE below so pg-stop.sh
# finds it. A port held by anything this script did not start is never touched: it refuses.
set -euo pipefail
PORT="${1:-55432}"
PGBIN=/usr/lib/postgresql/15/bin
TMP="${TMPDIR:-/tmp}"
STATE="$TMP/haven-pg-$PORT.dir"
if [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL 15 is not installed: apt-get install -y postgresql-15 postgresql-contrib" >&2
  exit 1
fi
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

# A server this script started earlier on this port (recorded, and its postmaster.pid names the port) is
# stopped and its directory removed; a stale record (server gone) is just cleaned up.
if [ -f "$STATE" ]; then
  OLD="$(cat "$STATE")"
  if [ -f "$OLD/data/postmaster.pid" ] && [ "$(sed -n 4p "$OLD/data/postmaster.pid")" = "$PORT" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$OLD/data" -m fast stop >/dev/null 2>&1 || true
  fi
  case "$OLD" in "$TMP"/haven-pg-"$PORT".*) rm -rf "$OLD" ;; esac
  rm -f "$STATE"
fi
if listening; then
  echo "pg-start: port $PORT on 127.0.0.1 is in use by something this script did not start; choose another port." >&2
  exit 1
fi

DIR="$(mktemp -d "$TMP/haven-pg-$PORT.XXXXXX")"
trap 'rm -rf "$DIR"' ERR
chown postgres "$DIR"
runuser -u postgres -- "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
if ! runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
  echo "pg-start: PostgreSQL did not start on port $PORT:" >&2
  tail -n 5 "$DIR/log" >&2 || true
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
  exit 1
fi
trap - ERR
echo "$DIR" >"$STATE"
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
