#!/usr/bin/env bash
# Build the sdist and, from it, the wheel (as pip does from a source release); check that the
# build says nothing about package data and what each archive contains; install the wheel
# into a fresh virtualenv next to a brand-new `wagtail start` site, set that site up by
# pasting the docs' snippets as they are written (the Python blocks marked
# `<!-- smoke: settings -->` / `<!-- smoke: urls -->` in docs/installation.md, then in
# docs/comments.md, extracted by scripts/smoke/doc_snippets.py) and run a smoke test against
# the installed package, not the source tree: first without the comments extra, then with it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "==> Building the sdist, and the wheel from it"
rm -rf build dist
.venv/bin/python -c 'import build' 2>/dev/null ||
  .venv/bin/python -m pip install --quiet --disable-pip-version-check build
if ! .venv/bin/python -m build --outdir dist . >"$WORK/build.log" 2>&1; then
  cat "$WORK/build.log"
  exit 1
fi
# Package data must be declared: setuptools' "would be ignored" warnings and MANIFEST.in
# patterns that match nothing fail the build here. (Its "byte-compiling is disabled" lines
# only say that PYTHONDONTWRITEBYTECODE is set.)
if grep -n -i -E "would be ignored|absent from the .packages|no (previously-included )?(files|directories) (found )?matching" "$WORK/build.log"; then
  echo "The build warns about package data (above; the whole log: dist/build.log)" >&2
  cp "$WORK/build.log" dist/build.log
  exit 1
fi
grep -i -E "warning[: ]" "$WORK/build.log" | grep -v "byte-compiling is disabled" || true
WHEEL="$ROOT/$(ls dist/avp_wagtail-*.whl)"
SDIST="$ROOT/$(ls dist/avp_wagtail-*.tar.gz)"

echo "==> Checking the archives' contents"
.venv/bin/python - "$WHEEL" "$SDIST" <<'PY'
import sys
import tarfile
import zipfile
from pathlib import Path

wheel = set(zipfile.ZipFile(sys.argv[1]).namelist())
sdist = {name.split("/", 1)[1] for name in tarfile.open(sys.argv[2]).getnames() if "/" in name}
# Every file under avp_wagtail/ (modules, templates, static, locale, any data file), but
# bytecode and hidden files.
source = {
    path.as_posix()
    for path in Path("avp_wagtail").rglob("*")
    if path.is_file()
    and "__pycache__" not in path.parts
    and path.suffix not in {".pyc", ".pyo"}
    and not any(part.startswith(".") for part in path.parts)
}
problems = []
for name, archive in (("wheel", wheel), ("sdist", sdist)):
    missing = sorted(source - archive)
    if missing:
        problems.append(f"missing from the {name}: {missing}")
    stray = sorted(n for n in archive if n.startswith("avp_wagtail/") and n.endswith(".pyc"))
    if stray:
        problems.append(f"bytecode in the {name}: {stray}")
    leaked = sorted(
        n for n in archive if n.startswith(("tests/", "example_site/", "demo/", "config/"))
    )
    if leaked:
        problems.append(f"should not be in the {name} (tests need a checkout): {leaked}")
if not any(n.endswith(".dist-info/licenses/LICENSE") for n in wheel):
    problems.append("no LICENSE in the wheel's .dist-info")
if "LICENSE" not in sdist:
    problems.append("no LICENSE in the sdist")
data = [n for n in source if not n.endswith(".py")]
print(f"wheel: {len(wheel)} files; sdist: {len(sdist)} files; every one of the {len(source)}")
print(f"files under avp_wagtail/ ({len(data)} of them data: templates, static, locale...) in both")
if problems:
    sys.exit("\n".join(problems))
PY

paste_snippets() { # KIND DOC FILE: append the doc's snippets of that kind to the site's file
  echo "    $2 ($1) -> $3"
  "$ROOT/.venv/bin/python" "$ROOT/scripts/smoke/doc_snippets.py" "$1" "$ROOT/$2" >>"$3"
}
PY_SITE="$WORK/venv/bin/python"

echo "==> Installing the wheel (no extras) into a fresh virtualenv"
.venv/bin/python -m venv "$WORK/venv"
"$PY_SITE" -m pip install --quiet --disable-pip-version-check "$WHEEL"
"$PY_SITE" - <<'PY'
from importlib.metadata import version
from importlib.util import find_spec

print("    " + ", ".join(f"{n} {version(n)}" for n in ("wagtail", "Django", "wagtail-localize")))
assert find_spec("django_comments_xtd") is None, "django-comments-xtd came without the extra"
PY

echo "==> Creating a site with 'wagtail start' and setting it up as docs/installation.md says"
cd "$WORK"
"$WORK/venv/bin/wagtail" start smokesite >/dev/null
cd smokesite
paste_snippets settings docs/installation.md smokesite/settings/base.py
paste_snippets urls docs/installation.md smokesite/urls.py
"$PY_SITE" manage.py migrate --noinput -v 0
"$PY_SITE" manage.py check
"$PY_SITE" manage.py makemigrations --check --dry-run avp_wagtail
echo "==> Smoke test against the installed package"
"$PY_SITE" manage.py shell <"$ROOT/scripts/smoke/installed_package_smoke.py"

echo "==> Installing the comments extra and adding resident comments as docs/comments.md says"
"$PY_SITE" -m pip install --quiet --disable-pip-version-check "${WHEEL}[comments]"
paste_snippets settings docs/comments.md smokesite/settings/base.py
paste_snippets urls docs/comments.md smokesite/urls.py
export COMMENTS_XTD_SALT="smoke-test-salt-$(date +%s)-long-enough-for-the-check"
"$PY_SITE" manage.py migrate --noinput -v 0
"$PY_SITE" manage.py check
"$PY_SITE" manage.py makemigrations --check --dry-run avp_wagtail avp_comments
"$PY_SITE" manage.py shell <"$ROOT/scripts/smoke/comments_smoke.py"
echo "==> Wheel smoke test passed"
