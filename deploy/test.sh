#!/usr/bin/env bash
# README's test command: every module's unit, @QuarkusTest and *IT tests against a real Kafka broker and a
# real PostgreSQL that the build starts itself (no Docker). The dashboard's browser test needs Debian's
# chromium and chromium-driver, the observability checks Debian's promtool (package prometheus): installed here
# when missing and this user may (root), else named.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium and chromium-driver for the dashboard browser test..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "The dashboard browser test needs chromium and chromium-driver (e.g. sudo apt-get install chromium chromium-driver)." >&2
  fi
fi
# The Prometheus config, alerting rules and /q/metrics checks run Debian's promtool (package prometheus).
if ! command -v promtool >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing promtool (Debian package prometheus) for the observability checks..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  else
    echo "The observability tests need promtool (e.g. sudo apt-get install prometheus); they fail without it." >&2
  fi
fi
exec ./mvnw -B verify "$@"
