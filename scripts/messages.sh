#!/usr/bin/env bash
# Refresh avp_wagtail's translation catalogues (et, ru) and compile them.
# Needs GNU gettext (apt-get install gettext). Fill new msgstr entries, then run again.
set -euo pipefail
cd "$(dirname "$0")/../avp_wagtail"
export DJANGO_SETTINGS_MODULE=config.settings.dev PYTHONPATH=../example_site:..
../.venv/bin/django-admin makemessages -l et -l ru --no-obsolete --add-location=file
../.venv/bin/django-admin compilemessages
for po in locale/*/LC_MESSAGES/django.po; do
  printf '%s: ' "$po"
  msgfmt --statistics -o /dev/null "$po"
done
