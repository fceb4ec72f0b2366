"""The CSV form of a plan: one row per action item.

The columns are the schema's (``avp_wagtail.models.item_schema``), each cell made from the
item's value in the JSON document. The first columns follow the OGP commitments dataset
where it has a column for the fact; ours come after. Headers are English and fixed (they
are machine-readable names);
cell values are in the plan's language. Lists are separated by "; ", milestones are one
per line as "due date; completed date; title". Features add columns after the schema's
(``open_data.extensions``); the import reads only the schema's. See docs/open-data.md.

Cells that a spreadsheet would read as a formula (starting with =, +, -, @, tab or
carriage return) are exported with a leading apostrophe, and the import strips it again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from avp_wagtail.models import item_schema
from avp_wagtail.models.item_schema import ItemField, Value
from avp_wagtail.open_data.extensions import extra_columns
from avp_wagtail.open_data.schema import OGP_NAMES, completion

LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: object) -> str:
    """Text safe to open in a spreadsheet: formula-looking cells get a leading apostrophe."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def unescape_cell(text: str) -> str:
    """Undo ``escape_cell``: an apostrophe before a formula character is dropped."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def _join(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(value for value in values if value)


def _milestones(milestones: Iterable[dict[str, Any]]) -> str:
    return "\n".join(
        f"{m['due_date'] or ''}; {m['completed_date'] or ''}; {m['title']}" for m in milestones
    )


# A value type's cell, from the item's JSON value: (value, item dict, document) -> cell.
# Types not listed are written as they are (None as an empty cell).
CELLS = {
    Value.YES_NO: lambda value, item, doc: "yes" if value else "no",
    Value.ORGANISATION: lambda value, item, doc: value["name"] if value else "",
    Value.PARTNERS: lambda value, item, doc: _join(partner["name"] for partner in value),
    Value.OGP_VALUES: lambda value, item, doc: _join(OGP_NAMES[code] for code in value),
    Value.TAGS: lambda value, item, doc: _join(value),
    Value.MILESTONES: lambda value, item, doc: _milestones(value),
    Value.MEETINGS: lambda value, item, doc: "\n".join(meeting["url"] for meeting in value),
    Value.COMPLETION: lambda value, item, doc: completion(item["status"], item["progress"]),
    Value.PLAN_TITLE: lambda value, item, doc: doc["plan"]["title"],
    Value.PUBLISHER: lambda value, item, doc: doc["publisher"]["name"],
    Value.LANGUAGE: lambda value, item, doc: doc["language"],
}


def _cell(row: ItemField, item: dict[str, Any], document: dict[str, Any]) -> Any:
    value = row.get(item)
    convert = CELLS.get(row.value)
    return convert(value, item, document) if convert else value


def schema_headers() -> list[str]:
    """The schema's columns, in their order."""
    return [row.csv for row in item_schema.csv_fields()]


def headers() -> list[str]:
    """The CSV header row: the schema's columns, then the features' (e.g. the ideas app's
    "Source Ideas", ``open_data.extensions``), which the import does not read."""
    return schema_headers() + [header for header, cell in extra_columns()]


# The columns as the schema declares them (read ``headers()`` for the current ones).
HEADERS = schema_headers()


def document_rows(document: dict[str, Any]) -> Iterator[list[str]]:
    """The CSV rows (header first) of an exported plan document, escaped."""
    rows = item_schema.csv_fields()
    extra = extra_columns()
    yield [row.csv for row in rows] + [header for header, cell in extra]
    for item in document["items"]:
        yield [escape_cell(_cell(row, item, document)) for row in rows] + [
            escape_cell(cell(item, document)) for header, cell in extra
        ]


def document_csv(document: dict[str, Any]) -> str:
    """The CSV text of an exported plan document, with a BOM so spreadsheets read UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerows(document_rows(document))
    return buffer.getvalue()
