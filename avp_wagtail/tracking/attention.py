"""What needs an official's attention: actions behind schedule and stale ones (I1).

"Behind schedule" is the one definition of ``avp_wagtail.core.progress`` (delayed, past its
planned end, or with an overdue milestone), so the dashboard and the reminders name the same
actions as the plan page, the network page and the report.

Used by the admin dashboard panel and by the reminder command, in a bounded number of
queries whatever the number of items.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max
from django.utils import timezone
from wagtail.models import Locale
from wagtail.query import PageQuerySet

from avp_wagtail.conf import get_setting
from avp_wagtail.core.progress import (
    FINISHED_STATUSES,
    is_behind_schedule,
    is_delayed,
    overdue_milestones,
)
from avp_wagtail.models import ActionItemPage


@dataclass
class ItemAttention:
    item: Any  # an ActionItemPage
    overdue_milestones: list[Any] = field(default_factory=list)
    last_update: datetime.date | None = None
    stale: bool = False
    behind_schedule: bool = False
    delayed: bool = False
    past_planned_end: bool = False

    @property
    def overdue(self) -> bool:
        """A date has passed: the planned end, or a milestone's due date."""
        return self.past_planned_end or bool(self.overdue_milestones)


def default_language_items() -> PageQuerySet:
    """Action items in the default language: translations share their facts (status,
    dates, progress), so lists for officials show each action once."""
    return ActionItemPage.objects.filter(locale=Locale.get_default())


def items_needing_attention(
    queryset: PageQuerySet | None = None, today: datetime.date | None = None
) -> list[ItemAttention]:
    """Live, unfinished action items behind schedule or with no recent update.

    ``queryset`` narrows the items (e.g. to one site's tree); by default the live items in
    the default language (translations share their facts, so they are not listed again).
    """
    today = today or timezone.localdate()
    stale_before = today - datetime.timedelta(days=get_setting("STALE_AFTER_DAYS"))
    items = (
        (queryset if queryset is not None else default_language_items())
        .live()
        .exclude(status__in=FINISHED_STATUSES)
        .annotate(last_update=Max("progress_updates__date"))
        .select_related("contact_person", "locale")
        .prefetch_related("milestones")
        .order_by("path")
    )
    result: list[ItemAttention] = []
    for item in items:
        overdue = overdue_milestones(item, today)
        behind = is_behind_schedule(item, today)
        past_end = bool(item.planned_end and item.planned_end < today)
        dates = [item.last_update]
        if item.last_published_at:
            dates.append(timezone.localdate(item.last_published_at))
        dates = [date for date in dates if date]
        stale = not dates or max(dates) < stale_before
        if behind or stale:
            result.append(
                ItemAttention(
                    item,
                    overdue,
                    item.last_update,
                    stale,
                    behind_schedule=behind,
                    delayed=is_delayed(item),
                    past_planned_end=past_end,
                )
            )
    return result
