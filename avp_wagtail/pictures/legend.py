"""The timeline's legend: what each status, mark and line means, laid out in columns."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.pictures.axis import MARGIN, WIDTH, diamond
from avp_wagtail.pictures.style import OVERDUE, Look, look

LEGEND_ROW = 24
LEGEND_COLUMNS = 3


@dataclass
class LegendEntry:
    kind: str
    label: str
    x: float
    y: float
    look: Look | None = None

    @property
    def mid_y(self) -> float:
        return self.y + 6

    @property
    def centre_x(self) -> float:
        return self.x + 12

    @property
    def text_x(self) -> float:
        return self.x + 40

    @property
    def text_y(self) -> float:
        return self.y + 10

    @property
    def end_x(self) -> float:
        return self.x + 24

    @property
    def diamond(self) -> str:
        return diamond(self.centre_x, self.mid_y, 5)

    @property
    def check_path(self) -> str:
        return f"M{self.x + 26:g} {self.mid_y:g}l2 3l4 -7"


def legend_entries(
    top: float, width: float = WIDTH, columns: int = LEGEND_COLUMNS
) -> list[LegendEntry]:
    """The legend under the chart from ``top``, in ``columns`` columns over ``width``."""
    entries: list[tuple[str, str, Look | None]] = [
        (look(value).kind, str(label), look(value)) for value, label in ItemStatus.choices
    ]
    entries += [
        ("overdue", gettext("Past the planned end, not finished"), OVERDUE),
        ("milestone", gettext("Milestone, planned date"), None),
        ("reached", gettext("Milestone reached"), None),
        ("delay", gettext("Delay"), None),
        ("today", gettext("Today"), None),
    ]
    column_width = (width - 2 * MARGIN) / columns
    return [
        LegendEntry(
            kind,
            label,
            round(MARGIN + column_width * (index % columns), 2),
            top + LEGEND_ROW * (index // columns),
            entry_look,
        )
        for index, (kind, label, entry_look) in enumerate(entries)
    ]
