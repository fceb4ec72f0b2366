"""What needs an official's attention: overdue milestones and stale action items (I1).

Used by the admin dashboard panel and by the reminder command, in a bounded number of
queries whatever the number of items.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max
from django.utils import timezone

from .conf import get_setting
from .progress import FINISHED_STATUSES, overdue_milestones


@dataclass
class ItemAttention:
    item: object
    overdue_milestones: list = field(default_factory=list)
    last_update: datetime.date | None = None
    stale: bool = False


def default_language_items():
    """Action items in the default language: translations share their facts (status,
    dates, progress), so lists for officials show each action once."""
    from wagtail.models import Locale

    from .models import ActionItemPage

    return ActionItemPage.objects.filter(locale=Locale.get_default())


def items_needing_attention(queryset=None, today=None):
    """Live, unfinished action items with an overdue milestone or no recent update.

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
        dates = [item.last_update]
        if item.last_published_at:
            dates.append(timezone.localdate(item.last_published_at))
        dates = [date for date in dates if date]
        stale = not dates or max(dates) < stale_before
        if overdue or stale:
            result.append(ItemAttention(item, overdue, item.last_update, stale))
    return result
