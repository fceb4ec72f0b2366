"""How each status and mark looks: colour AND pattern or shape (WCAG 1.4.1), so a reader
who does not tell the colours apart, or prints in black and white, still tells them apart.

The colours are the defaults of CSS custom properties that a host site may override
(``--avp-status-completed`` …, see ``avp_wagtail/static/avp_wagtail/css/pictures.css``);
the SVG carries them as presentation attributes too, so it draws right with no stylesheet
(a standalone file, an e-mail, a strict Content-Security-Policy). Each meets 3:1 against
white (WCAG 1.4.11) where it is the only edge of a shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from avp_wagtail.core.choices import ItemStatus

# CSS custom property -> default colour.
COLOURS = {
    "--avp-status-planned": "#4d4d4d",
    "--avp-status-in-progress": "#0b4f8a",
    "--avp-status-completed": "#2e7d32",
    "--avp-status-delayed": "#8a3c00",
    "--avp-status-cancelled": "#6b6b6b",
    "--avp-overdue": "#b71c1c",
    "--avp-timeline-today": "#6a1b9a",
    "--avp-timeline-text": "#1a1a1a",
    "--avp-timeline-grid": "#d0d0d0",
    "--avp-timeline-background": "#ffffff",
}


@dataclass(frozen=True)
class Look:
    """How a bar of one status is drawn. ``fill`` is a colour or the id suffix of a
    pattern (``pattern``); ``dash`` a stroke-dasharray; ``shape`` an extra mark at the
    bar's end ("check", "strike")."""

    kind: str
    variable: str
    fill: str
    stroke: str
    pattern: str = ""
    dash: str = ""
    shape: str = ""

    @property
    def colour(self) -> str:
        return COLOURS[self.variable]


LOOKS = {
    # Hollow, dashed outline: not started.
    ItemStatus.PLANNED: Look("planned", "--avp-status-planned", "#ffffff", "#4d4d4d", dash="4 3"),
    # Solid.
    ItemStatus.IN_PROGRESS: Look("in_progress", "--avp-status-in-progress", "#0b4f8a", "#0b4f8a"),
    # Solid with a check mark after it.
    ItemStatus.COMPLETED: Look(
        "completed", "--avp-status-completed", "#2e7d32", "#2e7d32", shape="check"
    ),
    # Diagonal stripes.
    ItemStatus.DELAYED: Look(
        "delayed", "--avp-status-delayed", "#fdf0d5", "#8a3c00", pattern="stripes"
    ),
    # Cross-hatched and struck through.
    ItemStatus.CANCELLED: Look(
        "cancelled", "--avp-status-cancelled", "#eeeeee", "#6b6b6b", pattern="hatch", shape="strike"
    ),
}

# Past the planned end and not finished: the bar runs on to today, dotted and striped.
OVERDUE = Look("overdue", "--avp-overdue", "#fdecea", "#b71c1c", pattern="overdue", dash="2 2")


def look(status: str) -> Look:
    return LOOKS.get(status, LOOKS[ItemStatus.IN_PROGRESS])  # type: ignore[call-overload]
