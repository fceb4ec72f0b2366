"""The shape of a discussion (issue 18, part 3): how many comments are for, against, a
question or idea, or neutral, and how many residents' comments the municipality has
answered, as plain data and as the geometry of two small bars drawn server-side in SVG
(``templates/avp_wagtail/comments/shape.html`` under the discussion,
``shape_small.html`` in the plan table's "Comments" column).

Nothing here reads the database: a page's discussion gives its numbers from the thread's
skeleton (``threads.CommentThread``), the plan table from ``threads.counts_for_pages``
(the same query for any number of items). Both reach it as ``MarkCounts.shape``.

Each mark is told apart by colour AND pattern (WCAG 1.4.1): for is solid, against has
diagonal stripes, a question or idea dots, neutral is hollow. The colours are the defaults
of CSS custom properties a host site may override (``--avp-mark-for`` …, the section "The
shape of a discussion" of ``avp_wagtail.css``); the SVG carries them as presentation
attributes too, so it draws right with no stylesheet. Each meets 3:1 against white where
it is a shape's only edge (WCAG 1.4.11).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from avp_wagtail.comments.choices import CommentMark

# CSS custom property -> default colour (contrast against white in the comment).
COLOURS = {
    "--avp-mark-for": "#2e7d32",  # 5.1:1
    "--avp-mark-against": "#b71c1c",  # 6.6:1
    "--avp-mark-question": "#0b4f8a",  # 8.4:1
    "--avp-mark-neutral": "#6b6b6b",  # 5.3:1
    "--avp-official-response": "#6a1b9a",  # 9.3:1
}


@dataclass(frozen=True)
class MarkLook:
    """How the comments of one mark are drawn: ``pattern`` names the SVG pattern (the id
    suffix; "" for a plain ``fill``), ``background`` the pattern's light ground."""

    mark: str
    kind: str
    variable: str
    fill: str
    background: str = "#ffffff"
    pattern: str = ""

    @property
    def colour(self) -> str:
        return COLOURS[self.variable]


# The order of the bar's segments and of the legend.
LOOKS = (
    # Solid.
    MarkLook(CommentMark.FOR, "for", "--avp-mark-for", "#2e7d32"),
    # Diagonal stripes.
    MarkLook(
        CommentMark.AGAINST, "against", "--avp-mark-against", "", "#fdecea", pattern="stripes"
    ),
    # Dots.
    MarkLook(
        CommentMark.QUESTION, "question", "--avp-mark-question", "", "#e8f0f8", pattern="dots"
    ),
    # Hollow: a light fill inside its outline.
    MarkLook(CommentMark.NEUTRAL, "neutral", "--avp-mark-neutral", "#ffffff"),
)
LOOK_OF = {look.mark: look for look in LOOKS}

# The picture under the discussion and the plan table's small one, in SVG user units.
FULL_WIDTH = 300
SMALL_WIDTH = 80


def split(width: int, counts: Sequence[int]) -> list[int]:
    """Whole widths proportional to ``counts`` that add up to exactly ``width`` (the
    largest remainders get the units left over; ties go to the earlier count). A count of
    0 gets 0; any other count at least 1 unit, taken from the widest, as long as there
    are units enough."""
    total = sum(counts)
    if total <= 0 or width <= 0:
        return [0] * len(counts)
    exact = [width * count / total for count in counts]
    widths = [int(value) for value in exact]
    left = width - sum(widths)
    by_remainder = sorted(range(len(counts)), key=lambda i: (-(exact[i] - widths[i]), i))
    for i in by_remainder[:left]:
        widths[i] += 1
    for i, count in enumerate(counts):
        if count and not widths[i]:
            widest = max(range(len(widths)), key=lambda j: widths[j])
            if widths[widest] <= 1:
                break
            widths[widest] -= 1
            widths[i] = 1
    return widths


@dataclass(frozen=True)
class Entry:
    """One mark's number: every mark has one (0 included), for the text and the legend."""

    look: MarkLook
    count: int

    @property
    def mark(self) -> str:
        return self.look.mark


@dataclass(frozen=True)
class Segment:
    """One mark's part of the bar: only marks with comments have one."""

    look: MarkLook
    count: int
    x: int
    width: int

    @property
    def mark(self) -> str:
        return self.look.mark

    @property
    def end_x(self) -> int:
        return self.x + self.width


@dataclass(frozen=True)
class Bar:
    """A bar ``width`` wide: its segments, and the answered share's thin bar below it
    (``answered_width`` solid, the rest hollow)."""

    width: int
    height: int
    bar_height: int
    answered_y: int
    answered_height: int
    segments: tuple[Segment, ...]
    answered_width: int

    @property
    def unanswered_width(self) -> int:
        return self.width - self.answered_width


@dataclass(frozen=True)
class DiscussionShape:
    """The numbers of a discussion. ``counts``: visible comments by mark (official
    responses included, as in the discussion's summary). ``answerable``: visible top-level
    comments of residents (not official responses); ``answered``: those of them with a
    visible official response anywhere below them."""

    counts: Mapping[str, int]
    answerable: int = 0
    answered: int = 0
    key: str = "discussion"

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(Entry(look, self._count(look.mark)) for look in LOOKS)

    def _count(self, mark: str) -> int:
        return self.counts.get(mark, 0)

    @property
    def for_count(self) -> int:
        return self._count(CommentMark.FOR)

    @property
    def against_count(self) -> int:
        return self._count(CommentMark.AGAINST)

    @property
    def question_count(self) -> int:
        return self._count(CommentMark.QUESTION)

    @property
    def neutral_count(self) -> int:
        return self._count(CommentMark.NEUTRAL)

    @property
    def total(self) -> int:
        return sum(entry.count for entry in self.entries)

    @property
    def unanswered(self) -> int:
        return self.answerable - self.answered

    @property
    def prefix(self) -> str:
        """The start of the ids of this picture's elements, unique on a page as long as
        ``key`` is (the plan table: one per item)."""
        return f"avp-shape-{self.key}"

    def bar(self, width: int, bar_height: int, answered_height: int, gap: int) -> Bar:
        entries = [entry for entry in self.entries if entry.count]
        widths = split(width, [entry.count for entry in entries])
        segments, x = [], 0
        for entry, segment_width in zip(entries, widths, strict=True):
            segments.append(Segment(entry.look, entry.count, x, segment_width))
            x += segment_width
        answered_width = split(width, [self.answered, self.unanswered])[0]
        has_answered_bar = self.answerable > 0
        answered_y = bar_height + gap
        return Bar(
            width=width,
            height=answered_y + answered_height if has_answered_bar else bar_height,
            bar_height=bar_height,
            answered_y=answered_y,
            answered_height=answered_height if has_answered_bar else 0,
            segments=tuple(segments),
            answered_width=answered_width,
        )

    @property
    def full(self) -> Bar:
        """The picture under the discussion."""
        return self.bar(FULL_WIDTH, bar_height=20, answered_height=8, gap=6)

    @property
    def small(self) -> Bar:
        """The plan table's picture."""
        return self.bar(SMALL_WIDTH, bar_height=10, answered_height=4, gap=3)
