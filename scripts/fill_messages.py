"""Fill msgstr entries of avp_wagtail's catalogues from a small JSON file, then clear fuzzy.

Usage: .venv/bin/python scripts/fill_messages.py translations.json
where the JSON maps msgid -> {"et": "...", "ru": "..."}; for a plural entry each language
has a list of forms (et: 2, ru: 3). Needs polib (pip install polib,
a dependency of wagtail-localize). Run scripts/messages.sh afterwards to compile.
"""

import json
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "avp_wagtail" / "locale"


def main(path):
    table = json.loads(Path(path).read_text(encoding="utf-8"))
    for language in ("et", "ru"):
        po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
        for entry in po:
            if entry.msgid in table:
                value = table[entry.msgid][language]
                if entry.msgid_plural:
                    entry.msgstr_plural = dict(enumerate(value))
                else:
                    entry.msgstr = value
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                entry.previous_msgid = None
                entry.previous_msgid_plural = None
                entry.previous_msgctxt = None
        po.save()
        left = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
        print(f"{language}: {len(left)} left", *left, sep="\n  ")


if __name__ == "__main__":
    main(sys.argv[1])
