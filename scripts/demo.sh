#!/usr/bin/env bash
# One command: set up and start the demo site (SQLite, demo data, admin login).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

ADDR="${AVP_DEMO_ADDR:-127.0.0.1:8000}"
export AVP_DEMO_ADMIN_USER="${AVP_DEMO_ADMIN_USER:-admin}"
export AVP_DEMO_ADMIN_PASSWORD="${AVP_DEMO_ADMIN_PASSWORD:-avp-demo-admin}"
cd example_site
echo "==> Migrating the SQLite database (example_site/db.sqlite3)"
../.venv/bin/python manage.py migrate --noinput -v 0
echo "==> Building the demo content"
../.venv/bin/python manage.py load_demo

cat <<INFO

  Demo site:      http://${ADDR}/
  Programme page: http://${ADDR}/et/avatud-valitsemine/  (also /en/open-government-in-naidiku/, /ru/...)
  Network page:   http://${ADDR}/et/avatud-valitsemine/vorgustik/
  Neighbouring municipality (a second site): http://naaber.localhost:${ADDR##*:}/
  Wagtail admin:  http://${ADDR}/admin/
  Admin login:    ${AVP_DEMO_ADMIN_USER} / ${AVP_DEMO_ADMIN_PASSWORD}

  Stop the server with Ctrl+C. Run this script again to reset the demo content.
INFO
exec ../.venv/bin/python manage.py runserver "$ADDR"
