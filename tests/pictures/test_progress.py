"""Progress over time: an action's history from its updates and change history, the plan's
weighted progress month by month against the planned line, and the SVG drawn from them."""

import datetime
import itertools
import re
import uuid
import xml.etree.ElementTree as ET
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

import avp_wagtail
from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.core.dates import format_date
from avp_wagtail.models import ItemChange, ProgressUpdate
from avp_wagtail.pictures import progress_geometry as pp
from avp_wagtail.pictures.axis import MAX_YEARS
from avp_wagtail.pictures.progress import build_plan_progress
from avp_wagtail.pictures.progress_geometry import (
    CHART_HEIGHT,
    CHART_TOP,
    PROGRESS_COLOURS,
    RIGHT,
    WIDTH,
    X0,
    y_of,
)
from avp_wagtail.pictures.progress_history import ItemHistory, Step, load_histories, merge_history
from avp_wagtail.pictures.progress_item import build_item_progress
from avp_wagtail.pictures.style import COLOURS
from tests.builders import make_item, make_plan, make_programme
from tests.helpers import et, ru

D = datetime.date
TODAY = timezone.localdate()
STATIC = Path(avp_wagtail.__file__).parent / "static" / "avp_wagtail" / "css" / "pictures.css"
RU_MARCH = "\u041c\u0430\u0440"  # Django's short name of March in Russian


def update(day, value, order=0, title="Report"):
    return SimpleNamespace(date=day, progress=value, sort_order=order, title=title)


def change(day, old, new, field="progress", pk=1):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    return SimpleNamespace(field=field, old_value=old, new_value=new, changed_at=moment, pk=pk)


def steps(history):
    return [(step.date, step.value, step.source) for step in history.steps]


# -- an action's history -------------------------------------------------------------------


def test_updates_make_steps_on_their_dates_in_date_order():
    history = merge_history(
        [update(D(2026, 3, 15), 50), update(D(2026, 2, 1), 20), update(D(2026, 1, 5), None)], []
    )
    assert history.initial == 0
    assert steps(history) == [(D(2026, 2, 1), 20, "update"), (D(2026, 3, 15), 50, "update")]
    assert history.value_at(D(2026, 1, 31)) == 0
    assert history.value_at(D(2026, 3, 14)) == 20
    assert history.value_at(D(2026, 3, 15)) == 50


def test_on_one_day_the_update_later_in_the_pages_order_counts():
    history = merge_history([update(D(2026, 2, 1), 70, order=2), update(D(2026, 2, 1), 30, 1)], [])
    assert steps(history) == [(D(2026, 2, 1), 70, "update")]


def test_a_backdated_update_decides_from_its_date_and_later_changes_are_its_own_effect():
    history = merge_history(
        # reported on 10 March, dated 1 March
        [update(D(2026, 3, 1), 50)],
        [
            change(D(2026, 2, 1), "10", "20", pk=1),  # set by hand before any update
            change(D(2026, 3, 10), "20", "50", pk=2),  # the update published
            change(D(2026, 4, 2), "50", "90", pk=3),  # after the first update: ignored
        ],
    )
    assert history.initial == 10  # the first change's old value
    assert steps(history) == [(D(2026, 2, 1), 20, "change"), (D(2026, 3, 1), 50, "update")]
    assert history.value_at(D(2026, 1, 1)) == 10
    assert history.value_at(D(2026, 4, 30)) == 50


def test_changes_alone_make_the_history_other_fields_and_bad_values_ignored():
    history = merge_history(
        [],
        [
            change(D(2026, 5, 1), "40", "60", pk=3),
            change(D(2026, 4, 1), "0", "40", pk=2),
            change(D(2026, 4, 2), "in_progress", "delayed", field="status", pk=4),
            change(D(2026, 4, 3), "40", "", pk=5),
        ],
    )
    assert steps(history) == [(D(2026, 4, 1), 40, "change"), (D(2026, 5, 1), 60, "change")]


def test_an_update_repeating_the_value_makes_no_step():
    history = merge_history([update(D(2026, 2, 1), 20), update(D(2026, 3, 1), 20)], [])
    assert steps(history) == [(D(2026, 2, 1), 20, "update")]


def test_without_any_event_the_progress_counts_from_the_first_publication():
    published = timezone.make_aware(datetime.datetime(2026, 3, 4, 10))
    history = merge_history([], [], current=40, first_published=published)
    assert steps(history) == [(D(2026, 3, 4), 40, "published")]
    assert history.value_at(D(2026, 3, 3)) == 0
    never_published = merge_history([], [], current=40, first_published=None)
    assert never_published.initial == 40
    assert not never_published.has_events
    assert merge_history([], [], current=0, first_published=published).steps == []


