#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives it; it never downloads one).
# Does nothing when $AVP_CHROMIUM (default /usr/bin/chromium) is already there.
set -euo pipefail
CHROMIUM="${AVP_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<MSG
No Chromium at $CHROMIUM, and no apt-get to install Debian's package. Install Chromium your
system's way and point the tests to it: AVP_CHROMIUM=/path/to/chromium scripts/test.sh
(or leave the browser tests out: scripts/test.sh -m "not browser").
MSG
  exit 1
fi
echo "==> Installing Debian's chromium (for the browser tests)"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
"$CHROMIUM" --version
