#!/usr/bin/env bash
# Starts the whole Nanopulse platform on this machine (loopback only): PostgreSQL, Kafka, the topics and
# the four services. Needs only a JDK 17+. Ctrl-C or deploy/stop.sh stops everything.
#   deploy/run.sh            build what is needed, then start
#   deploy/run.sh --no-build start from what was built before
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done
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
launcher_opts=(-Xmx256m -Dnanopulse.root="$root" -Dslf4j.internal.verbosity=WARN)
exec java "${launcher_opts[@]}" -cp "$cp" io.nanopulse.testkit.platform.Main