# -- the plan, month by month --------------------------------------------------------------


def plan_obj(start=None, end=None, adoption=None, title="Plan"):
    """A plan of 2026 by default."""
    return SimpleNamespace(
        start_date=start or D(2026, 1, 1),
        end_date=end or D(2026, 12, 31),
        adoption_date=adoption,
        title=title,
    )


def item_obj(pk, weight=1, status=ItemStatus.IN_PROGRESS, progress=0):
    return SimpleNamespace(pk=pk, weight=weight, status=status, progress=progress)


def test_a_later_change_never_rewrites_the_months_before_the_action_existed():
    published = datetime.datetime(2026, 6, 1, 9, tzinfo=datetime.UTC)
    never_changed = merge_history([], [], current=30, first_published=published)
    changed_later = merge_history(
        [], [change(D(2026, 9, 1), "30", "50")], current=50, first_published=published
    )
    for day, value in ((D(2025, 12, 31), 0), (D(2026, 5, 31), 0), (D(2026, 7, 31), 30)):
        assert never_changed.value_at(day) == value
        assert changed_later.value_at(day) == value
    assert changed_later.value_at(D(2026, 9, 30)) == 50
    # Published at 10 %, then a first update to 20 %: both steps (the 10 % from the change
    # that the update's publication recorded).
    updated = merge_history(
        [update(D(2026, 8, 1), 20)],
        [change(D(2026, 8, 2), "10", "20")],
        current=20,
        first_published=published,
    )
    assert [(step.date, step.value) for step in updated.steps] == [
        (D(2026, 6, 1), 10),
        (D(2026, 8, 1), 20),
    ]


def history(*pairs, initial=0):
    return ItemHistory(initial, [Step(day, value, "update") for day, value in pairs])


def planned(day, start, end):
    """Half up, of the straight line at the end of ``day``."""
    share = Fraction(100 * ((day - start).days + 1), (end - start).days + 1)
    return int(share + Fraction(1, 2))


def test_monthly_points_are_the_weighted_mean_without_cancelled_actions():
    plan = plan_obj(adoption=D(2026, 1, 15))
    items = [
        item_obj(1, weight=3),
        item_obj(2, weight=1),
        item_obj(3, weight=5, status=ItemStatus.CANCELLED),
    ]
    histories = {
        1: history((D(2026, 2, 10), 40)),
        2: history((D(2026, 3, 5), 80)),
        3: history((D(2026, 1, 20), 100)),  # cancelled now: never counted
    }
    chart = build_plan_progress(plan, items, histories, today=D(2026, 4, 10))
    dates = [point.date for point in chart.points]
    assert dates == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 10)]
    assert [point.partial for point in chart.points] == [False, False, False, True]
    # (3 * 40 + 1 * 0) / 4 = 30; (3 * 40 + 80) / 4 = 50
    assert [point.actual for point in chart.points] == [0, 30, 50, 50]
    start, end = D(2026, 1, 15), D(2026, 12, 31)
    assert [point.planned for point in chart.points] == [planned(d, start, end) for d in dates]
    for point in chart.points:
        assert point.x == chart.axis.x_after(point.date)
        assert point.y == pytest.approx(CHART_TOP + CHART_HEIGHT * (100 - point.actual) / 100)
    assert chart.polyline.split() == [f"{p.x:g},{p.y:g}" for p in chart.points]


def test_the_mean_rounds_half_up_as_the_plan_page_does():
    chart = build_plan_progress(
        plan_obj(),
        [item_obj(1), item_obj(2)],
        {1: history((D(2026, 1, 2), 45)), 2: history()},
        today=D(2026, 1, 20),
    )
    assert [point.actual for point in chart.points] == [23]  # 22.5


def test_the_planned_line_runs_from_0_at_adoption_to_100_at_the_end():
    chart = build_plan_progress(
        plan_obj(), [item_obj(1)], {1: history((D(2026, 2, 1), 10))}, today=D(2026, 6, 15)
    )
    x1, y1, x2, y2 = chart.planned_line
    assert (x1, y1) == (X0, CHART_TOP + CHART_HEIGHT)
    assert (x2, y2) == (WIDTH - RIGHT, CHART_TOP)
    assert chart.points[-1].date == D(2026, 6, 15)  # today, not the plan's end
    # the start date when there is no adoption date
    assert chart.axis.start == D(2026, 1, 1)


