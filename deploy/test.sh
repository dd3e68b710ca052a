#!/usr/bin/env bash
# README's test command: every module's unit, @QuarkusTest and *IT tests against a real Kafka broker and a
# real PostgreSQL that the build starts itself (no Docker). Beyond the JDK, the tests need Debian's nodejs and
# npm (the OpenAPI lint), chromium and chromium-driver (the dashboard's browser test) and prometheus (promtool,
# the observability checks): installed here when missing and this user may (root with apt-get); otherwise the
# script stops before building, naming the missing packages (exit 2).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# The Debian package of each command the tests run.
find_missing() {
  missing=()
  local tool
  for tool in node:nodejs npm:npm chromium:chromium chromedriver:chromium-driver promtool:prometheus; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
  done
}
find_missing
if [ "${#missing[@]}" -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing the test tools: ${missing[*]}..."
  apt-get update -qq || true
  for pkg in "${missing[@]}"; do
    # promtool alone is wanted from prometheus, not the server's recommended extras.
    if [ "$pkg" = prometheus ]; then recommends=--no-install-recommends; else recommends=--install-recommends; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$recommends" "$pkg" >/dev/null || true
  done
  find_missing
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "deploy/test.sh: missing test tools (${missing[*]}); install them with: sudo apt-get install ${missing[*]}" >&2
  exit 2
fi
exec ./mvnw -B verify "$@"
