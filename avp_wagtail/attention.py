"""What needs an official's attention: actions behind schedule and stale ones (I1).

"Behind schedule" is the one definition of ``avp_wagtail.progress`` (delayed, past its
planned end, or with an overdue milestone), so the dashboard and the reminders name the same
actions as the plan page, the network page and the report.

Used by the admin dashboard panel and by the reminder command, in a bounded number of
queries whatever the number of items.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max
from django.utils import timezone

from .conf import get_setting
from .progress import FINISHED_STATUSES, is_behind_schedule, is_delayed, overdue_milestones


@dataclass
class ItemAttention:
    item: object
    overdue_milestones: list = field(default_factory=list)
    last_update: datetime.date | None = None
    stale: bool = False
    behind_schedule: bool = False
    delayed: bool = False
    past_planned_end: bool = False

    @property
    def overdue(self):
        """A date has passed: the planned end, or a milestone's due date."""
        return self.past_planned_end or bool(self.overdue_milestones)


def default_language_items():
    """Action items in the default language: translations share their facts (status,
    dates, progress), so lists for officials show each action once."""
    from wagtail.models import Locale

    from .models import ActionItemPage

    return ActionItemPage.objects.filter(locale=Locale.get_default())


def items_needing_attention(queryset=None, today=None):
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
        .select_related("contact_person")
        .prefetch_related("milestones")
        .order_by("path")
    )
    result = []
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
