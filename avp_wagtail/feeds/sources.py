"""What the calendars and feeds of a plan or a programme contain, each in one query."""

from ..models import ActionItemPage, ActionPlanPage, MeetingProtocolPage, Milestone, ProgressUpdate


def programme_of(page):
    return page.get_parent().specific if isinstance(page, ActionPlanPage) else page


def meetings_of(page):
    """Live meetings of the page's programme (meetings are the programme's children)."""
    return list(
        MeetingProtocolPage.objects.child_of(programme_of(page))
        .live()
        .prefetch_related("agenda_items")
        .order_by("start")
    )


def items_of(page):
    """Live action items of the plan, or of every plan of the programme."""
    return list(ActionItemPage.objects.live().descendant_of(page).order_by("path"))


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
