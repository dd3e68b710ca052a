#!/usr/bin/env bash
# Share and ranking queries through the gateway at a fixed rate, measured with hey (apt-get install hey).
# Runs against a running platform (deploy/run.sh): creates two read keys with the admin key, then sends
# RATE requests/s in total for DURATION, half to /api/v1/rankings and half to /api/v1/figures (share of CN),
# and prints p50/p99 of each. It is a benchmark, not a test: the goal is p99 < 25 ms at 2,000 requests/s.
# The admin key is read from a file (ADMIN_KEY_FILE, default .run/admin-key) or NANOPULSE_ADMIN_KEY and reaches
# curl on its standard input, never on a command line. hey takes headers only as arguments, so the two read
# keys it uses are issued for this run and revoked when it ends.
#
#   deploy/bench/gateway-bench.sh                     gateway on http://127.0.0.1:8080, admin key from .run/admin-key
#   GATEWAY=http://127.0.0.1:18080 ADMIN_KEY_FILE=/path/to/admin-key RATE=2000 DURATION=30s deploy/bench/gateway-bench.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
gateway="${GATEWAY:-http://127.0.0.1:8080}"
rate="${RATE:-2000}"
duration="${DURATION:-30s}"
workers="${WORKERS:-16}"   # per endpoint; each worker sends rate/2/workers requests per second
admin_key="${NANOPULSE_ADMIN_KEY:-}"
key_file="${ADMIN_KEY_FILE:-$root/.run/admin-key}"
if [ -z "$admin_key" ] && [ -f "$key_file" ]; then admin_key="$(<"$key_file")"; fi
command -v hey >/dev/null || { echo "hey is missing: apt-get install -y hey" >&2; exit 2; }
[ -n "$admin_key" ] || { echo "no admin key: set ADMIN_KEY_FILE or run deploy/run.sh first" >&2; exit 2; }

# An admin call; the Authorization header goes to curl as a config on stdin (printf is a shell builtin).
admin_curl() {
  printf 'header = "Authorization: Bearer %s"\n' "$admin_key" | curl -fsS -K - "$@"
}
new_read_key() {
  admin_curl -X POST "$gateway/api/v1/admin/keys" -H 'Content-Type: application/json' \
    -d "{\"principal\":\"bench\",\"roles\":[\"read\"],\"description\":\"gateway-bench $1\"}"
}
# Rate limits are per key (read: 2000/s by default): one key per endpoint keeps the bench under them.
issued_rankings="$(new_read_key rankings)"
issued_figures="$(new_read_key figures)"
key_rankings="$(sed -E 's/.*"key":"([^"]+)".*/\1/' <<<"$issued_rankings")"
key_figures="$(sed -E 's/.*"key":"([^"]+)".*/\1/' <<<"$issued_figures")"
revoke_keys() {
  for issued in "$issued_rankings" "$issued_figures"; do
    admin_curl -o /dev/null -X DELETE "$gateway/api/v1/admin/keys/$(sed -E 's/.*"apiKey":\{"id":([0-9]+).*/\1/' <<<"$issued")" || true
  done
}
trap revoke_keys EXIT

per_worker=$(( rate / 2 / workers ))
out="${OUT_DIR:-$root/deploy/bench/out}"
mkdir -p "$out"
rankings_url="$gateway/api/v1/rankings?kind=COUNTRY&metric=share&window=P5Y&limit=10"
figures_url="$gateway/api/v1/figures?kind=COUNTRY&key=CN&window=P12M"

# Warm-up (JIT, connection pools), then the measured run of both endpoints at once.
hey -z 10s -c "$workers" -q "$per_worker" -H "Authorization: Bearer $key_rankings" "$rankings_url" >/dev/null
hey -z 10s -c "$workers" -q "$per_worker" -H "Authorization: Bearer $key_figures" "$figures_url" >/dev/null
hey -z "$duration" -c "$workers" -q "$per_worker" -H "Authorization: Bearer $key_rankings" "$rankings_url" > "$out/gateway-rankings.txt" &
p1=$!
hey -z "$duration" -c "$workers" -q "$per_worker" -H "Authorization: Bearer $key_figures" "$figures_url" > "$out/gateway-figures.txt" &
p2=$!
wait "$p1" "$p2"

report() {
  local name="$1" file="$2"
  local rps p50 p99 codes
  rps=$(awk '/Requests\/sec/ {print $2}' "$file")
  p50=$(awk '/ 50% in / {print $3}' "$file")
  p99=$(awk '/ 99% in / {print $3}' "$file")
  codes=$(sed -n '/Status code distribution/,/^$/p' "$file" | tail -n +2 | tr -s ' ' | tr '\n' ' ')
  awk -v n="$name" -v r="$rps" -v a="$p50" -v b="$p99" -v c="$codes" \
    'BEGIN { printf "%-9s %8s req/s   p50 %6.1f ms   p99 %6.1f ms   %s\n", n, r, a * 1000, b * 1000, c }'
}
echo "gateway $gateway, target $rate requests/s in total for $duration ($workers workers per endpoint)"
report rankings "$out/gateway-rankings.txt"
report figures "$out/gateway-figures.txt"
