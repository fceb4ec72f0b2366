"""One action's progress over time as a step chart (its page), from its history
(``progress_history``). Plain data: the template ``pictures/item_progress.html`` draws it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext, ngettext

from avp_wagtail.core.dates import format_date
from avp_wagtail.pictures.axis import Axis
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
    VALUE_LABEL_GAP,
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
from avp_wagtail.pictures.progress_history import SOURCE_PUBLISHED, ItemHistory, Step


@dataclass
class StepMark:
    """A step of the action's chart: where its value changed (``x``, ``y``), with a value
    label where there is room (``show_label``)."""

    step: Step
    x: float
    y: float
    show_label: bool = True

    @property
    def label(self) -> str:
        return f"{self.step.value}%"

    @property
    def label_x(self) -> float:
        """Centred over the step, kept within the picture ("100%" is ~36 units wide)."""
        return min(max(self.x, X0 + 20), WIDTH - 20)

    @property
    def label_y(self) -> float:
        return self.y - 9 if self.y > CHART_TOP + 20 else self.y + 20

    @property
    def date(self) -> datetime.date:
        return self.step.date

    @property
    def value(self) -> int:
        return self.step.value

    @property
    def source(self) -> str:
        return self.step.source

    @property
    def update_title(self) -> str:
        return getattr(self.step.update, "title", "") or ""


@dataclass
class ItemProgress:
    title: str
    description: str
    axis: Axis
    initial: int
    marks: list[StepMark]
    steps: list[Step]  # all of them, for the table (marks: those on the axis)
    path: str  # the step line, an SVG path
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
    def marker_radius(self) -> float:
        return MARKER_RADIUS if len(self.marks) <= MANY_POINTS else SMALL_MARKER_RADIUS


def build_item_progress(
    item: Any, history: ItemHistory, today: datetime.date | None = None
) -> ItemProgress | None:
    """The action's progress as a step chart from its first step (or planned start) to
    today; None without a step."""
    today = today or timezone.localdate()
    if not history.has_events:
        return None
    first = history.steps[0].date
    dates = [first, today] + ([item.planned_start] if item.planned_start else [])
    begin = min(d for d in (item.planned_start, first) if d)
    axis = _axis(dates, (begin, today))
    value = history.value_at(axis.start - datetime.timedelta(days=1))
    path = f"M{axis.x(axis.start):g} {y_of(value):g}"
    marks = []
    label_x: float | None = None
    for step in history.steps:
        if not axis.start <= step.date <= axis.end:
            continue
        x = axis.x(step.date)
        path += f"H{x:g}V{y_of(step.value):g}"
        show = label_x is None or x - label_x >= VALUE_LABEL_GAP
        if show:
            label_x = x
        marks.append(StepMark(step, x, y_of(step.value), show))
    path += f"H{axis.x_after(axis.end):g}"
    legend_top = _bottom() + LEGEND_GAP
    legend = [LegendEntry("actual", gettext("Progress, and where it changed"), legend_top)]
    current = history.value_at(today)
    count = sum(1 for step in history.steps if step.source != SOURCE_PUBLISHED)
    description = ngettext(
        "The action's progress from %(start)s to %(end)s: %(count)s change; now %(value)s%%.",
        "The action's progress from %(start)s to %(end)s: %(count)s changes; now %(value)s%%.",
        count,
    ) % {
        "start": format_date(axis.start),
        "end": format_date(axis.end),
        "count": count,
        "value": current,
    }
    return ItemProgress(
        title=gettext("Progress over time of %(item)s") % {"item": item.title},
        description=description,
        axis=axis,
        initial=value,
        marks=marks,
        steps=history.steps,
        path=path,
        today_x=axis.x_after(today) if axis.contains(today) else None,
        legend=legend,
        grid=grid_lines(),
        height=legend_top + LEGEND_ROW + 4,
    )
