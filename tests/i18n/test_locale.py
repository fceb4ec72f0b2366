"""The interface is translatable and ships complete Estonian and Russian catalogues."""

import re
from pathlib import Path

import pytest
from django.utils import translation

import avp_wagtail
from avp_wagtail.core.choices import ItemStatus, PlanStatus

LOCALE_DIR = Path(avp_wagtail.__file__).parent / "locale"


def po_entries(path):
    """(msgid, msgstr, flags) of a .po file, multi-line strings joined. For a plural entry,
    msgid holds both English forms and msgstr all translated forms (empty if any is empty)."""
    entries, current, key = [], None, None
    flags = ""

    def finish(entry):
        forms = entry.pop("forms")
        if forms:
            entry["msgstr"] = " ".join(forms) if all(forms) else ""
        entries.append(entry)

    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        text = line.split(" ", 1)[1].strip()[1:-1] if " " in line else ""
        if line.startswith("#,"):
            flags = line
        elif line.startswith("msgid "):
            current = {"msgid": text, "msgstr": "", "flags": flags, "forms": []}
            key = "msgid"
        elif line.startswith("msgid_plural "):
            current["msgid"] += " " + text
        elif line.startswith("msgstr "):
            current["msgstr"], key = text, "msgstr"
        elif line.startswith("msgstr["):
            current["forms"].append(text)
            key = "form"
        elif line.startswith('"') and current is not None:
            if key == "form":
                current["forms"][-1] += line.strip()[1:-1]
            else:
                current[key] += line.strip()[1:-1]
        elif not line.strip() and current is not None:
            finish(current)
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
    assert mo.exists()
    assert mo.stat().st_mtime >= po.stat().st_mtime - 1


@pytest.mark.parametrize(
    ("language", "planned", "consultation"),
    [
        ("et", "Kavandatud", "Avalik konsultatsioon"),
        ("ru", "Запланировано", "Общественное обсуждение"),
    ],
)
def test_choice_labels_are_translated(language, planned, consultation):
    with translation.override(language):
        assert str(ItemStatus.PLANNED.label) == planned
        assert str(PlanStatus.CONSULTATION.label) == consultation
