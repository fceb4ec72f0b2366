#!/usr/bin/env bash
# Run the suite (SQLite) against the lowest supported versions, the lower bounds in setup.cfg:
# Wagtail 7.4 LTS, Django 5.2, wagtail-localize 1.14, django-taggit 5, icalendar 5,
# django-comments-xtd 2.10 (the "test" extra brings the comments extra's dependency too).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-lowest/bin/python ]; then
  .venv/bin/python -m venv .venv-lowest
fi
.venv-lowest/bin/python -m pip install --quiet --disable-pip-version-check \
  "wagtail==7.4.*" "Django==5.2.*" "wagtail-localize==1.14.*" "django-taggit==5.*" \
  "icalendar==5.*" "django-comments-xtd==2.10.*" -e ".[test]"
.venv-lowest/bin/python - <<'PY'
import sys
from importlib.metadata import version

names = ["wagtail", "Django", "wagtail-localize", "django-comments-xtd", "django-taggit", "icalendar"]
print(f"==> Test suite on the lowest versions: SQLite, Python {sys.version.split()[0]}")
print("    " + ", ".join(f"{name} {version(name)}" for name in names))
PY
exec .venv-lowest/bin/python -m pytest -q "$@"
