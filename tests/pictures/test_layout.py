"""The timeline in two layouts (phones and wider screens), with readable labels over the
grid, "today" with its date, and the standalone file's drawn heading."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone, translation

from avp_wagtail.core.dates import format_date
from avp_wagtail.models import Milestone
from avp_wagtail.pictures.axis import MARGIN, Axis
from avp_wagtail.pictures.timeline import CHAR_WIDTH, NARROW, WIDE, build_timeline
from tests.builders import make_item, make_plan, make_programme
from tests.pictures.conftest import D, action, plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

SVG = "{http://www.w3.org/2000/svg}"
LONG_TITLE = "Renovate the cultural centre's main hall and make it accessible to everyone"


def build(layout, today=None, the_plan=None, items=None):
    today = today or D(2026, 8, 1)
    items = items or [
        action(LONG_TITLE, start=D(2026, 1, 1), end=D(2026, 12, 31)),
        action("Short", status="planned", start=D(2026, 6, 1), end=D(2026, 6, 30)),
    ]
    return build_timeline(
        the_plan or plan(), [("Culture", items)], lambda i: "/x/", today, layout=layout
    )


def test_the_narrow_layout_spans_the_same_dates_over_a_phones_width():
    wide, narrow = build(WIDE), build(NARROW)
    assert (wide.width, narrow.width) == (960, 360)
    # The whole-year action fills each axis, edge to edge.
    assert (wide.bars[0].x, wide.bars[0].end_x) == (MARGIN, 960 - MARGIN)
    assert (narrow.bars[0].x, narrow.bars[0].end_x) == (MARGIN, 360 - MARGIN)
    june = narrow.bars[1]
    assert june.x == pytest.approx(MARGIN + (360 - 2 * MARGIN) * 151 / 365, abs=0.01)
    # Fewer month names, so they do not run into each other.
    assert len([t for t in wide.axis.ticks if t.label]) == 12
    assert len([t for t in narrow.axis.ticks if t.label]) == 4


def test_the_narrow_layout_shortens_titles_and_stacks_the_legend():
    narrow = build(NARROW)
    title_part = narrow.bars[0].text.split(" — ")[0]
    assert title_part.endswith("…")
    assert len(title_part) <= NARROW.title_chars
    assert build(WIDE).bars[0].text.startswith(LONG_TITLE)  # the wide one has room
    assert {entry.x for entry in narrow.legend} == {MARGIN}  # one column
    ys = [entry.y for entry in narrow.legend]
    assert ys == sorted(ys)
    assert len(set(ys)) == len(ys)
    assert narrow.height >= narrow.legend[-1].y + 12  # the last entry inside the picture


@pytest.mark.parametrize("layout", [WIDE, NARROW])
@pytest.mark.parametrize("today", [D(2026, 1, 3), D(2026, 7, 1), D(2026, 12, 30)])
def test_today_is_labelled_with_its_date_inside_the_picture(layout, today):
    timeline = build(layout, today=today)
    assert timeline.today_text == f"Today, {format_date(today)}"
    width = len(timeline.today_text) * CHAR_WIDTH
    if timeline.today_at_right:
        assert timeline.today_label_x < timeline.today_x
        assert timeline.today_label_x - width >= 0
    else:
        assert timeline.today_label_x > timeline.today_x
        assert timeline.today_label_x + width <= timeline.width


@pytest.fixture
def plan_page(home):
    the_plan = make_plan(make_programme(home), title="Näidiku plan")
    make_item(the_plan, 1, title=LONG_TITLE, planned_start=D(2026, 1, 1), planned_end=D(2026, 5, 1))
    return the_plan


def _svgs(html):
    return {
        layout: ET.fromstring(svg)
        for layout, svg in (
            (m.group(1), m.group(0))
            for m in re.finditer(
                r'<svg[^>]*class="avp-timeline__svg avp-timeline__svg--(\w+)".*?</svg>', html, re.S
            )
        )
    }


def test_the_plan_page_carries_both_layouts_each_in_its_labelled_region(client, plan_page):
    html = client.get(plan_page.url).content.decode()
    svgs = _svgs(html)
    assert set(svgs) == {"wide", "narrow"}
    assert svgs["wide"].get("viewBox").startswith("0 0 960 ")
    assert svgs["narrow"].get("viewBox").startswith("0 0 360 ")
    # Ids stay unique on the page (each picture's title and patterns have their own prefix).
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert html.count('class="avp-table-region avp-timeline__region avp-timeline__region--') == 2
    # Every label has a white halo under it, so grid and today lines do not cut through.
    for svg in svgs.values():
        texts = list(svg.iter("text"))
        assert texts
        assert all(t.get("paint-order") == "stroke" for t in texts)
        assert all(t.get("stroke") == "#ffffff" for t in texts)


def test_the_standalone_file_draws_the_plans_title_and_the_date(client, plan_page):
    with translation.override("et"):
        today = format_date(timezone.localdate())
    root = ET.fromstring(client.get(plan_page.url + "timeline/svg/").content)
    heading = root.find(f".//{SVG}text[@class='avp-timeline__heading']")
    as_of = root.find(f".//{SVG}text[@class='avp-timeline__as-of']")
    assert heading.text == "Näidiku plan"
    assert today in as_of.text  # the plan is Estonian: its date in Estonian
    # The chart is drawn under the heading: the file is that much taller than the chart.
    height = float(root.get("height"))
    chart = root.find(f"{SVG}g[@transform]")
    assert chart.get("transform") == "translate(0 48)"
    assert height == float(root.get("viewBox").split()[3])
    today_label = root.find(f".//{SVG}g[@class='avp-timeline__today']/{SVG}text")
    if today_label is not None:  # today within the axis
        assert today in today_label.text


def test_a_late_milestone_says_why_in_its_label_and_an_on_time_one_does_not():
    item = action("Vote", start=D(2026, 1, 1), end=D(2026, 12, 31))
    item.milestones = [
        Milestone(title="Vote", due_date=D(2026, 5, 1), delay_reason="The tender failed."),
        Milestone(title="Ideas", due_date=D(2026, 3, 1), completed_date=D(2026, 3, 1)),
    ]
    late, on_time = build(WIDE, items=[item]).bars[0].milestones
    assert late.label.endswith("overdue by 92 days (The tender failed.)")
    assert "(" not in on_time.label


def test_every_year_is_named_even_when_the_labelled_months_miss_january():
    axis = Axis.spanning([D(2025, 12, 1), D(2028, 11, 30)], MARGIN, 388, max_labels=6)
    labelled = [(t.date, t.year) for t in axis.ticks if t.label]
    assert labelled == [
        (D(2025, 12, 1), "2025"),
        (D(2026, 6, 1), "2026"),
        (D(2026, 12, 1), ""),
        (D(2027, 6, 1), "2027"),
        (D(2027, 12, 1), ""),
        (D(2028, 6, 1), "2028"),
    ]


@pytest.mark.parametrize("language", ["et", "en", "ru"])
def test_on_a_phone_the_status_and_overdue_always_fit_the_line(language):
    items = [
        action(LONG_TITLE, status=status, start=D(2026, 1, 1), end=D(2026, 3, 31))
        for status in ("planned", "in_progress", "completed", "delayed", "cancelled")
    ]
    with translation.override(language):
        narrow = build(NARROW, today=D(2026, 8, 1), items=items)
    for bar in narrow.bars:
        assert len(bar.text) * CHAR_WIDTH + MARGIN <= NARROW.width - MARGIN, bar.text
        assert bar.text.endswith(bar.status_label + (", " if bar.overdue else "")) or (
            bar.overdue and bar.text.split(" — ")[1].startswith(bar.status_label)
        )
    overdue = [bar for bar in narrow.bars if bar.overdue]
    assert overdue  # in progress and delayed, past their planned end
    with translation.override(language):
        word = translation.gettext("overdue")
    assert all(bar.text.endswith(word) for bar in overdue)


def test_a_milestone_reached_early_gets_no_delay_line():
    item = action("Vote", start=D(2026, 1, 1), end=D(2026, 12, 31))
    item.milestones = [
        Milestone(title="Early", due_date=D(2026, 5, 1), completed_date=D(2026, 4, 20))
    ]
    (early,) = build(WIDE, items=[item]).bars[0].milestones
    assert early.delay is None
    assert early.reached_x < early.x
    assert "late" not in early.label
