#!/usr/bin/env bash
# One command: set up and start the demo site (SQLite, demo data, admin login).
# AVP_DEMO_ADDR=host:port (default 127.0.0.1:8000) is where the server listens; the demo's
# Wagtail sites (Näidiku and the neighbour naaber.localhost) take that port, so every
# absolute link (feeds, canonical URLs, links between the two sites) points there.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

ADDR="${AVP_DEMO_ADDR:-127.0.0.1:8000}"
export AVP_DEMO_ADMIN_USER="${AVP_DEMO_ADMIN_USER:-admin}"
export AVP_DEMO_ADMIN_PASSWORD="${AVP_DEMO_ADMIN_PASSWORD:-avp-demo-admin}"
HOST="${ADDR%:*}"
case "$HOST" in "$ADDR") HOST=127.0.0.1 ;; 0.0.0.0|"["*"]") HOST=localhost ;; esac
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://${HOST}:${ADDR##*:}}"
cd example_site
echo "==> Migrating the SQLite database (example_site/db.sqlite3)"
../.venv/bin/python manage.py migrate --noinput -v 0
echo "==> Building the demo content for http://${ADDR}/"
../.venv/bin/python manage.py load_demo --address "$ADDR"

cat <<INFO

  (the addresses above come from the demo's Wagtail sites: open them as printed)
  Stop the server with Ctrl+C. Run this script again to reset the demo content.
INFO
exec ../.venv/bin/python manage.py runserver "$ADDR"
