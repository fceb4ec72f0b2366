"""Warnings shown to editors after saving a page: things that are allowed but look wrong."""

from django.contrib import messages
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import ActionItemPage


def warn_about_milestones_outside_period(request, page):
    """After saving an action item, warn about milestones due outside its planned period."""
    page = page.specific
    if not isinstance(page, ActionItemPage):
        return
    for milestone in page.milestones_outside_period():
        messages.warning(
            request,
            _(
                "Milestone “%(title)s” is due on %(due)s, outside the item's planned "
                "period (%(start)s – %(end)s). It was saved; check the dates."
            )
            % {
                "title": milestone.title,
                "due": date_format(milestone.due_date),
                "start": date_format(page.planned_start) if page.planned_start else "…",
                "end": date_format(page.planned_end) if page.planned_end else "…",
            },
        )
