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
    return next_monitorings([plan], now).get(plan.pk)


def _monitoring_meetings(plans):
    """Live monitoring meetings beside the given plans (children of their programmes, in
    their languages), in one query, keyed by (parent path, locale id)."""
    from django.db.models import Q

    from .models import MeetingProtocolPage

    steplen = MeetingProtocolPage.steplen
    siblings = Q(pk__in=[])
    for plan in plans:
        siblings |= Q(path__startswith=plan.path[:-steplen], depth=plan.depth)
    found = {}
    meetings = (
        MeetingProtocolPage.objects.live()
        .filter(siblings, kind=MeetingKind.MONITORING)
        .order_by("start")
    )
    for meeting in meetings:
        found.setdefault((meeting.path[:-steplen], meeting.locale_id), []).append(meeting)
    return found


def next_monitorings(plans, now=None):
    """``next_monitoring`` of several plans (plan pk -> NextMonitoring), in one query."""
    plans = [plan for plan in plans if plan.monitoring_every]
    if not plans:
        return {}
    now = now or timezone.now()
    meetings = _monitoring_meetings(plans)
    return {
        plan.pk: _next(plan, meetings.get((plan.path[: -plan.steplen], plan.locale_id), []), now)
        for plan in plans
    }


def _next(plan, meetings, now):
    """The next monitoring of one plan, from its programme's monitoring meetings (by start)."""
    today = timezone.localdate(now)
    start = plan.monitoring_start or plan.start_date
    held = [meeting for meeting in meetings if meeting.start < now]
    last_held = held[-1] if held else None
    due = start
    if last_held is not None:
        held_on = timezone.localdate(last_held.start)
        for _ in range(MAX_PERIODS):
            if due > held_on:
                break
            due = add_periods(due, plan.monitoring_every, plan.monitoring_unit)
    upcoming = next((meeting for meeting in meetings if meeting.start >= now), None)
    window_end = add_periods(due, plan.monitoring_every, plan.monitoring_unit)
    if upcoming is not None and timezone.localdate(upcoming.start) < window_end:
        return NextMonitoring(due=due, meeting=upcoming)
    return NextMonitoring(due=due, overdue=due < today)
