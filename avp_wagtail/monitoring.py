"""When the next monitoring meeting of a plan is due (D6, I1).

The plan's cadence ("every N weeks or months, from a start date") gives due dates. The next
one is the first due date after the last monitoring meeting held. An announced monitoring
meeting before the due date after that one is shown as the next meeting; otherwise the page
says "due by <date>", and "overdue" once that date has passed without a meeting.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.utils import timezone

from .choices import CadenceUnit, MeetingKind

MAX_PERIODS = 10_000  # a cadence from long ago still ends the loop


def add_periods(date, every, unit, times=1):
    if unit == CadenceUnit.WEEKS:
        return date + datetime.timedelta(weeks=every * times)
    months = date.month - 1 + every * times
    year, month = date.year + months // 12, months % 12 + 1
    return date.replace(
        year=year, month=month, day=min(date.day, calendar.monthrange(year, month)[1])
    )


@dataclass
class NextMonitoring:
    due: datetime.date
    meeting: object = None  # an announced MeetingProtocolPage, if any
    overdue: bool = False


def next_monitoring(plan, now=None):
    """The plan's next monitoring meeting, or None when the plan has no cadence."""
    from .models import MeetingProtocolPage

    if not plan.monitoring_every:
        return None
    now = now or timezone.now()
    today = timezone.localdate(now)
    start = plan.monitoring_start or plan.start_date
    meetings = (
        MeetingProtocolPage.objects.live()
        .sibling_of(plan)
        .filter(kind=MeetingKind.MONITORING, locale_id=plan.locale_id)
    )
    last_held = meetings.filter(start__lt=now).order_by("-start").first()
    due = start
    if last_held is not None:
        held_on = timezone.localdate(last_held.start)
        for _ in range(MAX_PERIODS):
            if due > held_on:
                break
            due = add_periods(due, plan.monitoring_every, plan.monitoring_unit)
    upcoming = meetings.filter(start__gte=now).order_by("start").first()
    window_end = add_periods(due, plan.monitoring_every, plan.monitoring_unit)
    if upcoming is not None and timezone.localdate(upcoming.start) < window_end:
        return NextMonitoring(due=due, meeting=upcoming)
    return NextMonitoring(due=due, overdue=due < today)
