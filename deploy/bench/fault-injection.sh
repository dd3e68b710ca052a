#!/usr/bin/env bash
# The fault-injection suite at full scale, one command: the same FaultInjectionIT that `./mvnw verify`
# runs in CI at a reduced scale, with a larger corpus, the webhook receiver down a full minute, and the whole
# fault sequence repeated (kill -9 metrics and alerts, Kafka and PostgreSQL stopped mid-ingest, receiver
# down, hostile burst). It ends with a table of the faults survived and fails if any figure, refusal or
# webhook delivery is wrong. Everything it starts it stops; the platform's data and logs stay under
# system-tests/target/platform-faults-*/.
#   deploy/bench/fault-injection.sh                      # scale 0.25 (~310,000 events), 3 rounds, receiver down 60 s
#   SCALE=1.0 ROUNDS=1 deploy/bench/fault-injection.sh   # the whole 1.24-million-event corpus
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests install
exec ./mvnw -B -pl system-tests verify -Dit.test=FaultInjectionIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dnanopulse.fault.scale="${SCALE:-0.25}" -Dnanopulse.fault.rounds="${ROUNDS:-3}" \
  -Dnanopulse.fault.outageSeconds="${OUTAGE_SECONDS:-20}" -Dnanopulse.fault.receiverDownSeconds="${RECEIVER_DOWN_SECONDS:-60}"
