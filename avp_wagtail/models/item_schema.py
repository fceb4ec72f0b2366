"""One declarative schema of an action item: every field of ``ActionItemPage``, once.

Each ``ItemField`` row says where one field appears: its model field, its key in the JSON
open data document, its CSV column, how wagtail-localize treats it, its value type (the
parser of its CSV or JSON input and its exported form; each type is implemented once for
every field of that type in ``avp_wagtail.open_data``: ``export.EXPORTERS``,
``csv_format.CELLS``, ``csv_cells.READERS``, ``apply.PARSERS``), whether its changes go into
the public change history, whether it is in Wagtail's API and search index, and whether
borrowing copies it. Everything else reads these rows:

- ``ActionItemPage.api_fields``, ``.override_translatable_fields`` and ``.search_fields``
  (built from the rows whenever they are read, see ``FromSchema``);
- ``ItemChange.TRACKED_FIELDS`` (the change history);
- the JSON document (``open_data.export.item_dict``), the CSV columns
  (``open_data.csv_format``), the CSV import (a row becomes the JSON document's item, applied
  like a borrowed one: ``open_data.apply``) and borrowing (``open_data.borrowing``);
- the table of fields in docs/open-data.md (``scripts/item_schema_docs.py`` rewrites it).

Adding a field to action items: the model field and its migration, and one row here (then
``scripts/item_schema_docs.py``). Rows are read when used (``fields()``), so a row added at
test time is seen everywhere (tests/open_data/test_item_schema.py).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from wagtail.api import APIField
from wagtail.search import index

from avp_wagtail.core.choices import OgpValue
from avp_wagtail.models.translation_fields import facts, references, texts

OGP_VALUE_FIELDS = {
    OgpValue.ACCESS_TO_INFORMATION: "ogp_access_to_information",
    OgpValue.CIVIC_PARTICIPATION: "ogp_civic_participation",
    OgpValue.PUBLIC_ACCOUNTABILITY: "ogp_public_accountability",
    OgpValue.TECHNOLOGY_AND_INNOVATION: "ogp_technology_and_innovation",
}


class Kind(enum.StrEnum):
    """How wagtail-localize treats a field (see ``translation_fields``)."""

    TEXT = "text"  # words a translator translates
    FACT = "fact"  # synchronised from the source, not overridable
    REFERENCE = "reference"  # another object, re-pointed to its translation


class Value(enum.StrEnum):
    """A field's value type: how it is exported to JSON and CSV and read back from them."""

    ID = "id"
    URL = "url"
    TEXT = "text"
    RICH_TEXT = "rich text"
    DATE = "date"
    INTEGER = "integer"
    AMOUNT = "amount"
    YES_NO = "yes/no"
    STATUS = "status"
    THEME = "theme"
    ORGANISATION = "organisation"
    PARTNERS = "partners"
    OGP_VALUES = "OGP values"
    TAGS = "tags"
    MILESTONES = "milestones"
    # Exported, never read:
    PROGRESS_UPDATES = "progress updates"
    MEETINGS = "meetings"
    ADAPTED_FROM = "adapted from"
    COMPLETION = "completion"
    PLAN_TITLE = "plan title"
    PUBLISHER = "publisher"
    LANGUAGE = "language"
    # A model field with no place of its own in the documents (API and translation only):
    NONE = "none"

    @property
    def readable(self) -> bool:
        """Whether an import reads this value (the others are derived or exported only)."""
        return self in _READABLE


_READABLE = {
    Value.ID,
    Value.TEXT,
    Value.RICH_TEXT,
    Value.DATE,
    Value.INTEGER,
    Value.AMOUNT,
    Value.YES_NO,
    Value.STATUS,
    Value.THEME,
    Value.ORGANISATION,
    Value.PARTNERS,
    Value.OGP_VALUES,
    Value.TAGS,
    Value.MILESTONES,
}


class Search(enum.StrEnum):
    SEARCH = "search"  # full-text searched
    FILTER = "filter"  # filtered on (a reference by its id column)


SEARCH, FILTER = Search.SEARCH, Search.FILTER


