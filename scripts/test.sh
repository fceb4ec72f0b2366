#!/usr/bin/env bash
# One command: install what is needed (Python packages, Debian's Chromium) and run the whole
# test suite, browser and accessibility tests included. Extra arguments go to pytest, e.g.
# -m "not browser". SQLite by default; DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
# for PostgreSQL. Screenshots of the browser tests go to artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/install_chromium.sh
echo "==> Running the test suite on ${DATABASE_URL:-SQLite}"
exec .venv/bin/python -m pytest "$@"
