"""When the next monitoring meeting of a plan is due (D6, I1).

The plan's cadence ("every N weeks or months, from a start date") gives due dates. The next
one is the first due date after the last monitoring meeting held. An announced monitoring
meeting before the due date after that one is shown as the next meeting; otherwise the page
says "due by <date>", and "overdue" once that date has passed without a meeting.

A monitoring meeting belongs to the plan it monitors (``MeetingProtocolPage.monitored_plan``):
a plan counts only its own meetings, so a new plan does not inherit the previous plan's.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_supported_language_variant
from wagtail.coreutils import get_supported_content_language_variant

from avp_wagtail.core.choices import CadenceUnit, MeetingKind
from avp_wagtail.core.visibility import visible
from avp_wagtail.models import ActionPlanPage, MeetingProtocolPage, OpenGovernmentPage

MAX_PERIODS = 10_000  # a cadence from long ago still ends the loop


def add_periods(date: datetime.date, every: int, unit: str, times: int = 1) -> datetime.date:
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
    meeting: Any = None  # an announced MeetingProtocolPage, if any
    overdue: bool = False


def next_monitoring(
    plan: Any, now: datetime.datetime | None = None, visitor: HttpRequest | None = None
) -> NextMonitoring | None:
    """The plan's next monitoring meeting, or None when the plan has no cadence.
    ``visitor``: see ``next_monitorings``."""
    return next_monitorings([plan], now, visitor=visitor).get(plan.pk)


def _language_code(language: Any) -> str | None:
    """A content language code for ``language`` (a code or a Locale), or None."""
    code = getattr(language, "language_code", language)
    if not code:
        return None
    try:
        return get_supported_content_language_variant(code)
    except LookupError:
        try:
            return get_supported_language_variant(code)
        except LookupError:
            return None


def _default_language_code() -> str | None:
    return _language_code(settings.LANGUAGE_CODE)


def one_version(versions: list[Any], language: Any = None) -> Any:
    """Of the language versions of one page (a list), the one in ``language``, else the
    one in the default language, else the first."""
    wanted = [_language_code(language), _default_language_code()]
    for code in wanted:
        for page in versions:
            if code and page.locale.language_code == code:
                return page
    return versions[0]


def once_per_page(pages: Iterable[Any], language: Any = None) -> list[Any]:
    """Each page of ``pages`` once (one per translation group), in ``language`` where it is
    translated, else in the default language; in the order of the first version found.
    The pages need their ``locale`` (select_related) to cost no query."""
    groups: dict[Any, list[Any]] = {}
    for page in pages:
        groups.setdefault(page.translation_key, []).append(page)
    return [one_version(versions, language) for versions in groups.values()]


def _monitoring_meetings(
    plans: list[Any], visitor: HttpRequest | None = None
) -> dict[Any, dict[Any, list[Any]]]:
    """Live monitoring meetings of the given plans, in one query: plan translation key ->
    meeting translation key -> the meeting's language versions (ordered by start).

    A meeting belongs to the plan it monitors (``monitored_plan``); its translations keep
    the link synchronised, so they may point at the plan's source-language version: the
    link is matched on the plan's translation key."""
    found: dict[Any, dict[Any, list[Any]]] = {}
    meetings = MeetingProtocolPage.objects.live()
    if visitor is not None:
        meetings = visible(meetings, visitor)
    meetings = (
        meetings.filter(
            kind=MeetingKind.MONITORING,
            monitored_plan__translation_key__in={plan.translation_key for plan in plans},
        )
        .annotate(avp_plan_key=F("monitored_plan__translation_key"))
        .select_related("locale")
        .order_by("start", "path")
    )
    for meeting in meetings:
        by_meeting = found.setdefault(meeting.avp_plan_key, {})
        by_meeting.setdefault(meeting.translation_key, []).append(meeting)
    return found


def next_monitorings(
    plans: Iterable[Any],
    now: datetime.datetime | None = None,
    language: Any = None,
    visitor: HttpRequest | None = None,
) -> dict[int, NextMonitoring]:
    """``next_monitoring`` of several plans (plan pk -> NextMonitoring), in one query.

    ``visitor``: the request of a public page, which counts only the meetings the visitor
    may see (avp_wagtail.core.visibility); without it (the admin) every live meeting counts.

    Each plan counts only the monitoring meetings that monitor it. A meeting is shown in
    ``language`` when given (e.g. the editor's), else in the plan's own language, falling
    back to the default language's version."""
    plans = [plan for plan in plans if plan.monitoring_every]
    if not plans:
        return {}
    now = now or timezone.now()
    meetings = _monitoring_meetings(plans, visitor)
    result: dict[int, NextMonitoring] = {}
    for plan in plans:
        wanted = language or plan.locale_id
        groups = meetings.get(plan.translation_key, {}).values()
        chosen = [one_version(versions, _wanted_code(wanted, versions)) for versions in groups]
        chosen.sort(key=lambda meeting: (meeting.start, meeting.path))
        result[plan.pk] = _next(plan, chosen, now)
    return result


def _wanted_code(wanted: Any, versions: list[Any]) -> Any:
    """A language code for ``wanted`` (a code, a Locale or a locale id)."""
    if isinstance(wanted, int):
        return next(
            (page.locale.language_code for page in versions if page.locale_id == wanted), None
        )
    return wanted


def _next(plan: Any, meetings: list[Any], now: datetime.datetime) -> NextMonitoring:
    """The next monitoring of one plan, from its own monitoring meetings (by start)."""
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


def add_monitoring_context(page: Any, request: HttpRequest, context: dict[str, Any]) -> None:
    """The next monitoring meeting (D6) on a plan page, and on each plan of a programme page
    (``avp_page_context`` hook)."""
    if isinstance(page, ActionPlanPage):
        context["next_monitoring"] = next_monitoring(page, visitor=request)
    elif isinstance(page, OpenGovernmentPage):
        plans = context.get("plans") or []
        monitorings = next_monitorings(plans, visitor=request)
        for plan in plans:
            plan.next_monitoring = monitorings.get(plan.pk)
