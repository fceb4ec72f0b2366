"""Records the public change history of action items when they are published (I1), and
when a meeting is published, the decisions about them that were done or changed (D3)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from wagtail.models import PageLogEntry

from avp_wagtail.models import ActionItemPage, ItemChange
from avp_wagtail.models.agenda_items import DecisionState


def _as_text(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def previously_published(page: Any, revision: Any) -> Any:
    """The page as it was published before ``revision`` (None on its first publication)."""
    entry = (
        PageLogEntry.objects.filter(
            page_id=page.pk, action="wagtail.publish", revision__isnull=False
        )
        .exclude(revision=revision)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.as_object() if entry is not None else None


def record_item_changes(
    sender: type, instance: Any, revision: Any = None, **kwargs: Any
) -> list[ItemChange]:
    """``page_published`` receiver: compare the item with its previously published revision
    and store one ``ItemChange`` per field the schema of an action item marks ``tracked``
    (``avp_wagtail.models.item_schema``) that changed (old → new)."""
    old = previously_published(instance, revision)
    if old is None:
        return []
    now = timezone.now()
    changes = [
        ItemChange(
            page=instance,
            field=field,
            old_value=_as_text(getattr(old, field)),
            new_value=_as_text(getattr(instance, field)),
            changed_at=now,
        )
        for field in ItemChange.TRACKED_FIELDS
        if _as_text(getattr(old, field)) != _as_text(getattr(instance, field))
    ]
    return ItemChange.objects.bulk_create(changes)


def _decision_value(point: Any) -> str:
    """What the history records of a decision's state: "done:<date>" or the state."""
    if point.decision_state == DecisionState.DONE and point.done_on:
        return f"{DecisionState.DONE}:{point.done_on.isoformat()}"
    return str(point.decision_state)


def _item_in_language(item: Any, locale_id: Any) -> Any:
    """The action a decision concerns, in the meeting's language; None if it has no version
    in that language (the source meeting records the change on the source action)."""
    if item.locale_id == locale_id:
        return item
    return ActionItemPage.objects.filter(
        translation_key=item.translation_key, locale_id=locale_id
    ).first()


def record_decision_changes(
    sender: type, instance: Any, revision: Any = None, **kwargs: Any
) -> list[ItemChange]:
    """``page_published`` receiver for meetings: for each decision linked to an action that
    became done or changed by a later decision since the meeting's previous publication
    (or is so on its first), store one ``ItemChange`` on the action (field
    ``ItemChange.DECISION_FIELD``, the old and new state, the decision), so the action's
    public change history says "decision of <meeting>: open → done on <date>". A meeting's
    translation records on the action's translation in its language."""
    old = previously_published(instance, revision)
    before = (
        {point.translation_key: _decision_value(point) for point in old.agenda_items.all()}
        if old is not None
        else {}
    )
    followed = (DecisionState.DONE, DecisionState.CHANGED)
    points = instance.agenda_items.filter(
        action_item__isnull=False, decision_state__in=followed
    ).select_related("action_item")
    now = timezone.now()
    changes = []
    for point in points:
        old_value = before.get(point.translation_key, str(DecisionState.OPEN))
        new_value = _decision_value(point)
        if old_value == new_value:
            continue
        item = _item_in_language(point.action_item, instance.locale_id)
        if item is None:
            continue
        changes.append(
            ItemChange(
                page=item,
                field=ItemChange.DECISION_FIELD,
                old_value=old_value,
                new_value=new_value,
                decision=point,
                changed_at=now,
            )
        )
    return ItemChange.objects.bulk_create(changes)
