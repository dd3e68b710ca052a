#!/usr/bin/env bash
# Checks the Prometheus configs, the alerting rules (syntax and unit tests) and, when the services run,
# their /q/metrics output, with Prometheus's own promtool (Debian package `prometheus`: installed here
# when missing and this user may, i.e. root with apt-get).
#   deploy/observability/check.sh                 config and rules only
#   deploy/observability/check.sh --metrics       also scrape the management ports 127.0.0.1:9080-9083 (deploy/run.sh running)
# The build runs the same checks: system-tests ObservabilityConfigTest and ServiceMetricsIT.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
if ! command -v promtool >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing promtool (Debian package prometheus)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  else
    echo "promtool is missing: install Debian's 'prometheus' package (sudo apt-get install prometheus)." >&2
    exit 1
  fi
fi
promtool check config prometheus.yml
promtool check config prometheus-kubernetes.yml
promtool check rules rules/nanopulse-alerts.yml
promtool test rules tests/nanopulse-alerts.test.yml
if [ "${1:-}" = "--metrics" ]; then
  status=0
  for port in "${NANOPULSE_GATEWAY_MANAGEMENT_PORT:-9080}" "${NANOPULSE_INGEST_MANAGEMENT_PORT:-9081}" \
      "${NANOPULSE_METRICS_MANAGEMENT_PORT:-9082}" "${NANOPULSE_ALERTS_MANAGEMENT_PORT:-9083}"; do
    echo "promtool check metrics < http://127.0.0.1:$port/q/metrics"
    # Exit 1 is an unparsable exposition; 3 is style lint (libraries' names such as Kafka's *_time_ns_total).
    rc=0
    curl -fsS -H 'Accept: text/plain' "http://127.0.0.1:$port/q/metrics" | promtool check metrics || rc=$?
    if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then status=1; fi
  done
  exit "$status"
fi
