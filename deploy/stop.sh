#!/usr/bin/env bash
# Stops a platform started by deploy/run.sh (services first, then Kafka and PostgreSQL).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${NANOPULSE_DATA_DIR:-$root/.run}"
pidfile="$data/platform.pid"
if [ ! -f "$pidfile" ] || ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "Nanopulse is not running."
  exit 0
fi
pid="$(cat "$pidfile")"
kill -TERM "$pid"
for _ in $(seq 1 120); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "Nanopulse stopped."; exit 0; }
  sleep 0.5
done
echo "Nanopulse (pid $pid) did not stop within 60 s" >&2
exit 1
