#!/usr/bin/env bash
# Create .venv (Python 3.11+) and install the package with its "test" extra (which brings the
# comments extra's django-comments-xtd too: the tests and the demo use resident comments).
# A new .venv gets the newest versions the pins in setup.cfg allow on its Python; Django 6
# needs Python 3.12+, so on 3.11 that is Django 5.2 (scripts/test_newest.sh tests Django 6).
# Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

pick_python() {
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "Python 3.11 or newer is needed (python3.11 not found)." >&2
  exit 1
}

if [ ! -x .venv/bin/python ]; then
  echo "==> Creating .venv"
  "$(pick_python)" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
fi
echo "==> Installing avp-wagtail and its test dependencies into .venv"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
