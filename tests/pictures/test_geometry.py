"""The timeline's geometry follows the dates: bars, milestones, delays, today, themes."""

import pytest
from django.utils import translation

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.pictures.axis import MARGIN, WIDTH
from avp_wagtail.pictures.style import LOOKS, OVERDUE
from avp_wagtail.pictures.timeline import build_timeline
from tests.pictures.conftest import D, action, plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

CHART = WIDTH - 2 * MARGIN  # the axis' width in SVG units
TODAY = D(2026, 8, 1)


def build(groups, today=TODAY, the_plan=None):
    return build_timeline(the_plan or plan(), groups, lambda item: f"/{item.title}/", today)


YEAR_START = D(2026, 1, 1)


def x_of(day, start=YEAR_START, days=365):
    return MARGIN + CHART * (day - start).days / days


def test_a_bar_runs_from_its_planned_start_to_the_end_of_its_planned_end():
    timeline = build([("Roads", [action("A", start=D(2026, 4, 1), end=D(2026, 6, 30))])])
    (bar,) = timeline.bars
    assert bar.x == pytest.approx(x_of(D(2026, 4, 1)), abs=0.01)
    assert bar.width == pytest.approx(CHART * 91 / 365, abs=0.02)  # 1 April to 30 June: 91 days
    assert bar.url == "/A/"


def test_a_whole_year_action_fills_the_axis_of_a_one_year_plan():
    (bar,) = build([("T", [action("A", start=D(2026, 1, 1), end=D(2026, 12, 31))])]).bars
    assert (bar.x, bar.end_x) == (MARGIN, WIDTH - MARGIN)


def test_the_axis_widens_to_an_action_planned_outside_the_plan_period():
    timeline = build([("T", [action("A", start=D(2025, 12, 1), end=D(2026, 2, 28))])])
    assert timeline.axis.start == D(2025, 12, 1)
    assert timeline.bars[0].x == MARGIN


def test_a_mistyped_year_neither_stretches_the_axis_nor_breaks_the_picture():
    """ "9999-12-31" made the plan page a 500 (a day past the last date there is) and
    "0202" put twenty centuries of month lines on it: the axis keeps to the plan's period
    and two years around it; such a date is drawn at the axis's end."""
    timeline = build(
        [
            (
                "T",
                [
                    action(
                        "Typo",
                        start=D(202, 1, 1),
                        end=D(9999, 12, 31),
                        milestones=[("Due", D(9999, 12, 31), D(9999, 12, 31))],
                    ),
                    action("Fine", start=D(2026, 4, 1), end=D(2026, 6, 30)),
                ],
            )
        ]
    )
    assert D(2023, 12, 29) <= timeline.axis.start <= D(2024, 1, 1)  # 2 years before 2026
    assert D(2028, 12, 31) <= timeline.axis.end <= D(2029, 1, 2)  # 2 years after it
    assert len(timeline.axis.ticks) <= 12 * 5 + 2  # a tick a month, five years
    typo, fine = timeline.bars
    assert (typo.x, typo.end_x) == (MARGIN, WIDTH - MARGIN)  # the whole axis
    assert typo.milestones[0].x <= WIDTH - MARGIN
    assert fine.x == pytest.approx(
        MARGIN + CHART * (D(2026, 4, 1) - timeline.axis.start).days / timeline.axis.days,
        abs=0.01,
    )


def test_milestones_are_marked_at_their_due_and_reached_dates_with_the_delay_between():
    item = action(
        "A",
        start=D(2026, 2, 1),
        end=D(2026, 10, 31),
        milestones=[
            ("On time", D(2026, 3, 1), D(2026, 3, 1)),
            ("Late", D(2026, 4, 1), D(2026, 4, 21)),
            ("Coming", D(2026, 9, 1), None),
        ],
    )
    (bar,) = build([("T", [item])]).bars
    on_time, late, coming = bar.milestones
    assert len(bar.milestones) == 3
    assert on_time.reached_x == on_time.x
    assert on_time.delay is None
    assert late.x == pytest.approx(x_of(D(2026, 4, 1)) + CHART / 365 / 2, abs=0.01)
    assert late.reached_x == pytest.approx(x_of(D(2026, 4, 21)) + CHART / 365 / 2, abs=0.01)
    assert late.delay == (late.x, late.reached_x)
    assert late.days_late == 20
    assert "20 days late" in late.label
    assert coming.reached_x is None
    assert coming.delay is None
    assert not coming.overdue
    assert "1 late" in bar.label
    assert "3 milestones" in bar.label


