#!/usr/bin/env bash
# Ingest benchmark, rerunnable: starts a real Kafka broker (testkit) and the packaged ingest-service, sends
# the same generated events through POST /events as JSON batches and as one NDJSON stream, and measures,
# in the same run and against the same broker, Kafka's own ProducerPerformance for records of the same
# size with the producer settings the service uses. Everything it starts it stops; data under
# deploy/bench/out/ (git-ignored) is wiped at each run.
#
#   deploy/bench/ingest-bench.sh                 # 1,000,000 events, batches of 5,000, 4 concurrent senders
#   EVENTS=500000 CONCURRENCY=2 HEAP=256m deploy/bench/ingest-bench.sh
#   INGEST_OPTS="-Dnanopulse.ingest.producer.compression=lz4" deploy/bench/ingest-bench.sh
#
# Needs: JDK 17+, ./mvnw; builds ingest-service, loadgen (the generator, the sender and the broker launcher,
# io.nanopulse.loadgen.bench.ingest) and Kafka's perf tools (module loadgen/kafka-tools) if they are missing.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=$ROOT/deploy/bench
OUT=$BENCH/out
EVENTS=${EVENTS:-1000000}
WARMUP_EVENTS=${WARMUP_EVENTS:-300000}
BATCH=${BATCH:-5000}
CONCURRENCY=${CONCURRENCY:-4}
HEAP=${HEAP:-512m}
KAFKA_PORT=${KAFKA_PORT:-19192}
HTTP_PORT=${HTTP_PORT:-18081}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-19081}
INGEST_OPTS=${INGEST_OPTS:-}
# Keep in step with the service's producer (ingest-service PatentEventsProducer and nanopulse.ingest.producer.*).
PRODUCER_PROPS="acks=all enable.idempotence=true max.in.flight.requests.per.connection=5 linger.ms=10 batch.size=262144 compression.type=none"

cd "$ROOT"
mkdir -p "$OUT"
rm -rf "$OUT/kafka-data"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

log() { echo "[bench] $*" >&2; }

# --- builds ---------------------------------------------------------------------------------------------
[ -f ingest-service/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -pl ingest-service -am package -DskipTests
[ -f loadgen/target/classpath.txt ] && [ -d loadgen/target/classes ] && [ -d testkit/kafka-broker/target/libs ] \
  || ./mvnw -B -q -pl loadgen -am package -DskipTests
[ -d loadgen/kafka-tools/target/libs ] || ./mvnw -B -q -pl loadgen/kafka-tools package
TOOLS=$ROOT/loadgen/kafka-tools/target/libs
LOADGEN_CP="loadgen/target/classes:$(cat loadgen/target/classpath.txt)"

# --- broker -------------------------------------------------------------------------------------------
log "starting Kafka on 127.0.0.1:$KAFKA_PORT"
java -cp "$LOADGEN_CP" io.nanopulse.loadgen.bench.ingest.BenchBroker "$OUT/kafka-data" "$KAFKA_PORT" > "$OUT/broker.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 360); do grep -q '^READY' "$OUT/broker.log" && break; sleep 0.5; done
grep -q '^READY' "$OUT/broker.log" || { cat "$OUT/broker.log"; exit 1; }
BOOTSTRAP=127.0.0.1:$KAFKA_PORT

# --- ingest-service -----------------------------------------------------------------------------------
log "starting ingest-service on 127.0.0.1:$HTTP_PORT (-Xmx$HEAP)"
# shellcheck disable=SC2086
KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP java -Xmx"$HEAP" $INGEST_OPTS -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" \
  -jar ingest-service/target/quarkus-app/quarkus-run.jar > "$OUT/ingest.log" 2>&1 &
INGEST_PID=$!
PIDS+=($INGEST_PID)
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" || { tail -50 "$OUT/ingest.log"; exit 1; }

# --- data ---------------------------------------------------------------------------------------------
log "generating $EVENTS events (+ $WARMUP_EVENTS for warm-up)"
generate() { java -cp "$LOADGEN_CP" io.nanopulse.loadgen.bench.ingest.EventGenerator "$@"; }
generate ndjson "$EVENTS" 0 run > "$OUT/events.ndjson"
generate batches "$EVENTS" "$BATCH" run > "$OUT/events.batches"
generate ndjson "$WARMUP_EVENTS" 0 warm > "$OUT/warmup.ndjson"
generate batches "$WARMUP_EVENTS" "$BATCH" warm > "$OUT/warmup.batches"
RECORD_SIZE=$(( $(stat -c %s "$OUT/events.ndjson") / EVENTS - 1 ))

cpu_of() { awk '{print $14+$15}' "/proc/$1/stat"; }
send() { java -cp "$LOADGEN_CP" io.nanopulse.loadgen.bench.ingest.BatchSender "http://127.0.0.1:$HTTP_PORT/events" "$1" "$2"; }
raw() {
  # shellcheck disable=SC2086
  java -cp "$TOOLS/*" org.apache.kafka.tools.ProducerPerformance --topic bench-raw \
    --num-records "$1" --record-size "$RECORD_SIZE" --throughput -1 \
    --producer-props bootstrap.servers="$BOOTSTRAP" $PRODUCER_PROPS | tail -1
}

# JIT warm-up of both sides (a first run after a start measures the compilers too); results discarded.
log "warm-up"
send "$OUT/warmup.batches" "$CONCURRENCY" > /dev/null
send "$OUT/warmup.ndjson" 0 > /dev/null
raw "$WARMUP_EVENTS" > /dev/null

log "measuring: JSON batches of $BATCH, $CONCURRENCY concurrent senders"
c0=$(cpu_of "$INGEST_PID")
BATCHES=$(send "$OUT/events.batches" "$CONCURRENCY")
c1=$(cpu_of "$INGEST_PID")
log "measuring: one NDJSON stream"
NDJSON=$(send "$OUT/events.ndjson" 0)
c2=$(cpu_of "$INGEST_PID")
log "measuring: Kafka ProducerPerformance, $EVENTS records of $RECORD_SIZE bytes"
RAW=$(raw "$EVENTS")

rate() { sed -n 's/.*rate=\([0-9]*\).*/\1/p' <<< "$1"; }
RAW_RATE=$(sed -n 's/^[0-9]* records sent, \([0-9.]*\) records\/sec.*/\1/p' <<< "$RAW" | cut -d. -f1)
B=$(rate "$BATCHES"); N=$(rate "$NDJSON")
{
  echo "Ingest benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, load average before/after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "events per run: $EVENTS, avg event size: $RECORD_SIZE bytes, service heap: $HEAP, options: ${INGEST_OPTS:-none}"
  echo "POST /events JSON batches of $BATCH x$CONCURRENCY: $BATCHES  (service CPU $(( (c1 - c0) * 10000 / EVENTS )) us/event)"
  echo "POST /events one NDJSON stream:       $NDJSON  (service CPU $(( (c2 - c1) * 10000 / EVENTS )) us/event)"
  echo "Kafka ProducerPerformance (raw):       $RAW"
  echo "ratio to raw producer: batches $(( B * 100 / RAW_RATE ))%, ndjson $(( N * 100 / RAW_RATE ))%"
} | tee "$OUT/result-$(date +%Y%m%d-%H%M%S).txt"
