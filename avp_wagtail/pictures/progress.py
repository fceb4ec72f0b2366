"""Progress over time as plain data: an action's progress history (a step chart on its
page) and the plan's weighted progress month by month against a straight "planned" line
(on the plan page). The templates ``pictures/plan_progress.html`` and
``pictures/item_progress.html`` only draw what this computes, so tests check the geometry
against the data. Modules: ``progress_history`` (an action's history, ``load_histories``),
``progress_geometry`` (the shared narrow layout), this one (the plan's chart),
``progress_item`` (an action's step chart), ``progress_views`` (lazy page context).

**Where an action's history comes from, and how the two sources merge.**

- *Progress updates that set progress* are dated reports (``ProgressUpdate.date``; an
  editor may backdate one). The action follows the latest of them (by date, then order:
  ``core.progress.latest_first``), so from the date of the first one on, **the updates
  decide**: the value on a day is the progress of the latest update dated on or before it.
  A backdated report moves the step to the day it reports; a corrected one changes the
  step; two on one day: the later in the page's order counts.
- *Progress changes of the change history* (``ItemChange``, field "progress") are what was
  published when (``changed_at``'s local date, ``new_value``). Before the first update's
  date (or with no update that sets progress: progress set by an editor, a CSV import or
  a borrowed action) **the published changes decide**. Changes on or after the first
  update's date are the updates' own effects, published later; they are left out.
- *Before any event* the value is the first change's ``old_value`` (what was published
  until then), or 0.
- *No event at all* but a progress (set when the action was first published, never
  changed): that value from the day it was first published (``first_published_at``), 0
  before; an action never published (a preview) has it throughout.

**The plan's monthly progress.** At the end of every month from the plan's adoption date
(its start date when empty) up to today (never past the plan's end), the weighted mean of
every visible action's value on that day, with ``core.progress.mean_progress`` (weights,
half-up rounding, cancelled actions not counted). An action cancelled *now* is left out of
every month, as the plan's overall progress leaves it out: the line does not drop on the
day an action is cancelled. The last point is today (the month so far), so it equals the
plan's overall progress on the page. The "planned" line runs straight from 0 % at the
adoption (or start) date to 100 % at the end of the plan's end date.

The time axis is ``axis.Axis`` (its month ticks, labels in the reader's language), bounded
as the timeline's is: no more than ``axis.MARGIN_YEARS`` past today and ``axis.MAX_YEARS``
in all, so a mistyped year cannot make thousands of points.

Geometry functions read only the objects they are given; ``load_histories`` reads the
history of any number of actions in two queries.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.dateformat import format as format_value
from django.utils.translation import gettext

from avp_wagtail.core.dates import format_date
from avp_wagtail.core.progress import mean_progress
from avp_wagtail.pictures.axis import MAX_YEARS, Axis
from avp_wagtail.pictures.progress_geometry import (
    CHART_TOP,
    FONT_SIZE,
    LEGEND_GAP,
    LEGEND_ROW,
    MANY_POINTS,
    MARKER_RADIUS,
    MONTH_LABEL_GAP,
    RIGHT,
    SMALL_MARKER_RADIUS,
    WIDTH,
    X0,
    YEAR_LABEL_GAP,
    GridLine,
    LegendEntry,
    _axis,
    _bottom,
    grid_lines,
    y_of,
)
from avp_wagtail.pictures.progress_history import ItemHistory


@dataclass(frozen=True)
class _Counted:
    """An action as ``mean_progress`` counts it, with its value on one day."""

    status: str
    progress: int
    weight: int


@dataclass
class MonthPoint:
    """The plan's progress at ``date`` (a month's last day, or today in the month so far):
    ``actual`` the weighted mean (None if no action counts), ``planned`` the straight
    line's value."""

    date: datetime.date
    actual: int | None
    planned: int
    x: float
    partial: bool = False

    @property
    def y(self) -> float | None:
        return None if self.actual is None else y_of(self.actual)

    @property
    def planned_y(self) -> float:
        return y_of(self.planned)

    @property
    def month(self) -> str:
        """ "June 2026" in the reader's language."""
        return format_value(self.date, "F Y")


@dataclass
class PlanProgress:
    title: str
    description: str
    axis: Axis
    points: list[MonthPoint]
    planned_line: tuple[float, float, float, float]  # x1, y1, x2, y2
    today_x: float | None
    legend: list[LegendEntry]
    grid: list[GridLine]
    height: float
    width: int = WIDTH
    font_size: int = FONT_SIZE
    x0: float = X0
    chart_top: float = CHART_TOP

    @property
    def chart_bottom(self) -> float:
        return _bottom()

    @property
    def chart_right(self) -> float:
        return WIDTH - RIGHT

    @property
    def tick_bottom(self) -> float:
        return _bottom() + 6

    @property
    def month_label_y(self) -> float:
        return _bottom() + MONTH_LABEL_GAP

    @property
    def year_label_y(self) -> float:
        return _bottom() + YEAR_LABEL_GAP

    @property
    def drawn(self) -> list[MonthPoint]:
        return [point for point in self.points if point.actual is not None]

    @property
    def polyline(self) -> str:
        """The actual line's ``points`` attribute."""
        return " ".join(f"{point.x:g},{point.y:g}" for point in self.drawn)

    @property
    def marker_radius(self) -> float:
        return MARKER_RADIUS if len(self.drawn) <= MANY_POINTS else SMALL_MARKER_RADIUS

    @property
    def last(self) -> MonthPoint | None:
        drawn = self.drawn
        return drawn[-1] if drawn else None

    @property
    def last_label_x(self) -> float | None:
        last = self.last
        if last is None:
            return None
        return last.x - 6 if last.x > WIDTH - 60 else last.x + 6

    @property
    def last_label_at_right(self) -> bool:
        last = self.last
        return last is not None and last.x > WIDTH - 60

    @property
    def last_label_y(self) -> float | None:
        last = self.last
        if last is None or last.y is None:
            return None
        # Above the point, below it near the top.
        return last.y - 9 if last.y > CHART_TOP + 20 else last.y + 20


