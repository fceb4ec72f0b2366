"""Plans and actions with known dates for the timeline's tests."""

import datetime

from avp_wagtail.models import ActionItemPage, ActionPlanPage, Milestone

D = datetime.date


def plan(start=None, end=None, title="Plan"):
    """An unsaved plan, 2026 by default (the geometry needs no database rows, only the
    page's fields)."""
    return ActionPlanPage(
        title=title, start_date=start or D(2026, 1, 1), end_date=end or D(2026, 12, 31)
    )


def action(title, status="in_progress", start=None, end=None, milestones=()):
    """An unsaved action with its milestones: (title, due, completed) each."""
    return ActionItemPage(
        title=title,
        status=status,
        planned_start=start,
        planned_end=end,
        milestones=[
            Milestone(title=name, due_date=due, completed_date=completed)
            for name, due, completed in milestones
        ],
    )