def test_points_stop_at_the_plans_end_and_a_mistyped_year_stays_bounded():
    done = build_plan_progress(
        plan_obj(), [item_obj(1)], {1: history((D(2026, 2, 1), 10))}, today=D(2027, 5, 1)
    )
    assert len(done.points) == 12
    assert done.points[-1].date == D(2026, 12, 31)
    assert done.points[-1].planned == 100
    long_ago = build_plan_progress(
        plan_obj(start=D(202, 1, 1), end=D(2027, 12, 31)),
        [item_obj(1)],
        {1: history((D(2026, 2, 1), 10))},
        today=D(2026, 6, 1),
    )
    assert len(long_ago.points) <= 12 * MAX_YEARS + 1
    far_off = build_plan_progress(
        plan_obj(start=D(2026, 1, 1), end=D(9999, 12, 31)),
        [item_obj(1)],
        {1: history((D(2026, 2, 1), 10))},
        today=D(2026, 6, 1),
    )
    assert len(far_off.points) == 6
    assert far_off.axis.end <= D(2026 + MAX_YEARS, 1, 10)  # MAX_YEARS from its start


def test_the_planned_line_reaches_100_percent_at_the_plans_end_years_ahead():
    # A plan to 2030 seen in 2026: the picture spans the whole plan, not today + 2 years.
    long_plan = build_plan_progress(
        plan_obj(start=D(2026, 1, 1), end=D(2030, 12, 31)),
        [item_obj(1)],
        {1: history((D(2026, 2, 1), 10))},
        today=D(2026, 11, 30),
    )
    assert long_plan.axis.end == D(2030, 12, 31)
    x_end, y_end = long_plan.planned_line[2:]
    assert x_end == long_plan.axis.x_after(D(2030, 12, 31))
    assert y_end == y_of(100)
    assert len(long_plan.points) == 11  # still only up to today


def test_nothing_to_draw_without_actions_history_or_before_the_start():
    plan = plan_obj()
    assert build_plan_progress(plan, [], {}, today=D(2026, 5, 1)) is None
    assert build_plan_progress(plan, [item_obj(1)], {1: history()}, today=D(2026, 5, 1)) is None
    assert (
        build_plan_progress(
            plan, [item_obj(1)], {1: history((D(2026, 1, 2), 5))}, today=D(2025, 12, 1)
        )
        is None
    )


def test_month_labels_are_few_enough_for_a_phone():
    chart = build_plan_progress(
        plan_obj(end=D(2029, 12, 31)),
        [item_obj(1)],
        {1: history((D(2026, 2, 1), 10))},
        today=D(2029, 12, 31),
    )
    labelled = [tick for tick in chart.axis.ticks if tick.label]
    assert 2 <= len(labelled) <= 8
    xs = [tick.x for tick in labelled]
    assert all(b - a >= pp.LABEL_GAP for a, b in itertools.pairwise(xs))
    assert labelled[0].year == "2026"


# -- on the pages --------------------------------------------------------------------------


def add_update(item, day, value, title="Report", order=0):
    return ProgressUpdate.objects.create(
        page=item,
        date=day,
        title=title,
        progress=value,
        sort_order=order,
        locale_id=item.locale_id,
        translation_key=uuid.uuid4(),
    )


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def plan(home):
    plan = make_plan(make_programme(home), start_date=days(-120), end_date=days(240))
    first = make_item(plan, 1, title="Repair the bridge", weight=3)
    second = make_item(plan, 2, title="New playground")
    add_update(first, days(-90), 30, title="Design ready")
    add_update(first, days(-30), 60, title="Works begun")
    add_update(second, days(-60), 20, title="Site chosen")
    return plan


def page_svg(html, css_class="avp-progress-chart__svg"):
    match = re.search(rf'<svg[^>]*class="{css_class}".*?</svg>', html, re.S)
    assert match, "no progress chart on the page"
    return ET.fromstring(match.group(0))


@pytest.mark.django_db
def test_the_plan_page_draws_the_monthly_points_and_their_table(client, plan):
    html = client.get(plan.url).content.decode()
    svg = page_svg(html)
    items = list(plan.get_items())
    with translation.override("et"):
        chart = build_plan_progress(plan, items, load_histories(items))
        last_month = chart.points[-1].month
    polyline = svg.find(".//polyline[@class='avp-progress-chart__actual']")
    assert polyline.get("points") == chart.polyline
    markers = svg.findall(".//g[@class='avp-progress-chart__series']/circle")
    assert [(float(m.get("cx")), float(m.get("cy"))) for m in markers] == [
        (point.x, point.y) for point in chart.points
    ]
    # the last point: today, (3 * 60 + 20) / 4 = 50
    assert chart.points[-1].actual == 50
    value = svg.find(".//text[@class='avp-progress-chart__value']")
    assert value.text == "50%"
    planned = svg.find("line[@class='avp-progress-chart__planned']")
    assert planned.get("stroke-dasharray")  # dashed: not told apart by colour alone
    assert polyline.get("stroke-dasharray") is None
    assert svg.get("role") == "img"
    assert svg.find("title").get("id") == svg.get("aria-labelledby")
    assert svg.find("desc").get("id") == svg.get("aria-describedby")
    halo = [t for t in svg.iter("text") if t.get("paint-order") == "stroke"]
    assert len(halo) == len(list(svg.iter("text")))
    legend = [t.text for t in svg.findall(".//g[@class='avp-progress-chart__legend']/text")]
    assert legend == [
        et("Actual progress, at the end of each month"),
        et("Planned: a straight line up to the plan's end"),
    ]
    assert f'role="region" aria-label="{chart.title}" tabindex="0"' in html
    start = html.index('class="avp-progress-chart__table')
    table = html[start : html.index("</table>", start)]
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", table, re.S)
    assert len(rows) == len(chart.points)
    for row, point in zip(rows, chart.points, strict=True):
        assert f">{point.actual}%<" in row
        assert f">{point.planned}%<" in row
    assert last_month in rows[-1]
    # inside the overview, right after the timeline
    assert html.index('id="avp-plan-progress-heading"') > html.index("avp-timeline")


