"""The plan timeline as plain data: every visible action of a plan as a bar from its
planned start to its planned end, its milestones as marks, a "today" line, grouped by
priority theme. The templates under ``avp_wagtail/pictures/`` only draw what this
computes, so tests check the geometry against the dates without parsing a drawing.

Schedule facts (overdue, delayed, cancelled) come from ``avp_wagtail.core.progress``;
dates read through ``avp_wagtail.core.dates``. Items are the ones the page already loaded
(milestones prefetched): no queries here.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext

from avp_wagtail.core import progress
from avp_wagtail.core.dates import format_date
from avp_wagtail.pictures.axis import MARGIN, Axis, diamond
from avp_wagtail.pictures.layout import (  # noqa: F401  (the layouts' names live here too)
    CHAR_WIDTH,
    HEADER_HEIGHT,
    MIN_TITLE_CHARS,
    NARROW,
    TITLE_CHARS,
    WIDE,
    Layout,
)
from avp_wagtail.pictures.legend import LEGEND_ROW, LegendEntry, legend_entries
from avp_wagtail.pictures.style import Look, look

CHART_TOP = 52  # under the month and year labels
GROUP_HEIGHT = 30  # a theme's heading
ROW_HEIGHT = 42  # an action: its title line, then its bar
BAR_OFFSET = 20
BAR_HEIGHT = 14
LABEL_BAND = 17  # the height of a title's line, drawn over the grid
MIN_BAR_WIDTH = 2.0
LEGEND_TOP_GAP = 24


@dataclass
class MilestoneMark:
    """A milestone: a hollow diamond at its due date (``x``), a filled one where it was
    reached (``reached_x``), a delay line between them (or from the due date to today
    while it is overdue)."""

    title: str
    due: datetime.date | None
    completed: datetime.date | None
    x: float | None
    reached_x: float | None
    delay: tuple[float, float] | None
    overdue: bool
    days_late: int
    label: str
    y: float = 0.0

    @property
    def due_path(self) -> str:
        return diamond(self.x, self.y)

    @property
    def reached_path(self) -> str:
        return diamond(self.reached_x, self.y, 5)


@dataclass
class Bar:
    """One action's row. ``x``/``width`` are None without both planned dates (``note``
    says so); ``overrun`` is (x, width) from the planned end to today when overdue."""

    item: Any
    title: str
    text: str
    url: str
    status: str
    status_label: str
    look: Look
    start: datetime.date | None
    end: datetime.date | None
    y: float
    x: float | None
    width: float | None
    overdue: bool
    behind_schedule: bool
    overrun: tuple[float, float] | None
    milestones: list[MilestoneMark]
    label: str
    note: str = ""

    @property
    def text_y(self) -> float:
        return self.y + 14

    @property
    def label_band(self) -> tuple[float, float]:
        """(y, height) of the title's line: kept clear of the month grid."""
        return (self.y + 1, LABEL_BAND)

    @property
    def bar_y(self) -> float:
        return self.y + BAR_OFFSET

    @property
    def mid_y(self) -> float:
        return self.y + BAR_OFFSET + BAR_HEIGHT / 2

    @property
    def end_x(self) -> float | None:
        return None if self.x is None or self.width is None else round(self.x + self.width, 2)

    @property
    def check_path(self) -> str:
        """A check mark just after the bar's end (completed)."""
        end = self.end_x
        if end is None:
            return ""
        return f"M{end + 3:g} {self.mid_y:g}l3 4l6 -9"


@dataclass
class Group:
    title: str
    y: float
    bars: list[Bar] = field(default_factory=list)

    @property
    def text_y(self) -> float:
        return self.y + 20

    @property
    def label_band(self) -> tuple[float, float]:
        return (self.y + 6, LABEL_BAND + 2)


