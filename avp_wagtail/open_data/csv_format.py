"""The CSV form of a plan: one row per action item.

The first columns follow the OGP commitments dataset where it has a column for the
fact; ours come after. Headers are English and fixed (they are machine-readable names);
cell values are in the plan's language. Lists are separated by "; ", milestones are one
per line as "due date; completed date; title". See docs/open-data.md.

Cells that a spreadsheet would read as a formula (starting with =, +, -, @, tab or
carriage return) are exported with a leading apostrophe, and the import strips it again.
"""

import csv
import io

from .schema import OGP_NAMES, completion

LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value):
    """Text safe to open in a spreadsheet: formula-looking cells get a leading apostrophe."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def unescape_cell(text):
    """Undo ``escape_cell``: an apostrophe before a formula character is dropped."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def looks_like_formula(text):
    return text.startswith(FORMULA_STARTS)


def _join(values):
    return LIST_SEPARATOR.join(value for value in values if value)


def _yes_no(value):
    return "yes" if value else "no"


def _milestones(item):
    return "\n".join(
        f"{m['due_date'] or ''}; {m['completed_date'] or ''}; {m['title']}"
        for m in item["milestones"]
    )


# (header, value of the cell from the item dict and the document)
COLUMNS = [
    # OGP commitments dataset columns
    ("Commitment ID", lambda item, doc: item["id"]),
    ("Commitment Title", lambda item, doc: item["title"]),
    ("Commitment Description", lambda item, doc: item["summary"]),
    ("Action Plan", lambda item, doc: doc["plan"]["title"]),
    ("Member", lambda item, doc: doc["publisher"]["name"]),
    ("Start Date", lambda item, doc: item["planned_start"]),
    ("End Date", lambda item, doc: item["planned_end"]),
    (
        "Lead Institution",
        lambda item, doc: item["lead_implementer"]["name"] if item["lead_implementer"] else "",
    ),
    (
        "Supporting Institutions",
        lambda item, doc: _join(partner["name"] for partner in item["partners"]),
    ),
    (
        "OGP Values",
        lambda item, doc: _join(OGP_NAMES[value] for value in item["ogp_values"]),
    ),
    ("Policy Area", lambda item, doc: item["theme"]),
    ("Completion", lambda item, doc: completion(item["status"], item["progress"])),
    # avp-wagtail's own columns
    ("Status", lambda item, doc: item["status"]),
    ("Progress (%)", lambda item, doc: item["progress"]),
    ("Weight", lambda item, doc: item["weight"]),
    ("Quick Win", lambda item, doc: _yes_no(item["quick_win"])),
    ("Lead Institution Role", lambda item, doc: item["lead_implementer_role"]),
    ("Problem", lambda item, doc: item["problem"]),
    ("Activities", lambda item, doc: item["activities"]),
    ("Expected Result", lambda item, doc: item["expected_result"]),
    ("Budget (EUR)", lambda item, doc: item["resources"]["budget_eur"]),
    ("Funding Source", lambda item, doc: item["resources"]["funding_source"]),
    ("People and Time", lambda item, doc: item["resources"]["people_and_time"]),
    ("Other Resources", lambda item, doc: item["resources"]["other_resources"]),
    ("Tags", lambda item, doc: _join(item["tags"])),
    ("Milestones", lambda item, doc: _milestones(item)),
    ("Meetings", lambda item, doc: "\n".join(meeting["url"] for meeting in item["meetings"])),
    ("URL", lambda item, doc: item["url"]),
    ("Language", lambda item, doc: doc["language"]),
]
HEADERS = [header for header, _value in COLUMNS]


def document_rows(document):
    """The CSV rows (header first) of an exported plan document, escaped."""
    yield HEADERS
    for item in document["items"]:
        yield [escape_cell(value(item, document)) for _header, value in COLUMNS]


def document_csv(document):
    """The CSV text of an exported plan document, with a BOM so spreadsheets read UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerows(document_rows(document))
    return buffer.getvalue()
