"""The interface is translatable and ships complete Estonian and Russian catalogues."""

import re
from pathlib import Path

import pytest
from django.utils import translation

import avp_wagtail
from avp_wagtail.choices import ItemStatus, PlanStatus

LOCALE_DIR = Path(avp_wagtail.__file__).parent / "locale"


def po_entries(path):
    """(msgid, msgstr, flags) of a .po file, multi-line strings joined."""
    entries, current, key = [], None, None
    flags = ""
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#,"):
            flags = line
        elif line.startswith("msgid "):
            current = {"msgid": "", "msgstr": "", "flags": flags}
            key = "msgid"
            current[key] = line[6:].strip().strip('"')
        elif line.startswith("msgstr "):
            key = "msgstr"
            current[key] = line[7:].strip().strip('"')
        elif line.startswith('"') and current is not None:
            current[key] += line.strip().strip('"')
        elif not line.strip() and current is not None:
            entries.append(current)
            current, flags = None, ""
    return [e for e in entries if e["msgid"]]  # skip the header


@pytest.mark.parametrize("language", ["et", "ru"])
def test_catalogue_is_complete_and_compiled(language):
    po = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    entries = po_entries(po)
    assert len(entries) > 300
    assert [e["msgid"] for e in entries if not e["msgstr"]] == []
    assert [e["msgid"] for e in entries if "fuzzy" in e["flags"]] == []
    for entry in entries:  # placeholders survive translation
        assert set(re.findall(r"%\(\w+\)s", entry["msgid"])) == set(
            re.findall(r"%\(\w+\)s", entry["msgstr"])
        ), entry["msgid"]
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime - 1


@pytest.mark.parametrize(
    "language, planned, consultation",
    [
        ("et", "Kavandatud", "Avalik konsultatsioon"),
        ("ru", "Запланировано", "Общественное обсуждение"),
    ],
)
def test_choice_labels_are_translated(language, planned, consultation):
    with translation.override(language):
        assert str(ItemStatus.PLANNED.label) == planned
        assert str(PlanStatus.CONSULTATION.label) == consultation