@dataclass
class Timeline:
    title: str
    description: str
    axis: Axis
    groups: list[Group]
    today: datetime.date
    today_x: float | None
    legend: list[LegendEntry]
    chart_bottom: float
    height: float
    heading: str = ""
    as_of: str = ""
    today_text: str = ""
    layout: Layout = WIDE
    bar_height: int = BAR_HEIGHT

    @property
    def width(self) -> int:
        return self.layout.width

    @property
    def header_height(self) -> int:
        return HEADER_HEIGHT

    @property
    def standalone_height(self) -> float:
        """The standalone file's height: the drawn heading, then the chart."""
        return self.height + HEADER_HEIGHT

    @property
    def bars(self) -> list[Bar]:
        return [bar for group in self.groups for bar in group.bars]

    @property
    def chart_top(self) -> int:
        return CHART_TOP

    @property
    def today_label_x(self) -> float | None:
        return None if self.today_x is None else self.today_x + (-4 if self.today_at_right else 4)

    @property
    def today_at_right(self) -> bool:
        """The "Today, <date>" label goes left of the line where it would run past the
        right edge."""
        label_width = len(self.today_text) * CHAR_WIDTH
        return self.today_x is not None and self.today_x + 4 + label_width > self.width - MARGIN


def _period(start: datetime.date | None, end: datetime.date | None) -> str:
    if start and end:
        return gettext("Planned %(start)s – %(end)s") % {
            "start": format_date(start),
            "end": format_date(end),
        }
    if start:
        return gettext("Planned start %(date)s, no planned end") % {"date": format_date(start)}
    if end:
        return gettext("Planned end %(date)s, no planned start") % {"date": format_date(end)}
    return gettext("No planned dates")


def delay_text(days_late: int, overdue: bool) -> str:
    """ "12 days late", "overdue by 3 days", "" when on time or early."""
    if overdue:
        return ngettext("overdue by %(count)s day", "overdue by %(count)s days", days_late) % {
            "count": days_late
        }
    if days_late > 0:
        return ngettext("%(count)s day late", "%(count)s days late", days_late) % {
            "count": days_late
        }
    return ""


def _milestone(
    milestone: Any, axis: Axis, today: datetime.date, finished: bool, y: float
) -> MilestoneMark:
    due, completed = milestone.due_date, milestone.completed_date
    overdue = not finished and progress.milestone_is_overdue(milestone, today)
    x = axis.x(due) + 0.5 * (axis.x_after(due) - axis.x(due)) if due else None
    reached_x = (
        axis.x(completed) + 0.5 * (axis.x_after(completed) - axis.x(completed))
        if completed
        else None
    )
    days_late = 0
    delay = None
    if due and completed:
        days_late = (completed - due).days
        if completed > due and x is not None and reached_x is not None:
            delay = (min(x, reached_x), max(x, reached_x))
    elif overdue and due and x is not None:
        days_late = (today - due).days
        delay = (x, axis.x(axis.clamp(today)))
    parts = [milestone.title]
    if due:
        parts.append(gettext("due %(date)s") % {"date": format_date(due)})
    if completed:
        parts.append(gettext("reached %(date)s") % {"date": format_date(completed)})
    late = delay_text(days_late, overdue)
    if late:
        reason = (getattr(milestone, "delay_reason", "") or "").strip()
        parts.append(f"{late} ({reason})" if reason else late)
    return MilestoneMark(
        milestone.title,
        due,
        completed,
        x,
        reached_x,
        delay,
        overdue,
        days_late,
        ", ".join(parts),
        y,
    )


def _bar(item: Any, y: float, axis: Axis, today: datetime.date, url: str, layout: Layout) -> Bar:
    start, end = item.planned_start, item.planned_end
    overdue = progress.is_overdue(item, today)
    status_label = str(item.get_status_display())
    x = width = None
    if start and end:
        x = axis.x(min(start, end))
        width = max(axis.x_after(max(start, end)) - x, MIN_BAR_WIDTH)
    overrun = None
    if overdue and end and end < today:
        overrun_x = axis.x_after(end)
        overrun_end = axis.x(axis.clamp(today)) if today <= axis.end else axis.x_after(axis.end)
        if overrun_end > overrun_x:
            overrun = (overrun_x, round(overrun_end - overrun_x, 2))
    finished = progress.is_finished(item)
    mid_y = y + BAR_OFFSET + BAR_HEIGHT / 2
    marks = [_milestone(m, axis, today, finished, mid_y) for m in item.milestones.all()]
    status_text = status_label + (", " + gettext("overdue") if overdue else "")
    # The status (and "overdue") always shows: the title gives way to it on a phone.
    title_chars = max(
        min(layout.title_chars, layout.line_chars - len(f" — {status_text}")), MIN_TITLE_CHARS
    )
    text = f"{Truncator(item.title).chars(title_chars)} — {status_text}"
    label_parts = [item.title, _period(start, end), status_text]
    if marks:
        late = sum(1 for mark in marks if mark.days_late > 0)
        label_parts.append(
            ngettext("%(count)s milestone", "%(count)s milestones", len(marks))
            % {"count": len(marks)}
            + (
                ", " + ngettext("%(count)s late", "%(count)s late", late) % {"count": late}
                if late
                else ""
            )
        )
    return Bar(
        item=item,
        title=item.title,
        text=text,
        url=url,
        status=item.status,
        status_label=status_label,
        look=look(item.status),
        start=start,
        end=end,
        y=y,
        x=x,
        width=width,
        overdue=overdue,
        behind_schedule=progress.is_behind_schedule(item, today),
        overrun=overrun,
        milestones=marks,
        label=". ".join(label_parts),
        note="" if x is not None else _period(start, end),
    )