def test_an_overdue_milestone_shows_its_delay_up_to_today():
    item = action(
        "A", start=D(2026, 2, 1), end=D(2026, 12, 31), milestones=[("M", D(2026, 7, 2), None)]
    )
    (bar,) = build([("T", [item])]).bars
    (mark,) = bar.milestones
    assert mark.overdue
    assert mark.days_late == 30
    assert mark.delay == (mark.x, pytest.approx(x_of(TODAY), abs=0.01))
    assert "overdue by 30 days" in mark.label
    assert bar.overdue
    assert "overdue" in bar.text


def test_an_action_past_its_planned_end_runs_on_to_today_unless_finished():
    late = action("Late", start=D(2026, 2, 1), end=D(2026, 5, 31))
    done = action("Done", status=ItemStatus.COMPLETED, start=D(2026, 2, 1), end=D(2026, 5, 31))
    timeline = build([("T", [late, done])])
    late_bar, done_bar = timeline.bars
    assert late_bar.overdue
    assert late_bar.behind_schedule
    assert late_bar.overrun[0] == pytest.approx(x_of(D(2026, 6, 1)), abs=0.01)
    assert late_bar.overrun[0] + late_bar.overrun[1] == pytest.approx(timeline.today_x, abs=0.02)
    assert not done_bar.overdue
    assert done_bar.overrun is None
    assert done_bar.text.endswith("Completed")


def test_the_today_line_is_at_today_and_only_within_the_axis():
    timeline = build([("T", [action("A", start=D(2026, 2, 1), end=D(2026, 3, 1))])])
    assert timeline.today_x == pytest.approx(x_of(TODAY), abs=0.01)
    assert "Today is 1 August 2026." in timeline.description
    after = build([("T", [action("A", start=D(2026, 2, 1), end=D(2026, 3, 1))])], D(2028, 1, 1))
    assert after.today_x is None


def test_actions_are_grouped_by_theme_in_order_and_empty_themes_left_out():
    timeline = build(
        [
            ("Roads", [action("A", start=D(2026, 2, 1), end=D(2026, 3, 1))]),
            ("Empty", []),
            ("Schools", [action("B"), action("C", start=D(2026, 5, 1), end=D(2026, 6, 1))]),
        ]
    )
    assert [(g.title, [b.title for b in g.bars]) for g in timeline.groups] == [
        ("Roads", ["A"]),
        ("Schools", ["B", "C"]),
    ]
    ys = [bar.y for bar in timeline.bars]
    assert ys == sorted(ys)
    assert len(set(ys)) == 3
    assert timeline.groups[1].y > timeline.bars[0].y


def test_an_action_without_planned_dates_has_no_bar_and_says_so():
    (bar,) = build([("T", [action("A", start=D(2026, 2, 1))])]).bars
    assert bar.x is None
    assert bar.width is None
    assert bar.note == "Planned start 1 February 2026, no planned end"


def test_labels_name_the_action_its_dates_and_status():
    item = action("Bus stops", status=ItemStatus.DELAYED, start=D(2026, 9, 1), end=D(2026, 11, 30))
    (bar,) = build([("T", [item])]).bars
    assert bar.text == "Bus stops — Delayed"
    assert bar.label == "Bus stops. Planned 1 September 2026 – 30 November 2026. Delayed"


def test_each_status_looks_different_without_its_colour():
    """WCAG 1.4.1: pattern, dash or shape tells the statuses (and overdue) apart."""
    shapes = [(look.pattern, look.dash, look.shape) for look in [*LOOKS.values(), OVERDUE]]
    assert len(set(shapes)) == len(ItemStatus.values) + 1
    assert set(LOOKS) == set(ItemStatus.values)


@pytest.mark.parametrize(("language", "march"), [("en", "Mar"), ("et", "Märts"), ("ru", "Мар")])  # noqa: RUF001
def test_month_ticks_read_in_the_readers_language(language, march):
    with translation.override(language):
        timeline = build([("T", [action("A", start=D(2026, 2, 1), end=D(2026, 3, 1))])])
    ticks = timeline.axis.ticks
    assert len(ticks) == 12
    assert ticks[2].label == march
    assert ticks[2].x == pytest.approx(x_of(D(2026, 3, 1)), abs=0.01)
    assert ticks[0].year == "2026"
    assert ticks[1].year == ""


def test_a_long_plan_labels_fewer_months():
    long_plan = plan(start=D(2026, 1, 1), end=D(2030, 12, 31))
    timeline = build([("T", [action("A")])], the_plan=long_plan)
    labelled = [tick for tick in timeline.axis.ticks if tick.label]
    assert len(timeline.axis.ticks) == 60
    assert len(labelled) <= 12
    assert [tick.year for tick in labelled if tick.year] == ["2026", "2027", "2028", "2029", "2030"]
