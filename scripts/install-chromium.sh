#!/usr/bin/env bash
# Installs Debian's `chromium` for the docs browser test (test/docs.browser.test.ts), which
# drives it with playwright-core at /usr/bin/chromium. Idempotent: does nothing when the browser
# is already there. Needs root (CI containers run as root); otherwise says what to run.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [[ -x "$CHROMIUM" ]]; then
  echo "install-chromium: $CHROMIUM is present ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: $CHROMIUM is missing and apt-get is not available on this system." >&2
  echo "install-chromium: install a Chromium build at $CHROMIUM by other means to run the docs browser test." >&2
  exit 1
fi

if [[ "$(id -u)" -ne 0 ]]; then
  echo "install-chromium: $CHROMIUM is missing and installing it needs root." >&2
  echo "install-chromium: run: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi

echo "install-chromium: $CHROMIUM is missing; installing Debian's chromium package…"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium

if [[ ! -x "$CHROMIUM" ]]; then
  echo "install-chromium: apt-get installed chromium but $CHROMIUM does not exist; check the package's layout." >&2
  exit 1
fi
echo "install-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")."
