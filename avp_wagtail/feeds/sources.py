"""What the calendars and feeds of a plan or a programme contain, each in one query.

Only pages the reader may see (avp_wagtail.core.visibility): a feed reader sees no restricted
meeting or action; a restricted plan's own feed is behind its restriction (Wagtail checks
it before serving the page's sub-URLs) and shows the plan's actions to those who passed it.
"""

from avp_wagtail.core.visibility import visible
from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    MeetingProtocolPage,
    Milestone,
    ProgressUpdate,
)


def programme_of(page):
    return page.get_parent().specific if isinstance(page, ActionPlanPage) else page


def meetings_of(page, request=None):
    """Visible meetings of the page's programme (meetings are the programme's children)."""
    return list(
        visible(MeetingProtocolPage.objects.child_of(programme_of(page)), request)
        .prefetch_related("agenda_items")
        .order_by("start")
    )


def items_of(page, request=None):
    """Visible action items of the plan, or of every plan of the programme."""
    return list(visible(ActionItemPage.objects.descendant_of(page), request).order_by("path"))


def milestones_of(items):
    return list(
        Milestone.objects.filter(page__in=items, due_date__isnull=False)
        .select_related("page")
        .order_by("due_date", "pk")
    )


def updates_of(items, limit):
    return list(
        ProgressUpdate.objects.filter(page__in=items)
        .select_related("page")
        .order_by("-date", "-pk")[:limit]
    )