@dataclass(frozen=True)
class ItemField:
    """One field of an action item and everywhere it appears."""

    # The model field (or relation) of ActionItemPage; "" for a value derived from others.
    name: str
    # How wagtail-localize treats it; None for Page's own fields and derived values.
    kind: Kind | None
    # Its key in an item of the JSON document ("resources.budget_eur": nested); "" for none.
    json: str = ""
    # Its CSV column header, and the column's position (1-based); "" for none.
    csv: str = ""
    column: int = 0
    value: Value = Value.TEXT
    # An import must give it (for a new action and for an updated one).
    required: bool = False
    # A change of the published value is recorded in the public change history.
    tracked: bool = False
    # In Wagtail's API (api_fields); only model fields are.
    api: bool = True
    search: Search | None = None
    # Copied when another municipality borrows the action.
    borrowed: bool = False

    def get(self, item: Any, default: Any = None) -> Any:
        """Its value in an item of the JSON document (a dict), or ``default`` if absent."""
        for key in self.json.split("."):
            if not isinstance(item, dict) or key not in item:
                return default
            item = item[key]
        return item

    def put(self, item: dict[str, Any], value: Any) -> None:
        """Set its value in an item of the JSON document (a dict)."""
        *parents, key = self.json.split(".")
        for parent in parents:
            item = item.setdefault(parent, {})
        item[key] = value

    @property
    def in_api(self) -> bool:
        return self.api and bool(self.name)

    @property
    def read(self) -> bool:
        """Whether a CSV import (or a JSON document applied to an item) reads it."""
        return self.value.readable


# In the order of the JSON document's item; the CSV columns are in ``column`` order.
# fmt: off
ITEM_FIELDS = (
    ItemField("translation_key", None, "id", "Commitment ID", 1, Value.ID, api=False),
    ItemField("", None, "url", "URL", 28, Value.URL),
    # Page's own title: always in the API.
    ItemField("title", Kind.TEXT, "title", "Commitment Title", 2,
              required=True, api=False, borrowed=True),
    ItemField("summary", Kind.TEXT, "summary", "Commitment Description", 3,
              required=True, search=SEARCH, borrowed=True),
    ItemField("problem", Kind.TEXT, "problem", "Problem", 18, Value.RICH_TEXT,
              search=SEARCH, borrowed=True),
    ItemField("activities", Kind.TEXT, "activities", "Activities", 19, Value.RICH_TEXT,
              search=SEARCH, borrowed=True),
    ItemField("expected_result", Kind.TEXT, "expected_result", "Expected Result", 20,
              Value.RICH_TEXT, search=SEARCH, borrowed=True),
    ItemField("theme", Kind.REFERENCE, "theme", "Policy Area", 11, Value.THEME,
              search=FILTER, borrowed=True),
    ItemField("lead_implementer", Kind.REFERENCE, "lead_implementer", "Lead Institution", 8,
              Value.ORGANISATION, search=FILTER),
    ItemField("lead_implementer_role", Kind.TEXT, "lead_implementer_role",
              "Lead Institution Role", 17),
    ItemField("partners", Kind.REFERENCE, "partners", "Supporting Institutions", 9,
              Value.PARTNERS),
    # In the API only: contact people are never in the open data documents.
    ItemField("contact_person", Kind.REFERENCE, value=Value.NONE),
    ItemField("budget", Kind.FACT, "resources.budget_eur", "Budget (EUR)", 21, Value.AMOUNT),
    ItemField("funding_source", Kind.TEXT, "resources.funding_source", "Funding Source", 22),
    ItemField("people_and_time", Kind.TEXT, "resources.people_and_time", "People and Time", 23),
    ItemField("other_resources", Kind.TEXT, "resources.other_resources", "Other Resources", 24),
    ItemField("planned_start", Kind.FACT, "planned_start", "Start Date", 6, Value.DATE,
              tracked=True, borrowed=True),
    ItemField("planned_end", Kind.FACT, "planned_end", "End Date", 7, Value.DATE,
              tracked=True, borrowed=True),
    ItemField("status", Kind.FACT, "status", "Status", 13, Value.STATUS,
              tracked=True, search=FILTER),
    ItemField("progress", Kind.FACT, "progress", "Progress (%)", 14, Value.INTEGER,
              tracked=True),
    ItemField("weight", Kind.FACT, "weight", "Weight", 15, Value.INTEGER),
    ItemField("is_quick_win", Kind.FACT, "quick_win", "Quick Win", 16, Value.YES_NO,
              search=FILTER, borrowed=True),
    # One JSON key and one CSV column for the OGP values; a model field for each value.
    ItemField("", None, "ogp_values", "OGP Values", 10, Value.OGP_VALUES, borrowed=True),
    *(ItemField(name, Kind.FACT, value=Value.NONE) for name in OGP_VALUE_FIELDS.values()),
    ItemField("tags", Kind.FACT, "tags", "Tags", 25, Value.TAGS, borrowed=True),
    ItemField("tagged_items", Kind.FACT, value=Value.NONE, api=False),
    ItemField("milestones", Kind.TEXT, "milestones", "Milestones", 26, Value.MILESTONES,
              borrowed=True),
    ItemField("progress_updates", Kind.TEXT, "progress_updates", value=Value.PROGRESS_UPDATES),
    ItemField("", None, "meetings", "Meetings", 27, Value.MEETINGS),
    ItemField("", None, "adapted_from", value=Value.ADAPTED_FROM),
    ItemField("adapted_from_title", Kind.TEXT, value=Value.NONE),
    ItemField("adapted_from_municipality", Kind.FACT, value=Value.NONE),
    ItemField("adapted_from_plan", Kind.TEXT, value=Value.NONE),
    ItemField("adapted_from_url", Kind.FACT, value=Value.NONE),
    ItemField("source_id", Kind.FACT, value=Value.NONE),
    # The CSV's own columns: the document's, repeated on every row, and a derived one.
    ItemField("", None, csv="Action Plan", column=4, value=Value.PLAN_TITLE),
    ItemField("", None, csv="Member", column=5, value=Value.PUBLISHER),
    ItemField("", None, csv="Completion", column=12, value=Value.COMPLETION),
    ItemField("", None, csv="Language", column=29, value=Value.LANGUAGE),
)
# fmt: on


