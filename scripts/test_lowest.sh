#!/usr/bin/env bash
# Run the suite (SQLite) against the lowest supported versions: Wagtail 7.4 LTS, Django 5.2.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-lowest/bin/python ]; then
  .venv/bin/python -m venv .venv-lowest
fi
.venv-lowest/bin/python -m pip install --quiet --disable-pip-version-check \
  "wagtail==7.4.*" "Django==5.2.*" "wagtail-localize==1.14.*" -e ".[test]"
echo "==> Test suite on $(.venv-lowest/bin/python -c 'import wagtail, django; print(f"Wagtail {wagtail.__version__}, Django {django.__version__}")')"
exec .venv-lowest/bin/python -m pytest -q "$@"
