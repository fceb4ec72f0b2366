"""Print the docs' Python snippets marked for the wheel smoke test, as they are written.

Usage: python doc_snippets.py KIND FILE.md [FILE.md ...]

A snippet is marked by an HTML comment on the line before its fence, e.g.

    <!-- smoke: settings -->
    ```python
    INSTALLED_APPS += ["avp_wagtail"]
    ```

scripts/smoke_wheel.sh appends the "settings" snippets to a new `wagtail start` site's
settings and the "urls" snippets to its urls.py, so the site is set up exactly as the docs
say. Exits non-zero when a file has no snippet of that kind (a marker lost in an edit).
"""

import re
import sys
from pathlib import Path

SNIPPET = re.compile(
    r"^<!-- smoke: (?P<kind>[\w-]+) -->\n```python\n(?P<code>.*?)^```$",
    re.MULTILINE | re.DOTALL,
)


def snippets(kind, path):
    text = Path(path).read_text(encoding="utf-8")
    return [m["code"] for m in SNIPPET.finditer(text) if m["kind"] == kind]


def main(kind, *paths):
    for path in paths:
        found = snippets(kind, path)
        if not found:
            sys.exit(f"{path}: no snippet marked <!-- smoke: {kind} -->")
        for code in found:
            print(f"\n# --- {path} (smoke: {kind}) ---")
            print(code, end="")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