# A milestone's fields (ActionItemPage.milestones), as in the JSON document's milestones.
MILESTONE_FIELDS = (
    ItemField("title", Kind.TEXT, "title"),
    ItemField("due_date", Kind.FACT, "due_date", value=Value.DATE),
    ItemField("completed_date", Kind.FACT, "completed_date", value=Value.DATE),
    ItemField("delay_reason", Kind.TEXT, "delay_reason"),
)


def fields() -> tuple[ItemField, ...]:
    """The rows as they are now (read at call time: a row added in a test is seen)."""
    return ITEM_FIELDS


def json_fields() -> list[ItemField]:
    return [row for row in fields() if row.json]


def csv_fields() -> list[ItemField]:
    """The rows with a CSV column, in column order (a column without a position last)."""
    rows = [row for row in fields() if row.csv]
    return sorted(rows, key=lambda row: row.column or len(rows) + 1)


def csv_field(header: str) -> ItemField | None:
    return next((row for row in fields() if row.csv == header), None)


def tracked_fields() -> tuple[str, ...]:
    return tuple(row.name for row in fields() if row.tracked)


def api_fields(rows: Iterable[ItemField] | None = None) -> list[APIField]:
    return [APIField(row.name) for row in rows or fields() if row.in_api]


def search_fields(base: Iterable[Any]) -> list[Any]:
    """``base`` (Page's search fields) and the schema's."""
    extra: list[Any] = []
    for row in fields():
        if row.search == Search.SEARCH:
            extra.append(index.SearchField(row.name))
        elif row.search == Search.FILTER:
            name = f"{row.name}_id" if row.kind == Kind.REFERENCE else row.name
            extra.append(index.FilterField(name))
    return list(base) + extra


def translatable_fields(
    base: Iterable[Any] = (), rows: Iterable[ItemField] | None = None
) -> list[Any]:
    """``base`` (fields declared elsewhere: the page's own, comments) and the schema's
    texts, facts and references, each field once."""
    declared = {field.field_name for field in base}
    names = {
        kind: [r.name for r in rows or fields() if r.kind == kind and r.name not in declared]
        for kind in Kind
    }
    return (
        list(base)
        + texts(*names[Kind.TEXT])
        + facts(*names[Kind.FACT])
        + references(*names[Kind.REFERENCE])
    )


class FromSchema:
    """A class attribute computed from the schema whenever it is read, so that it always
    agrees with ``ITEM_FIELDS`` (a row added at test time included)."""

    def __init__(self, build: Callable[[], Any]) -> None:
        self.build = build

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        return self.build()


# --- docs/open-data.md ---------------------------------------------------------------------

