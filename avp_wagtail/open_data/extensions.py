"""What other features add to a plan's open data document.

A feature above the open data (e.g. the optional ideas app) registers an ``OpenDataPart``
under the ``avp_open_data`` hook (``avp_wagtail.core.plugins``). ``plan_export`` calls
every part's ``extend`` once the document is built, and the CSV adds every part's
``csv_columns`` after the schema's. The CSV import reads only the schema's columns, so
these columns are exported, never imported. Without a registered part the document and
the CSV are exactly the schema's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from django.http import HttpRequest
from wagtail import hooks

from avp_wagtail.core.plugins import OPEN_DATA_HOOK

# A CSV cell: (the item as the JSON document has it, the document) -> the cell's text.
Cell = Callable[[dict[str, Any], dict[str, Any]], str]


@dataclass(frozen=True)
class ExportContext:
    """What a part extends the document with."""

    # The plan page of the document (the language version the document is in).
    plan: Any
    # The action item pages the document lists, in the order of ``document["items"]``:
    # those the reader may see (all of the plan's, or just the one of an item's document).
    items: list[Any]
    request: HttpRequest | None
    # The root URL of the plan's site (no final slash): absolute links start with it.
    base: str
    # The one item of an item's own document, else None.
    only: Any = None


class OpenDataPart:
    """One feature's part of the open data document. Subclass it and register an instance
    under ``avp_open_data`` (``hooks.register(MyPart.hook, MyPart())``)."""

    # The hook name to register the part under.
    hook: ClassVar[str] = OPEN_DATA_HOOK
    # CSV columns the feature adds after the schema's, in this order: header -> cell.
    csv_columns: Mapping[str, Cell] = {}

    def extend(self, document: dict[str, Any], context: ExportContext) -> None:
        """Add the feature's keys to ``document`` and to its items, in a constant number
        of queries whatever the number of items."""


def parts() -> list[OpenDataPart]:
    return list(hooks.get_hooks(OPEN_DATA_HOOK))


def extend_document(document: dict[str, Any], context: ExportContext) -> None:
    """Let every registered part add to the document."""
    for part in parts():
        part.extend(document, context)


def extra_columns() -> list[tuple[str, Cell]]:
    """The features' CSV columns, after the schema's: (header, cell)."""
    return [(header, cell) for part in parts() for header, cell in part.csv_columns.items()]
