#!/usr/bin/env bash
# Build the wheel, check what it contains, install it into a fresh virtualenv next to a
# brand-new `wagtail start` site, add avp_wagtail to INSTALLED_APPS (the README's steps)
# and run a smoke test against the installed package, not the source tree.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "==> Building the wheel"
rm -rf build dist
.venv/bin/python -m pip wheel --quiet --no-deps --wheel-dir dist .
WHEEL="$(ls dist/avp_wagtail-*.whl)"

echo "==> Checking the wheel's contents"
.venv/bin/python - "$WHEEL" <<'PY'
import sys
import zipfile

names = zipfile.ZipFile(sys.argv[1]).namelist()
required = [
    "avp_wagtail/migrations/0001_initial.py",
    "avp_wagtail/templates/avp_wagtail/action_plan_page.html",
    "avp_wagtail/templates/avp_wagtail/includes/interest_form.html",
    "avp_wagtail/templates/avp_wagtail/emails/interest_body.txt",
    "avp_wagtail/static/avp_wagtail/css/avp_wagtail.css",
    "avp_wagtail/static/avp_wagtail/css/avp_wagtail_print.css",
    "avp_wagtail/templates/avp_wagtail/blocks/plan_at_a_glance.html",
    "avp_wagtail/templates/avp_wagtail/admin/open_data_form.html",
    "avp_wagtail/templates/avp_wagtail/network_page.html",
    "avp_wagtail/locale/et/LC_MESSAGES/django.mo",
    "avp_wagtail/locale/ru/LC_MESSAGES/django.mo",
    "avp_wagtail/comments/migrations/0001_initial.py",
    "avp_wagtail/templates/avp_wagtail/comments/thread.html",
    "avp_wagtail/templates/avp_wagtail/comments/admin/confirm_bulk_action.html",
    "avp_wagtail/templates/avp_wagtail/comments/emails/confirm_body.txt",
]
missing = [name for name in required if name not in names]
leaked = [n for n in names if n.startswith(("tests/", "example_site/", "demo/", "config/"))]
print(f"{len(names)} files in the wheel")
if missing or leaked:
    sys.exit(f"missing: {missing}\nshould not be in the wheel: {leaked}")
PY

echo "==> Installing the wheel into a fresh virtualenv"
.venv/bin/python -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$WHEEL"

echo "==> Creating a site with 'wagtail start' and adding avp_wagtail"
cd "$WORK"
"$WORK/venv/bin/wagtail" start smokesite >/dev/null
cd smokesite
cat >> smokesite/settings/base.py <<'PY'

INSTALLED_APPS += ["avp_wagtail"]  # the one line the README asks for
PY
"$WORK/venv/bin/python" manage.py migrate --noinput -v 0
"$WORK/venv/bin/python" manage.py check
"$WORK/venv/bin/python" manage.py makemigrations --check --dry-run avp_wagtail
echo "==> Smoke test against the installed package"
"$WORK/venv/bin/python" manage.py shell < "$ROOT/scripts/smoke/installed_package_smoke.py"

echo "==> Adding resident comments as docs/comments.md says"
cat >> smokesite/settings/base.py <<'PY'

INSTALLED_APPS += [
    "avp_wagtail.comments",
    "django_comments_xtd",
    "django_comments",
    "wagtail.contrib.settings",
    "django.contrib.sites",
]
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "avp_wagtail.comments.models.AvpComment"
COMMENTS_XTD_FORM_CLASS = "avp_wagtail.comments.forms.AvpCommentForm"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_SALT = "smoke-test-salt"
PY
"$WORK/venv/bin/python" - smokesite/urls.py <<'PY'
import sys
from pathlib import Path

urls = Path(sys.argv[1])
text = urls.read_text()
text = text.replace(
    "urlpatterns = [",
    'urlpatterns = [\n    path("comments/", include("avp_wagtail.comments.urls")),'
    '\n    path("avp/", include("avp_wagtail.urls")),',
    1,
)
urls.write_text(text)
PY
"$WORK/venv/bin/python" manage.py migrate --noinput -v 0
"$WORK/venv/bin/python" manage.py makemigrations --check --dry-run avp_wagtail avp_comments
"$WORK/venv/bin/python" manage.py shell < "$ROOT/scripts/smoke/comments_smoke.py"