def _dates(plan: Any, items: list[Any]) -> list[datetime.date]:
    dates = [d for d in (plan.start_date, plan.end_date) if d]
    for item in items:
        dates += [d for d in (item.planned_start, item.planned_end) if d]
        for milestone in item.milestones.all():
            dates += [d for d in (milestone.due_date, milestone.completed_date) if d]
    return dates or [timezone.localdate()]


def build_timeline(
    plan: Any,
    groups: Iterable[tuple[str, list[Any]]],
    url_for: Callable[[Any], str],
    today: datetime.date | None = None,
    layout: Layout = WIDE,
) -> Timeline:
    """The timeline of ``plan`` from ``groups``: (theme title, its visible items) in the
    themes' order; empty groups are left out. ``url_for(item)`` gives each bar's link;
    ``layout`` how wide it is drawn."""
    today = today or timezone.localdate()
    groups = [(title, list(items)) for title, items in groups if items]
    all_items = [item for _title, items in groups for item in items]
    period = [d for d in (plan.start_date, plan.end_date) if d]
    around = (min(period), max(period)) if period else None
    axis = Axis.spanning(
        _dates(plan, all_items), MARGIN, layout.width - 2 * MARGIN, around, layout.month_labels
    )
    y = float(CHART_TOP)
    drawn = []
    for title, items in groups:
        group = Group(title, y)
        y += GROUP_HEIGHT
        for item in items:
            group.bars.append(_bar(item, y, axis, today, url_for(item), layout))
            y += ROW_HEIGHT
        drawn.append(group)
    chart_bottom = y + 4
    legend = legend_entries(chart_bottom + LEGEND_TOP_GAP, layout.width, layout.legend_columns)
    rows = -(-len(legend) // layout.legend_columns)
    height = chart_bottom + LEGEND_TOP_GAP + rows * LEGEND_ROW + 8
    today_x = axis.x(today) if axis.contains(today) else None
    count = len(all_items)
    description = ngettext(
        "The planned periods of %(count)s action from %(start)s to %(end)s, by theme.",
        "The planned periods of %(count)s actions from %(start)s to %(end)s, by theme.",
        count,
    ) % {"count": count, "start": format_date(axis.start), "end": format_date(axis.end)}
    description += " " + gettext("Today is %(date)s.") % {"date": format_date(today)}
    heading_chars = int((layout.width - 2 * MARGIN) / 9)
    return Timeline(
        title=gettext("Timeline of %(plan)s") % {"plan": plan.title},
        heading=Truncator(plan.title).chars(heading_chars),
        as_of=gettext("The actions' planned periods as of %(date)s") % {"date": format_date(today)},
        today_text=gettext("Today, %(date)s") % {"date": format_date(today)},
        layout=layout,
        description=description,
        axis=axis,
        groups=drawn,
        today=today,
        today_x=today_x,
        legend=legend,
        chart_bottom=chart_bottom,
        height=height,
    )


def plan_groups(theme_groups: Iterable[Any]) -> list[tuple[str, list[Any]]]:
    """(title, items) from the plan page's ``ThemeGroup`` list (``core.progress``)."""
    return [
        (group.theme.title if group.theme else gettext("Other actions"), list(group.items))
        for group in theme_groups
    ]