def _month_end(day: datetime.date) -> datetime.date:
    following = (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    return following - datetime.timedelta(days=1)


def point_dates(start: datetime.date, last: datetime.date) -> list[tuple[datetime.date, bool]]:
    """(day, partial): the last day of every month from ``start``'s to ``last``'s, the
    last one ``last`` itself (partial when it is not its month's end)."""
    days = []
    day = _month_end(start)
    while day < last:
        days.append((day, False))
        day = _month_end(day + datetime.timedelta(days=1))
    if last >= start:
        days.append((last, last != _month_end(last)))
    return days


def planned_value(day: datetime.date, start: datetime.date, end: datetime.date) -> float:
    """The straight line's value at the end of ``day``: 0 at the beginning of ``start``,
    100 at the end of ``end``."""
    total = (end - start).days + 1
    return min(max(100 * ((day - start).days + 1) / total, 0.0), 100.0)


def _half_up(value: float) -> int:
    return int(value + 0.5)


def plan_period(plan: Any) -> tuple[datetime.date, datetime.date] | None:
    """(from, to): the adoption date (or start date) and the end date; None without them."""
    start = plan.adoption_date or plan.start_date
    end = plan.end_date
    if start is None or end is None:
        return None
    return start, max(start, end)


def _years_after(day: datetime.date, years: int) -> datetime.date:
    try:
        return day + datetime.timedelta(days=366 * years)
    except OverflowError:
        return datetime.date.max


def build_plan_progress(
    plan: Any,
    items: Iterable[Any],
    histories: dict[Any, ItemHistory],
    today: datetime.date | None = None,
) -> PlanProgress | None:
    """The plan's progress month by month against the planned line; None when there is
    nothing to draw (no period, not begun, no action, or no action with any progress or
    history)."""
    today = today or timezone.localdate()
    items = list(items)
    period = plan_period(plan)
    if period is None or not items:
        return None
    start, end = period
    if today < start:
        return None
    empty = ItemHistory()
    item_histories = [(item, histories.get(item.pk, empty)) for item in items]
    if not any(history.has_events or history.initial for _item, history in item_histories):
        return None
    # The whole period, so the planned line reaches 100 % at the plan's end; a mistyped
    # year bounded as the timeline's axis (at most MAX_YEARS from the plan's start).
    shown_end = min(end, _years_after(start, MAX_YEARS))
    axis = _axis([start, shown_end], (start, shown_end))
    last = min(today, end, axis.end)
    points = []
    for day, partial in point_dates(axis.start, last):
        counted = [
            _Counted(item.status, history.value_at(day), item.weight or 1)
            for item, history in item_histories
        ]
        points.append(
            MonthPoint(
                date=day,
                actual=mean_progress(counted),
                planned=_half_up(planned_value(day, start, end)),
                x=axis.x_after(day),
                partial=partial,
            )
        )
    if not any(point.actual is not None for point in points):
        return None
    first_day = axis.start - datetime.timedelta(days=1)
    planned_line = (
        axis.x(axis.start),
        y_of(planned_value(first_day, start, end)),
        axis.x_after(axis.end),
        y_of(planned_value(axis.end, start, end)),
    )
    legend_top = _bottom() + LEGEND_GAP
    legend = [
        LegendEntry("actual", gettext("Actual progress, at the end of each month"), legend_top),
        LegendEntry(
            "planned",
            gettext("Planned: a straight line up to the plan's end"),
            legend_top + LEGEND_ROW,
        ),
    ]
    now = points[-1]
    description = gettext(
        "The plan's overall progress at the end of each month from %(start)s to %(end)s, "
        "against a straight line from 0%% to 100%% at the plan's end on %(plan_end)s."
    ) % {
        "start": format_date(points[0].date),
        "end": format_date(now.date),
        "plan_end": format_date(end),
    }
    if now.actual is not None:
        description += " " + gettext(
            "On %(date)s the progress is %(actual)s%%; planned by then: %(planned)s%%."
        ) % {"date": format_date(now.date), "actual": now.actual, "planned": now.planned}
    return PlanProgress(
        title=gettext("Progress over time of %(plan)s") % {"plan": plan.title},
        description=description,
        axis=axis,
        points=points,
        planned_line=planned_line,
        today_x=axis.x_after(today) if axis.contains(today) else None,
        legend=legend,
        grid=grid_lines(),
        height=legend_top + 2 * LEGEND_ROW + 4,
    )
