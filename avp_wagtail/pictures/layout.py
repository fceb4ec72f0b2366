"""The timeline's two layouts: how wide it is drawn and what fits in a line."""

from __future__ import annotations

from dataclasses import dataclass

from avp_wagtail.pictures.axis import MARGIN, WIDTH
from avp_wagtail.pictures.legend import LEGEND_COLUMNS

TITLE_CHARS = 80
# The standalone file's drawn heading (the plan's title and the date) above the chart.
HEADER_HEIGHT = 48
# About how wide a character of the 12-unit bold labels is, to keep "Today, <date>" inside.
CHAR_WIDTH = 6.8


@dataclass(frozen=True)
class Layout:
    """How wide the picture is drawn and what fits: the wide layout for screens from about
    40rem, the standalone file and print; the narrow one for phones, where the same
    picture 960 units wide would shrink its text below readable size (WCAG 1.4.10). The
    text keeps 12 units either way; the narrow picture is drawn about as wide as a phone's
    column, so a unit is about a CSS pixel there."""

    name: str
    width: int
    legend_columns: int
    title_chars: int
    month_labels: int

    @property
    def line_chars(self) -> int:
        """How many characters a bar's line (title — status) takes at most."""
        return int((self.width - 2 * MARGIN) / CHAR_WIDTH)


WIDE = Layout("wide", WIDTH, LEGEND_COLUMNS, TITLE_CHARS, 12)
NARROW = Layout("narrow", 360, 1, 44, 4)
MIN_TITLE_CHARS = 12
