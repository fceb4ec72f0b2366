"""The time axis of a picture: where a date falls, and the month ticks in the reader's
language. Plain data, no rendering."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.dateformat import format as format_value

WIDTH = 960  # the pictures' width in SVG units (the wide layout)
MARGIN = 16

# Label every n-th month, n the first of these that keeps the labels apart.
MONTH_STEPS = (1, 2, 3, 6, 12)
MAX_MONTH_LABELS = 12
# How far the axis reaches beyond the plan's period, and at most in all (years).
MARGIN_YEARS = 2
MAX_YEARS = 12
# The axis ends a year before the last date Python has (a month tick steps past its end).
LAST_DAY = datetime.date(9998, 12, 31)


@dataclass(frozen=True)
class Tick:
    """The first day of a month on the axis; ``label`` ("Mar", "Märts", "Мар") and ``year``
    are empty where the axis shows none (too many months, or not a January)."""  # noqa: RUF002

    date: datetime.date
    x: float
    label: str = ""
    year: str = ""

    @property
    def text_x(self) -> float:
        return self.x + 3


@dataclass
class Axis:
    """Days from ``start`` to ``end`` (both included) over ``width`` units from ``x0``."""

    start: datetime.date
    end: datetime.date
    x0: float
    width: float
    ticks: list[Tick] = field(default_factory=list)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def x(self, day: datetime.date) -> float:
        """Where ``day`` begins (a day outside the axis: at its nearer end)."""
        days = (self.clamp(day) - self.start).days
        return round(self.x0 + self.width * days / self.days, 2)

    def x_after(self, day: datetime.date) -> float:
        """Where ``day`` ends (the next day begins)."""
        if day >= self.end:  # also never past the last date there is
            return round(self.x0 + self.width, 2)
        return self.x(day + datetime.timedelta(days=1))

    def clamp(self, day: datetime.date) -> datetime.date:
        return min(max(day, self.start), self.end)

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    @classmethod
    def spanning(
        cls,
        dates: list[datetime.date],
        x0: float,
        width: float,
        around: tuple[datetime.date, datetime.date] | None = None,
        max_labels: int = MAX_MONTH_LABELS,
    ) -> Axis:
        """From the earliest to the latest of ``dates`` (at least one), with month ticks;
        with ``around`` (the plan's period), no more than ``MARGIN_YEARS`` before and after
        it and ``MAX_YEARS`` in all: a mistyped year ("0202", "9999") would otherwise
        stretch the axis over centuries (or past the last date there is). Dates outside
        are drawn at the axis's ends; the text alternative keeps them as they are."""
        start, end = min(dates), max(dates)
        if around is not None:
            margin = datetime.timedelta(days=366 * MARGIN_YEARS)
            start = max(start, _shift(min(around), -margin))
            end = min(end, _shift(max(around), margin))
        end = min(end, LAST_DAY)
        start = min(max(start, _shift(end, -datetime.timedelta(days=366 * MAX_YEARS))), end)
        axis = cls(start, end, x0, width)
        axis.ticks = month_ticks(axis, max_labels)
        return axis


def _shift(day: datetime.date, by: datetime.timedelta) -> datetime.date:
    """``day`` + ``by``, kept within the dates there are."""
    try:
        return day + by
    except OverflowError:
        return datetime.date.max if by.days > 0 else datetime.date.min


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def month_ticks(axis: Axis, max_labels: int = MAX_MONTH_LABELS) -> list[Tick]:
    """A tick at the first day of every month within the axis (and at its start); every
    n-th month (at most ``max_labels`` labels) labelled with its short name in the active
    language, the first labelled tick of each year with the year. A start
    late in its month goes unlabelled (its label would run into the next month's)."""
    firsts = [axis.start]
    day = _next_month(axis.start)
    while day <= axis.end:
        firsts.append(day)
        day = _next_month(day)
    step = next((s for s in MONTH_STEPS if len(firsts) / s <= max_labels), 12)
    ticks = []
    year_shown = None
    for index, first in enumerate(firsts):
        months = (first.year - axis.start.year) * 12 + first.month - axis.start.month
        labelled = months % step == 0 and not (index == 0 and first.day > 15)
        # The year under the first label of each year (a January, or whichever month is
        # the first labelled one of its year when the steps miss January).
        with_year = labelled and first.year != year_shown
        if with_year:
            year_shown = first.year
        ticks.append(
            Tick(
                first,
                axis.x(first),
                format_value(first, "M") if labelled else "",
                str(first.year) if with_year else "",
            )
        )
    return ticks


def diamond(x: float | None, y: float, size: float = 6) -> str:
    """An SVG path of a diamond centred on (x, y)."""
    if x is None:
        return ""
    return f"M{x:g} {y - size:g}L{x + size:g} {y:g}L{x:g} {y + size:g}L{x - size:g} {y:g}Z"
