#!/usr/bin/env bash
# Run the suite on the core package alone: config.settings.test_core leaves the optional
# comments app (avp_wagtail.comments, django_comments_xtd, django_comments) out of
# INSTALLED_APPS and refuses to import it. Tests that need comments are left out by
# tests/conftest.py (modules naming the app, tests/comments/, @pytest.mark.comments).
# Extra arguments go to pytest (default: -m "not browser" -n 2 --dist loadfile).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
if [ "$#" -eq 0 ]; then
  set -- -m "not browser" -n 2 --dist loadfile
fi
echo "==> Core suite without the comments app (config.settings.test_core)"
(cd example_site && DJANGO_SETTINGS_MODULE=config.settings.test_core "../$PYTHON" manage.py check --fail-level WARNING)
DJANGO_SETTINGS_MODULE=config.settings.test_core exec "$PYTHON" -m pytest -q "$@"
