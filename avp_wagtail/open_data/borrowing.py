"""Borrowing actions from another municipality's open data export (I3).

The editor uploads the JSON export of someone else's plan (or one item of it), picks
actions, and each becomes a draft item in one of their own plans. Texts, milestones
(dates moved by the difference between the two plans' start dates), OGP values and tags
are copied; organisations, people and resources are not: the borrowing municipality
chooses its own. Every copy keeps a visible "adapted from" attribution.

What is copied is what the schema of an action item marks ``borrowed``
(``avp_wagtail.models.item_schema``); the copy is applied the way a CSV import row is
(``open_data.apply``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from avp_wagtail.core.cleaning import strip_control
from avp_wagtail.models import ActionItemPage, item_schema
from avp_wagtail.models.item_schema import ItemField, Value
from avp_wagtail.open_data.apply import MISSING, ItemContext, apply_changes, item_changes
from avp_wagtail.open_data.schema import SCHEMA_NAME, SCHEMA_VERSION
from avp_wagtail.open_data.uploads import UploadError, check_document

ITEM_MARKERS = ("title", "summary", "ogp_values")


def as_document(data: Any) -> dict[str, Any]:
    """An export document from uploaded data: a whole export, or one item of one."""
    if isinstance(data, dict) and "schema" not in data and all(k in data for k in ITEM_MARKERS):
        return check_document(
            {
                "schema": SCHEMA_NAME,
                "schema_version": SCHEMA_VERSION,
                "publisher": {"name": "", "url": ""},
                "plan": {"title": "", "start_date": None},
                "items": [data],
            }
        )
    return check_document(data)


@dataclass
class Borrowable:
    """One action offered for borrowing, as listed to the editor."""

    key: str
    title: str
    summary: str
    theme: str
    source_id: str


def borrowable(document: dict[str, Any]) -> list[Borrowable]:
    return [
        Borrowable(
            key=str(position),
            title=item["title"],
            summary=_text(item.get("summary")),
            theme=_text(item.get("theme")),
            source_id=_text(item.get("id"), 64),
        )
        for position, item in enumerate(document["items"])
    ]


def _text(value: object, limit: int | None = None) -> str:
    # read_json already removed control characters; a document from elsewhere may not have.
    text = strip_control(value) if isinstance(value, str) else ""
    return text[:limit] if limit else text


def _date(value: Any) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise UploadError(
            _("“%(value)s” in the export is not a date.") % {"value": value}
        ) from None


def _shift(value: Any, offset: datetime.timedelta | None) -> datetime.date | None:
    day = _date(value)
    return day + offset if day and offset is not None else day


def _moved(value: Any, offset: datetime.timedelta | None) -> str | None:
    day = _shift(value, offset)
    return day.isoformat() if day else None


def _offset(document: dict[str, Any], plan: Any) -> datetime.timedelta | None:
    source_start = _date((document.get("plan") or {}).get("start_date"))
    if source_start is None or plan.start_date is None:
        return None
    return plan.start_date - source_start


def _borrowed_value(
    row: ItemField, value: Any, offset: datetime.timedelta | None, themes: Any
) -> Any:
    """A borrowed value as it is copied: text without control characters and cut to its
    field's length, dates moved by ``offset``, a theme only if the plan has one of that
    title, milestones with their title and moved due date only."""
    if row.value == Value.TEXT:
        model_field: Any = ActionItemPage._meta.get_field(row.name)  # a concrete Field
        return _text(value, model_field.max_length)
    if row.value == Value.RICH_TEXT:
        return _text(value)
    if row.value == Value.DATE:
        return _moved(value, offset)
    if row.value == Value.THEME:
        title = _text(value)
        return title if title.casefold() in themes else None
    if row.value == Value.TAGS:
        return [_text(tag, 100) for tag in value or [] if _text(tag)]
    if row.value == Value.MILESTONES:
        return [
            {
                "title": _text(milestone.get("title"), 255) or "—",
                "due_date": _moved(milestone.get("due_date"), offset),
            }
            for milestone in value or []
            if isinstance(milestone, dict)
        ]
    if row.value == Value.OGP_VALUES:
        return value or []
    if row.value == Value.YES_NO:
        return bool(value)
    return value


def _copy(
    item: dict[str, Any],
    document: dict[str, Any],
    plan: Any,
    offset: datetime.timedelta | None,
    context: ItemContext,
) -> Any:
    """The item as a new draft of the plan: the schema's ``borrowed`` fields, applied like an
    imported row (``open_data.apply``), and where it was adapted from."""
    publisher = document.get("publisher") or {}
    source_plan = document.get("plan") or {}
    borrowed: dict[str, Any] = {}
    for row in item_schema.json_fields():
        value = row.get(item, MISSING)
        if row.borrowed and value is not MISSING:
            row.put(borrowed, _borrowed_value(row, value, offset, context.themes))
    title = borrowed["title"]
    borrowed["summary"] = borrowed.get("summary") or title
    changes, errors = item_changes(borrowed, context)
    if errors:
        raise UploadError(" ".join(errors[0][1].messages))
    page = ActionItemPage(
        slug=find_available_slug(plan, slugify(title)[:200] or "action"),
        live=False,
        adapted_from_title=title,
        adapted_from_municipality=_text(publisher.get("name"), 255),
        adapted_from_plan=_text(source_plan.get("title"), 255),
        adapted_from_url=_text(item.get("url"), 500),
        source_id=_text(item.get("id"), 64),
    )
    apply_changes(page, changes)
    return page


def borrow(plan: Any, document: dict[str, Any], keys: Iterable[str], user: Any = None) -> list[Any]:
    """Copy the chosen items (keys from ``borrowable``) into the plan as drafts, all or none."""
    context = ItemContext(plan)
    offset = _offset(document, plan)
    chosen = [document["items"][int(key)] for key in keys]
    created: list[Any] = []
    with transaction.atomic():
        for item in chosen:
            page = _copy(item, document, plan, offset, context)
            try:
                plan.add_child(instance=page)
                page.save_revision(user=user, log_action=True)
            except ValidationError as error:
                raise UploadError(
                    _("“%(title)s” cannot be copied: %(problem)s")
                    % {"title": page.title, "problem": " ".join(error.messages)}
                ) from None
            created.append(page)
    return created
