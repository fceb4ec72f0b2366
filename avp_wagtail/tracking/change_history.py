"""Records the public change history of action items when they are published (I1)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from wagtail.models import PageLogEntry

from avp_wagtail.models import ItemChange


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
