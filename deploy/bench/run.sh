#!/usr/bin/env bash
# The whole-platform benchmark, one command (io.nanopulse.loadgen.bench.Bench, one class per step): starts the
# platform on a fresh data folder and measures
#   1. raw limits: Kafka ProducerPerformance / ConsumerPerformance (250-byte records), PostgreSQL patent-row inserts
#   2. end-to-end replay of the demo corpus (first request → metrics API shows every event applied, verified exact),
#      after a warm-up with a tenth-size corpus of another seed (verified too); --cold replays on the just-started platform
#   3. metrics-service alone: query latency on the replayed corpus, and backlog drains timed through its progress API
#   4. alert latency (ingest acknowledgement → webhook received) under 1,000 events/s of background load
#   5. gateway query latency at 2,000 requests/s (hey)
#   6. each service's start-up time and peak RSS
# Writes deploy/bench/out/results.json and results.html and prints a table. Everything it starts it stops.
#   deploy/bench/run.sh          # the full corpus (1.24 million events)
#   deploy/bench/run.sh 0.1      # a tenth
#   deploy/bench/run.sh 1.0 --cold   # the replay right after start-up, no warm-up
# It runs `deploy/nanopulse bench` (io.nanopulse.loadgen.bench.Bench) after building.
# Issue #23's goals instead (io.nanopulse.loadgen.bench.Goals), each run on fresh platforms: start-up (platform and
# each service alone), RSS after the cold demo, alert latency (1,000 samples, each hop), the cold demo and the whole
# corpus as one NDJSON request (exact) beside Kafka's ProducerPerformance; writes deploy/bench/out/goals.json and
# goals.html and prints one table of every goal, its target, each run's figure and whether it is met:
#   deploy/bench/run.sh --goals [--runs N] [scale]   # 3 runs by default, the full corpus
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
case "${1:-}" in
  -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
esac
goals=()
if [ "${1:-}" = --goals ]; then
  goals=(--goals --runs 3)
  shift
  if [ "${1:-}" = --runs ]; then
    [ -n "${2:-}" ] || { echo "--runs needs a number" >&2; exit 2; }
    goals=(--goals --runs "$2")
    shift 2
  fi
fi
scale="${1:-1.0}"
out="$root/deploy/bench/out"
mkdir -p "$out"
if [ "${#goals[@]}" = 0 ] && ! command -v hey >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null
  else
    echo "the gateway latency step needs hey (apt-get install hey)" >&2; exit 1
  fi
fi
# Builds the services, loadgen and Kafka's perf tools (module loadgen/kafka-tools).
./mvnw -q -B -DskipTests package
# The load generator shares the two cores with the platform it measures: the serial collector has no
# concurrent threads competing with it (G1, the default here, marks the generated corpus over and over).
NANOPULSE_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
  exec "$root/deploy/nanopulse" bench --root "$root" "${goals[@]}" "$scale" ${2:+"$2"}
