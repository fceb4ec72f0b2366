#!/usr/bin/env bash
# Run the suite against the newest versions the pins in setup.cfg allow (the upper end of the
# supported range): the newest Wagtail 8.x, Django 6.x and the other dependencies, upgraded
# eagerly on every run. Django 6 needs Python 3.12 or newer, so .venv-newest is made with
# the newest of python3.14/3.13/3.12 on PATH or in pyenv; .venv (scripts/bootstrap.sh) is on
# Python 3.11 and so tests Django 5.2. Extra arguments go to pytest; DATABASE_URL works as
# for scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

pick_python() {
  local candidate dir
  for candidate in python3.14 python3.13 python3.12; do
    # (a pyenv shim of a version that is not active exits non-zero here)
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c '' 2>/dev/null; then
      command -v "$candidate"
      return
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    for dir in $(ls -d "$(pyenv root)"/versions/3.1[2-9]* 2>/dev/null | sort -V -r); do
      if [ -x "$dir/bin/python3" ]; then
        echo "$dir/bin/python3"
        return
      fi
    done
  fi
  echo "Django 6 needs Python 3.12 or newer, and none was found (python3.12+ or pyenv)." >&2
  exit 1
}

if [ ! -x .venv-newest/bin/python ]; then
  PYTHON="$(pick_python)"
  echo "==> Creating .venv-newest with $PYTHON"
  "$PYTHON" -m venv .venv-newest
  echo "*" >.venv-newest/.gitignore # keeps git and ruff out of it (as Python 3.13's venv does)
  .venv-newest/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
fi
echo "==> Installing the newest versions the pins allow into .venv-newest"
.venv-newest/bin/python -m pip install --quiet --disable-pip-version-check \
  --upgrade --upgrade-strategy eager -e ".[test]"

# pyproject.toml's filterwarnings may name a Django warning class that this Django no longer
# has (RemovedInDjango60Warning on Django 6), which stops pytest before it starts: pass the
# filters on with those left out.
override=()
while IFS= read -r -d '' arg; do override+=("$arg"); done < <(.venv-newest/bin/python - <<'PY'
import importlib
import sys
import tomllib

with open("pyproject.toml", "rb") as f:
    filters = tomllib.load(f)["tool"]["pytest"]["ini_options"].get("filterwarnings", [])
kept = []
for line in filters:
    category = line.split(":")[2] if line.count(":") >= 2 else ""
    module, _, name = category.rpartition(".")
    if module:
        try:
            getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            print(f"    (leaving out the filter {line!r}: no {category} here)", file=sys.stderr)
            continue
    kept.append(line)
if kept != filters:
    sys.stdout.write("-o\0filterwarnings=" + "\n".join(kept) + "\0")
PY
)

.venv-newest/bin/python - "${DATABASE_URL:-SQLite}" <<'PY'
import sys
from importlib.metadata import version

names = ["wagtail", "Django", "wagtail-localize", "django-comments-xtd", "django-taggit", "icalendar"]
db = sys.argv[1].split("@")[-1]
print(f"==> Test suite on the newest versions: {db}, Python {sys.version.split()[0]}")
print("    " + ", ".join(f"{name} {version(name)}" for name in names))
PY
exec .venv-newest/bin/python -m pytest -q "${override[@]}" "$@"
