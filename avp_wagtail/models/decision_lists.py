"""The decisions of meetings that concern an action or a plan, and how each turned out
(D3, I1): for the plan page, the action page and the meeting page.

A decision (``AgendaItem``) links one language version of an action and of the later
decision that changed it (the links are synchronised facts). These helpers show each in the
reader's language where a translation exists, in a fixed number of queries whatever the
number of decisions. The plan and action pages list decisions of public meetings only (the
same for every visitor: they are in the pages' cached fragments); the meeting page links
later decisions the visitor may see (``avp_wagtail.core.visibility``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db.models import F, QuerySet
from django.http import HttpRequest

from avp_wagtail.core.visibility import visible, visible_q


def _agenda_items() -> Any:
    return apps.get_model("avp_wagtail", "AgendaItem").objects


def _in_language(rows: Iterable[Any], locale_id: Any) -> list[Any]:
    """One row per translation group: the one in ``locale_id`` where there is one, else the
    first (rows come ordered)."""
    chosen: dict[Any, Any] = {}
    for row in rows:
        key = row.translation_key
        if key not in chosen or (row.locale_id == locale_id != chosen[key].locale_id):
            chosen[key] = row
    return list(chosen.values())


def attach_later_decisions(
    points: Iterable[Any], locale_id: Any, request: HttpRequest | None
) -> None:
    """Set ``later_decision`` on each point changed by a later decision: that decision in
    the reader's language where translated, None if its meeting is not visible. One query
    (none when no point was changed)."""
    points = list(points)
    keys: dict[Any, Any] = {}
    for point in points:
        point.later_decision = None
        if point.changed_by_id is not None:
            key = getattr(point, "later_key", None)
            if key is None:  # a preview's in-memory row
                later = point.changed_by
                key = later.translation_key if later is not None else None
            if key is not None:
                keys[point.pk or id(point)] = key
    if not keys:
        return
    rows = (
        _agenda_items()
        .filter(translation_key__in=set(keys.values()))
        .filter(visible_q(request, prefix="page"))
        .select_related("page")
        .order_by("pk")
    )
    by_key = {row.translation_key: row for row in _in_language(rows, locale_id)}
    for point in points:
        key = keys.get(point.pk or id(point))
        if key is not None:
            point.later_decision = by_key.get(key)


def decisions_concerning(item_keys: Iterable[Any], locale_id: Any) -> list[Any]:
    """The decisions of public meetings linked to the actions of ``item_keys`` (translation
    keys), newest meeting first, each in the reader's language where translated, with
    ``item_key`` and ``later_decision`` set. The same for every visitor, for the cached
    fragments of the plan and action pages (the meetings are not under those pages, so
    the fragments' key does not tell apart visitors who passed a meeting's view
    restriction). Two queries."""
    rows = (
        _agenda_items()
        .filter(action_item__translation_key__in=list(item_keys))
        .filter(visible_q(None, prefix="page"))
        .annotate(item_key=F("action_item__translation_key"))
        .annotate(later_key=F("changed_by__translation_key"))
        .select_related("page")
        .order_by("-page__start", "page__path", "sort_order", "pk")
    )
    decisions = _in_language(rows, locale_id)
    attach_later_decisions(decisions, locale_id, None)
    return decisions


def item_decisions(item: Any) -> list[Any]:
    """The decisions that concern one action (the action page)."""
    if not item.pk:
        return []
    return decisions_concerning([item.translation_key], item.locale_id)


def plan_decisions(plan: Any, request: HttpRequest | None) -> list[Any]:
    """The decisions that concern the actions of a plan the visitor may see (the actions
    are under the plan: the fragments' key covers their view restrictions), each with
    ``item`` set to the action in the plan's language (the plan page). Three queries."""
    if not plan.pk:
        return []
    item_model = apps.get_model("avp_wagtail", "ActionItemPage")
    items = {
        item.translation_key: item for item in visible(item_model.objects.child_of(plan), request)
    }
    if not items:
        return []
    decisions = decisions_concerning(items, plan.locale_id)
    for decision in decisions:
        decision.item = items.get(decision.item_key)
    return decisions


def attach_linked_items(points: Iterable[Any], locale_id: Any, request: HttpRequest | None) -> None:
    """Set ``linked_item`` on each point linked to an action: that action in the reader's
    language where translated, None if the visitor may not see it. One query (none when no
    point links an action)."""
    points = list(points)
    keys: dict[Any, Any] = {}
    for point in points:
        point.linked_item = None
        if point.action_item_id is not None:
            key = getattr(point, "item_key", None)
            if key is None:  # a preview's in-memory row
                item = point.action_item
                key = item.translation_key if item is not None else None
            if key is not None:
                keys[point.pk or id(point)] = key
    if not keys:
        return
    item_model = apps.get_model("avp_wagtail", "ActionItemPage")
    rows = visible(item_model.objects.filter(translation_key__in=set(keys.values())), request)
    by_key = {row.translation_key: row for row in _in_language(rows.order_by("pk"), locale_id)}
    for point in points:
        key = keys.get(point.pk or id(point))
        if key is not None:
            point.linked_item = by_key.get(key)


def meeting_agenda(meeting: Any, request: HttpRequest | None) -> list[Any]:
    """A meeting's agenda points with ``later_decision`` and ``linked_item`` set (the
    meeting page). In a preview the points are the edit form's in-memory rows."""
    points = meeting.agenda_items.all()
    if isinstance(points, QuerySet):
        points = points.annotate(
            item_key=F("action_item__translation_key"),
            later_key=F("changed_by__translation_key"),
        )
    points = list(points)
    attach_later_decisions(points, meeting.locale_id, request)
    attach_linked_items(points, meeting.locale_id, request)
    return points
