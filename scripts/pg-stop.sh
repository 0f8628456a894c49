#!/usr/bin/env bash
# Stops the throwaway PostgreSQL started by scripts/pg-start.sh.
set -euo pipefail
PORT="${1:-55432}"
DIR="${PGTMP:-/tmp/haven-pg-$PORT}"
runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$DIR/data" -m fast stop >/dev/null
