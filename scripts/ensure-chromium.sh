#!/usr/bin/env bash
# Playwright cannot download its own browser on these machines, so the e2e tests
# drive Debian's Chromium. Install it when absent (needs root and apt).
set -euo pipefail
if [ -x /usr/bin/chromium ] || [ -n "${PLAYWRIGHT_CHROMIUM_PATH:-}" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium from Debian for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
else
  echo "No /usr/bin/chromium: install Chromium (e.g. 'sudo apt-get install chromium') or set PLAYWRIGHT_CHROMIUM_PATH." >&2
  exit 1
fi
