#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (tools that download their own browser cannot run on these machines).
# Installs it when it is missing and this user may (root with apt-get); otherwise says what to do.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium_path" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "The browser tests need Chromium at $chromium_path: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
  exit 1
fi
