#!/usr/bin/env bash
# One command: install what is needed (Python packages, Debian's Chromium) and run the whole
# test suite, browser and accessibility tests included. Extra arguments go to pytest, e.g.
# -m "not browser". SQLite by default; DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
# for PostgreSQL. Screenshots of the browser tests go to artifacts/screenshots/.
#
# Chromium: Debian's, at $AVP_CHROMIUM (default /usr/bin/chromium), installed through apt when
# missing. Nothing is installed when the browser tests are left out (-m "not browser", or
# AVP_SKIP_BROWSER=1). Without a Chromium and without apt-get the suite runs with the
# browser tests skipped (pytest says why); give one with AVP_CHROMIUM=/path/to/chromium.
#
# Runs on every core (pytest-xdist -n auto) unless you pass your own -n; --dist loadfile keeps
# each module in one worker (module fixtures share a translated demo).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

want_browser=1 # are the browser tests selected?
has_marker=0   # did the caller choose tests by marker (-m)?
xdist=1        # add -n auto (no -n, no -p no:xdist among the arguments)
dist=1         # add --dist loadfile (no --dist among them)
previous=""
for arg in "$@"; do
  if [ "$previous" = "-m" ]; then
    case "$arg" in *"not browser"*) want_browser=0 ;; esac
  fi
  if [ "$previous" = "-p" ] && [ "$arg" = "no:xdist" ]; then xdist=0 dist=0; fi
  case "$arg" in
    -m | -m*) has_marker=1 ;;
  esac
  case "$arg" in
    -m*"not browser"*) want_browser=0 ;;
    -n | -n* | --numprocesses | --numprocesses=*) xdist=0 ;;
    -pno:xdist) xdist=0 dist=0 ;;
    --dist | --dist=*) dist=0 ;;
  esac
  previous="$arg"
done
if [ "${AVP_SKIP_BROWSER:-0}" = "1" ]; then want_browser=0; fi

CHROMIUM="${AVP_CHROMIUM:-/usr/bin/chromium}"
if [ "$want_browser" = 1 ] && [ ! -x "$CHROMIUM" ]; then
  if command -v apt-get >/dev/null 2>&1; then
    bash scripts/install_chromium.sh
  else
    cat >&2 <<MSG
==> No Chromium at $CHROMIUM and no apt-get to install Debian's: the browser tests will be
    skipped. To run them, install Chromium and point to it:
      AVP_CHROMIUM=/path/to/chromium scripts/test.sh
MSG
  fi
fi

parallel=()
if [ "$xdist" = 1 ]; then parallel+=(-n auto); fi
if [ "$dist" = 1 ]; then parallel+=(--dist loadfile); fi

.venv/bin/python - "${DATABASE_URL:-SQLite}" <<'PY'
import sys
from importlib.metadata import version

names = ["wagtail", "Django", "wagtail-localize", "django-comments-xtd", "django-taggit", "icalendar"]
db = sys.argv[1].split("@")[-1] if "@" in sys.argv[1] else sys.argv[1]
print(f"==> Running the test suite on {db}, Python {sys.version.split()[0]}")
print("    " + ", ".join(f"{name} {version(name)}" for name in names))
PY
if [ "$want_browser" = 0 ] || [ "$has_marker" = 1 ]; then
  exec .venv/bin/python -m pytest "${parallel[@]}" "$@"
fi
# Two runs: the browser tests use a live server in a transaction-flushing database (the
# default Site and root page are reloaded only for the tests that ask for it), so in parallel
# they must not share a worker with the other tests. Exit code 5 = nothing selected here.
status=0
.venv/bin/python -m pytest "${parallel[@]}" -m "not browser" "$@" || status=$?
echo "==> Browser and accessibility tests (a run of their own)"
browser_status=0
.venv/bin/python -m pytest "${parallel[@]}" -m browser "$@" || browser_status=$?
if [ "$status" = 5 ]; then status=0; fi
if [ "$browser_status" = 5 ]; then browser_status=0; fi
if [ "$status" != 0 ]; then exit "$status"; fi
exit "$browser_status"
