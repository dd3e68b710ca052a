#!/usr/bin/env bash
# Starts the whole Nanopulse platform on this machine (loopback only): PostgreSQL, Kafka, the topics and
# the four services. Needs only a JDK 17+. Ctrl-C or deploy/stop.sh stops everything.
#   deploy/run.sh            build what is needed, then start
#   deploy/run.sh --no-build start from what was built before
#   deploy/run.sh --demo     also load the calibrated 25-year demo corpus once everything is ready
#   deploy/run.sh --show-admin-key  print the admin API key (kept in <data folder>/admin-key, mode 600) and exit
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build=1
demo=0
show_key=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --demo) demo=1 ;;
    --show-admin-key) show_key=1 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done
if [ "$show_key" = 1 ]; then
  key_file="${NANOPULSE_DATA_DIR:-$root/.run}/admin-key"
  [ -f "$key_file" ] || { echo "no admin key yet: the first deploy/run.sh creates $key_file" >&2; exit 1; }
  cat "$key_file"
  exit 0
fi
if [ "$build" = 1 ]; then
  echo "Building Nanopulse (./mvnw package, tests skipped; run README's test command for those)..."
  ./mvnw -q -B -DskipTests package
fi
data="${NANOPULSE_DATA_DIR:-$root/.run}"
mkdir -p "$data"
if [ -f "$data/platform.pid" ] && kill -0 "$(cat "$data/platform.pid")" 2>/dev/null; then
  echo "Nanopulse already runs (pid $(cat "$data/platform.pid")); deploy/stop.sh stops it." >&2
  exit 1
fi
cp="testkit/target/classes:$(cat testkit/target/classpath.txt)"
# The JDK of JAVA_HOME when set, else the java on the PATH; the services run on the same one.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The launcher only starts and watches processes: a small heap and the quick C1 compiler leave the CPU to the services.
launcher_opts=(-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dnanopulse.root="$root" -Dslf4j.internal.verbosity=WARN -Djava.util.logging.manager=org.jboss.logmanager.LogManager)
if [ "$demo" = 0 ]; then
  exec "$java" "${launcher_opts[@]}" -cp "$cp" io.nanopulse.testkit.platform.Main
fi
# --demo: the launcher runs in the background until the platform is ready, then the load generator fills it.
"$java" "${launcher_opts[@]}" -cp "$cp" io.nanopulse.testkit.platform.Main &
launcher=$!
trap 'kill -TERM "$launcher" 2>/dev/null; wait "$launcher"' INT TERM
gateway="http://127.0.0.1:${NANOPULSE_GATEWAY_PORT:-8080}"
# Ready when the launcher has written its own pid: it does so once every service answers ready.
until [ "$(cat "$data/platform.pid" 2>/dev/null)" = "$launcher" ]; do
  kill -0 "$launcher" 2>/dev/null || exit 1
  sleep 1
done
if [ -f "$data/demo-expected.json" ]; then
  # Its events are on the platform already (a second copy would be all duplicates): say so, do not resend.
  echo "The demo corpus was loaded into this data folder before ($data/demo-expected.json);" \
    "deploy/nanopulse demo --seed 7 --key-file $data/admin-key loads another."
  echo "Dashboard: $gateway/  (Ctrl-C or deploy/stop.sh stops Nanopulse)"
  wait "$launcher"
  exit
fi
echo "Loading the demo corpus through $gateway (progress below; every figure it changes is checked against the generator's record)..."
# The key reaches the command line through its environment or a file, never its arguments.
demo=("$root/deploy/nanopulse" demo --gateway "$gateway" --data-dir "$data")
if [ -n "${NANOPULSE_ADMIN_KEY:-}" ]; then
  NANOPULSE_API_KEY="$NANOPULSE_ADMIN_KEY" "${demo[@]}" || echo "The demo did not end exact (see above); Nanopulse keeps running." >&2
else
  "${demo[@]}" --key-file "$data/admin-key" || echo "The demo did not end exact (see above); Nanopulse keeps running." >&2
fi
echo "Dashboard: $gateway/  (Ctrl-C or deploy/stop.sh stops Nanopulse)"
wait "$launcher"
