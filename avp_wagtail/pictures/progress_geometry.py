"""The layout the progress pictures share (``progress.py``, ``progress_item.py``): a
narrow picture with a 0–100 % scale, month ticks from ``axis.py`` thinned for a phone, a
legend of lines."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from avp_wagtail.pictures.axis import Axis, Tick

# The pictures are drawn narrow, for a phone: at 100 % of a 358 px column, 420 units are
# 0.85 px each, so text of 15 units is 12.8 px (at least 12 px, WCAG-friendly). On wide
# screens the stylesheet caps the picture's width (44rem).
WIDTH = 420
FONT_SIZE = 15
X0 = 52.0  # right of the "100%" labels
RIGHT = 12.0
CHART_TOP = 16.0
CHART_HEIGHT = 200.0
# Below the chart: month labels, years, then the legend (one entry a row).
MONTH_LABEL_GAP = 20
YEAR_LABEL_GAP = 38
LEGEND_GAP = 62
LEGEND_ROW = 24
LEGEND_LINE = 30
LEGEND_X = 12.0  # the whole width for the labels: about 48 characters
# Month labels no closer than this (units): "veebr", "2026" at 15 units.
LABEL_GAP = 50.0
GRID_VALUES = (0, 25, 50, 75, 100)
# Larger markers while they stay apart.
MARKER_RADIUS = 4.0
SMALL_MARKER_RADIUS = 2.5
MANY_POINTS = 24
# Value labels over the item chart's steps at least this far apart (units).
VALUE_LABEL_GAP = 40.0

# The lines' colours: CSS custom property -> default, drawn as presentation attributes too
# (``pictures/progress_svg.html``); text, grid, "today" and background are the timeline's
# (``style.COLOURS``). Each meets 3:1 against white (WCAG 1.4.11).
PROGRESS_COLOURS = {
    "--avp-progress-actual": "#0b4f8a",
    "--avp-progress-planned": "#4d4d4d",
}


def y_of(value: float) -> float:
    """Where a percentage is drawn (0 % at the bottom)."""
    value = min(max(value, 0), 100)
    return round(CHART_TOP + CHART_HEIGHT * (100 - value) / 100, 2)


@dataclass(frozen=True)
class GridLine:
    value: int
    y: float
    label: str

    @property
    def text_y(self) -> float:
        return self.y + 5

    @property
    def text_x(self) -> float:
        return X0 - 6


def grid_lines() -> list[GridLine]:
    return [GridLine(value, y_of(value), f"{value}%") for value in GRID_VALUES]


def narrow_ticks(axis: Axis) -> list[Tick]:
    """``axis``'s month ticks with only as many labels as fit a narrow picture: a label
    no closer than ``LABEL_GAP`` to the last one kept nor to the right edge; a year whose
    label was dropped moves to the next label kept."""
    ticks = []
    last_x: float | None = None
    pending_year = ""
    for tick in axis.ticks:
        if not tick.label:
            ticks.append(tick)
            continue
        year = tick.year or pending_year
        crowded = last_x is not None and tick.x - last_x < LABEL_GAP
        if crowded or tick.x > WIDTH - LABEL_GAP:  # or it would run off the right edge
            pending_year = year
            ticks.append(replace(tick, label="", year=""))
            continue
        last_x, pending_year = tick.x, ""
        ticks.append(replace(tick, year=year))
    return ticks


@dataclass(frozen=True)
class LegendEntry:
    kind: str  # "actual", "planned"
    label: str
    y: float

    @property
    def x1(self) -> float:
        return LEGEND_X

    @property
    def x2(self) -> float:
        return LEGEND_X + LEGEND_LINE

    @property
    def mid_x(self) -> float:
        return LEGEND_X + LEGEND_LINE / 2

    @property
    def text_x(self) -> float:
        return LEGEND_X + LEGEND_LINE + 8

    @property
    def text_y(self) -> float:
        return self.y + 5


def _bottom() -> float:
    return CHART_TOP + CHART_HEIGHT


def _axis(dates: list[datetime.date], around: tuple[datetime.date, datetime.date]) -> Axis:
    axis = Axis.spanning(dates, X0, WIDTH - X0 - RIGHT, around)
    axis.ticks = narrow_ticks(axis)
    return axis