@pytest.mark.django_db
def test_the_item_page_draws_its_steps_with_their_dates(client, plan):
    item = plan.get_children().get(slug="item-1").specific
    html = client.get(item.url).content.decode()
    svg = page_svg(html)
    circles = svg.findall(".//g[@class='avp-progress-chart__series']/circle")
    chart = build_item_progress(item, load_histories([item])[item.pk])
    assert [(float(c.get("cx")), float(c.get("cy"))) for c in circles] == [
        (mark.x, mark.y) for mark in chart.marks
    ]
    assert [float(c.get("cy")) for c in circles] == [y_of(30), y_of(60)]
    path = svg.find(".//path[@class='avp-progress-chart__actual']").get("d")
    assert path == chart.path
    assert path.startswith(f"M{X0:g} {y_of(0):g}")
    start = html.index('class="avp-progress-chart__table')
    table = html[start : html.index("</table>", start)]
    with translation.override("et"):
        for day in (days(-90), days(-30)):
            assert format_date(day) in table
    assert "Design ready" in table
    assert "Works begun" in table
    # after the progress updates, before the change history
    assert html.index('id="avp-updates-heading"') < html.index('id="avp-item-progress-heading"')


@pytest.mark.django_db
def test_an_item_without_history_shows_no_chart(client, home):
    plan = make_plan(make_programme(home))
    item = make_item(plan, 1)
    assert "avp-progress-chart" not in client.get(item.url).content.decode()
    assert "avp-progress-chart" not in client.get(plan.url).content.decode()


@pytest.mark.django_db
def test_a_published_progress_change_is_a_step_on_the_item_page(client, home):
    plan = make_plan(make_programme(home))
    item = make_item(plan, 1)
    ItemChange.objects.create(page=item, field="progress", old_value="0", new_value="35")
    html = client.get(item.url).content.decode()
    svg = page_svg(html)
    assert [float(c.get("cy")) for c in svg.findall(".//g/circle")][:1] == [y_of(35)]
    assert et("Published change") in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "lookup", "march"), [("et", et, "Märts"), ("ru", ru, RU_MARCH)]
)
def test_the_chart_speaks_the_readers_language(plan, language, lookup, march):
    items = list(plan.get_items())
    with translation.override(language):
        chart = build_plan_progress(
            plan_obj(start=D(2026, 1, 1), end=D(2026, 12, 31)),
            items,
            {items[0].pk: history((D(2026, 2, 1), 40))},
            today=D(2026, 6, 30),
        )
        html = render_to_string(
            "avp_wagtail/pictures/plan_progress.html",
            {"avp_plan_progress": SimpleNamespace(chart=chart)},
        )
    assert lookup("Progress over time") in html
    assert lookup("Progress over time as a table") in html
    text = " ".join(page_svg(html).itertext())
    assert march in text
    assert lookup("Actual progress, at the end of each month") in text


def test_the_stylesheets_defaults_are_the_drawn_colours():
    css = STATIC.read_text(encoding="utf-8")
    section = css[css.index("---- Progress over time") :]
    fallbacks = dict(re.findall(r"var\((--[\w-]+), (#[0-9a-f]{6})\)", section))
    assert {k: v for k, v in fallbacks.items() if k.startswith("--avp-progress")} == (
        PROGRESS_COLOURS
    )
    for name in set(fallbacks) - set(PROGRESS_COLOURS):  # the timeline's own
        assert fallbacks[name] == COLOURS[name], name
    svg = render_to_string("avp_wagtail/pictures/progress_svg.html", {"c": None, "kind": "plan"})
    assert 'stroke="#0b4f8a"' in svg
    assert 'stroke="#4d4d4d" stroke-width="2" stroke-dasharray' in svg
