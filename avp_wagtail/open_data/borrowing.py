"""Borrowing actions from another municipality's open data export (I3).

The editor uploads the JSON export of someone else's plan (or one item of it), picks
actions, and each becomes a draft item in one of their own plans. Texts, milestones
(dates moved by the difference between the two plans' start dates), OGP values and tags
are copied; organisations, people and resources are not: the borrowing municipality
chooses its own. Every copy keeps a visible "adapted from" attribution.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from ..choices import OgpValue
from ..forms.cleaning import strip_control
from ..models import ActionItemPage, Milestone
from ..models.action_item import OGP_VALUE_FIELDS
from .rich_text import clean_rich_text
from .schema import SCHEMA_NAME, SCHEMA_VERSION
from .uploads import UploadError, check_document

ITEM_MARKERS = ("title", "summary", "ogp_values")


def as_document(data):
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


def borrowable(document):
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


def _text(value, limit=None):
    # read_json already removed control characters; a document from elsewhere may not have.
    text = strip_control(value) if isinstance(value, str) else ""
    return text[:limit] if limit else text


def _date(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise UploadError(
            _("“%(value)s” in the export is not a date.") % {"value": value}
        ) from None


def _shift(value, offset):
    day = _date(value)
    return day + offset if day and offset is not None else day


def _offset(document, plan):
    source_start = _date((document.get("plan") or {}).get("start_date"))
    if source_start is None or plan.start_date is None:
        return None
    return plan.start_date - source_start


def _rich_text(value):
    """A borrowed rich text, cleaned; markup too deeply nested is refused with a message."""
    try:
        return clean_rich_text(_text(value))
    except ValidationError as error:
        raise UploadError(error.messages[0]) from None


def _copy(item, document, plan, offset, themes):
    publisher = document.get("publisher") or {}
    source_plan = document.get("plan") or {}
    title = _text(item["title"], 255)
    page = ActionItemPage(
        title=title,
        slug=find_available_slug(plan, slugify(title)[:200] or "action"),
        live=False,
        summary=_text(item.get("summary")) or title,
        problem=_rich_text(item.get("problem")),
        activities=_rich_text(item.get("activities")),
        expected_result=_rich_text(item.get("expected_result")),
        theme=themes.get(_text(item.get("theme")).casefold()),
        planned_start=_shift(item.get("planned_start"), offset),
        planned_end=_shift(item.get("planned_end"), offset),
        is_quick_win=bool(item.get("quick_win")),
        adapted_from_title=title,
        adapted_from_municipality=_text(publisher.get("name"), 255),
        adapted_from_plan=_text(source_plan.get("title"), 255),
        adapted_from_url=_text(item.get("url"), 500),
        source_id=_text(item.get("id"), 64),
    )
    values = item.get("ogp_values") or []
    for value, name in OGP_VALUE_FIELDS.items():
        setattr(page, name, value.value in values)
    unknown = [v for v in values if v not in OgpValue.values]
    if unknown:
        raise UploadError(
            _("“%(value)s” in the export is not an OGP value.") % {"value": unknown[0]}
        )
    page.milestones = [
        Milestone(
            title=_text(milestone.get("title"), 255) or "—",
            due_date=_shift(milestone.get("due_date"), offset),
        )
        for milestone in item.get("milestones") or []
        if isinstance(milestone, dict)
    ]
    page.tags.set([_text(tag, 100) for tag in item.get("tags") or [] if _text(tag)])
    return page


def borrow(plan, document, keys, user=None):
    """Copy the chosen items (keys from ``borrowable``) into the plan as drafts, all or none."""
    themes = {theme.title.casefold(): theme for theme in plan.themes.all()}
    offset = _offset(document, plan)
    chosen = [document["items"][int(key)] for key in keys]
    created = []
    with transaction.atomic():
        for item in chosen:
            page = _copy(item, document, plan, offset, themes)
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
