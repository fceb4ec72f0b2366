"""Warnings shown to editors after saving a page: things that are allowed but look wrong."""

from django.contrib import messages
from django.utils.translation import gettext as _

from avp_wagtail.core.dates import format_date
from avp_wagtail.models import ActionItemPage


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
                "due": format_date(milestone.due_date),
                "start": format_date(page.planned_start) if page.planned_start else "…",
                "end": format_date(page.planned_end) if page.planned_end else "…",
            },
        )
