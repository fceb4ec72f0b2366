#!/usr/bin/env bash
# One command: install what is needed and run the whole test suite.
# SQLite by default; set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test for PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
echo "==> Running the test suite on ${DATABASE_URL:-SQLite}"
exec .venv/bin/python -m pytest "$@"
