"""Rewrite the table of an action item's fields in docs/open-data.md from the schema
(``avp_wagtail.models.item_schema``), between its markers.

Usage: .venv/bin/python scripts/item_schema_docs.py [--check]
With --check, change nothing and exit 1 if the table differs from the schema's.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "open-data.md"


def main(check=False):
    sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from avp_wagtail.models import item_schema

    text = DOCS.read_text(encoding="utf-8")
    new = item_schema.with_docs_table(text)
    if new == text:
        print(f"{DOCS.relative_to(ROOT)}: the table is up to date.")
        return 0
    if check:
        print(f"{DOCS.relative_to(ROOT)}: the table differs from the schema; run {__file__}.")
        return 1
    DOCS.write_text(new, encoding="utf-8")
    print(f"{DOCS.relative_to(ROOT)}: table rewritten.")
    return 0


if __name__ == "__main__":
    sys.exit(main(check="--check" in sys.argv[1:]))
