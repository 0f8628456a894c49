#!/usr/bin/env bash
# Stops the throwaway PostgreSQL that scripts/pg-start.sh started on this port and removes its directory.
# Usage: scripts/pg-stop.sh [port]
set -euo pipefail
PORT="${1:-55432}"
TMP="${TMPDIR:-/tmp}"
STATE="$TMP/haven-pg-$PORT.dir"
if [ ! -f "$STATE" ]; then
  echo "pg-stop: no server started by pg-start.sh is recorded for port $PORT" >&2
  exit 1
fi
DIR="$(cat "$STATE")"
case "$DIR" in
  "$TMP"/haven-pg-"$PORT".*) ;;
  *) echo "pg-stop: $STATE names $DIR, not a pg-start.sh directory: left alone" >&2; exit 1 ;;
esac
if [ -f "$DIR/data/postmaster.pid" ]; then
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$DIR/data" -m fast stop >/dev/null
fi
rm -rf "$DIR"
rm -f "$STATE"