DOCS_START = "<!-- item-schema:start (generated by scripts/item_schema_docs.py) -->"
DOCS_END = "<!-- item-schema:end -->"
_KIND_DOCS: dict[Kind | None, str] = {
    Kind.TEXT: "translated",
    Kind.FACT: "synchronised",
    Kind.REFERENCE: "re-pointed",
}
# What a value of each type looks like, and how the CSV import reads it.
VALUE_DOCS = {
    Value.ID: "the page's `translation_key`, the same in every language; a known id (or the id "
    "an action was copied or imported from) updates that action",
    Value.URL: "the action's page",
    Value.TEXT: "text",
    Value.RICH_TEXT: "HTML, links absolute (CSV import: also plain text, blank lines between "
    "paragraphs); cleaned to what the rich text editor allows",
    Value.DATE: "`YYYY-MM-DD`, JSON: or null (CSV import: also `DD.MM.YYYY`)",
    Value.INTEGER: "a whole number (progress 0–100, weight 1–100); an empty cell changes nothing",
    Value.AMOUNT: "euros, e.g. `15000.50`, JSON: a string or null (CSV import: also `15 000,50`)",
    Value.YES_NO: "`yes` / `no`, JSON: true / false (CSV import: also `jah`/`ei`, `да`/`нет`, "
    "`true`/`false`, `1`/`0`)",
    Value.STATUS: "`planned`, `in_progress`, `completed`, `delayed`, `cancelled` (CSV import: "
    "also the label); an empty cell changes nothing",
    Value.THEME: "a theme's title, JSON: or null; must be one of the plan's themes",
    Value.ORGANISATION: "JSON: `{name, kind, website}` or null; CSV: its name, which must be an "
    "existing organisation's",
    Value.PARTNERS: "JSON: `[{name, kind, website, role}]`; CSV: their names, `; `-separated, "
    "each an existing organisation's (one already a partner keeps its role)",
    Value.OGP_VALUES: "JSON: codes `access_to_information`, `civic_participation`, "
    "`public_accountability`, `technology_and_innovation`; CSV: `Access to Information; Civic "
    "Participation; Public Accountability; Technology and Innovation for Transparency and "
    "Accountability` (CSV import: also the codes)",
    Value.TAGS: "JSON: a list; CSV: `eelarve; noored`",
    Value.MILESTONES: "JSON: `[{title, due_date, completed_date, delay_reason}]`; CSV: one per "
    "line, `due date; completed date; title` (dates may be empty); replaces the milestones",
    Value.PROGRESS_UPDATES: "`[{date, kind, title, text, status, progress}]`, oldest first",
    Value.MEETINGS: "the meetings that discussed the action, JSON: `[{title, start, url}]`; CSV: "
    "their addresses, one per line",
    Value.ADAPTED_FROM: "for an action borrowed from another municipality "
    "`{title, municipality, plan, url}`, else null",
    Value.COMPLETION: "OGP IRM level: Not Started, Limited (under 50 %), Substantial (50 % or "
    "more), Complete, Withdrawn (cancelled)",
    Value.PLAN_TITLE: "the plan's title",
    Value.PUBLISHER: "the municipality (site name)",
    Value.LANGUAGE: "the plan's language code; a row that updates an action must be in it",
    Value.NONE: "",
}


def _read_doc(row: ItemField) -> str:
    if row.value == Value.LANGUAGE:
        return "checked"
    if not row.read:
        return "no"
    return "yes, required" if row.required else "yes"


def docs_table() -> str:
    """The Markdown table of the fields of an action item, as docs/open-data.md shows it."""
    rows = csv_fields() + [row for row in json_fields() if not row.csv]
    lines = [
        "| CSV column | JSON key (of an item) | model field | translation | read by the import "
        "| borrowed | change history | value |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        name = "`ogp_…`, one per value" if row.value == Value.OGP_VALUES else row.name
        cells = [
            row.csv or "—",
            f"`{row.json}`" if row.json else "—",
            f"`{name}`" if row.name else name or "—",
            _KIND_DOCS.get(row.kind, "—"),
            _read_doc(row),
            "copied" if row.borrowed else "—",
            "recorded" if row.tracked else "—",
            VALUE_DOCS[row.value],
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def with_docs_table(text: str) -> str:
    """``text`` (docs/open-data.md) with the table between the markers regenerated."""
    pattern = re.compile(re.escape(DOCS_START) + r".*?" + re.escape(DOCS_END), re.S)
    if not pattern.search(text):
        raise ValueError(f"No {DOCS_START} … {DOCS_END} markers in the text.")
    block = f"{DOCS_START}\n{docs_table()}\n{DOCS_END}"
    return pattern.sub(lambda match: block, text)
