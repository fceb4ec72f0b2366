"""The timeline on the plan page and as a standalone SVG: drawn from the data the visitor
may see, with the same data as a table, in the reader's language, in constant queries."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.models import PageViewRestriction

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.core.dates import format_date
from avp_wagtail.core.progress import ThemeGroup
from avp_wagtail.models import ActionItemPage, Milestone
from avp_wagtail.pictures.axis import MARGIN, WIDTH
from avp_wagtail.pictures.timeline import build_timeline, plan_groups
from tests.builders import make_item, make_plan, make_programme
from tests.helpers import et

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

SVG = "{http://www.w3.org/2000/svg}"
TODAY = timezone.localdate()
RU_MARCH = "\u041c\u0430\u0440"  # Django's short name of March in Russian


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def plan(home):
    plan = make_plan(
        make_programme(home), themes=("Roads", "Schools"), start_date=days(-200), end_date=days(199)
    )
    roads, schools = plan.themes.all()
    make_item(
        plan,
        1,
        title="Repair the bridge",
        theme=roads,
        planned_start=days(-100),
        planned_end=days(-10),
        milestones=[Milestone(title="Design", due_date=days(-60), completed_date=days(-40))],
    )
    make_item(
        plan,
        2,
        title="New playground",
        theme=schools,
        status=ItemStatus.PLANNED,
        planned_start=days(20),
        planned_end=days(120),
    )
    return plan


def inline_svg(html):
    """The timeline's <svg> of a plan page, parsed."""
    match = re.search(
        r'<svg[^>]*class="avp-timeline__svg avp-timeline__svg--wide".*?</svg>', html, re.S
    )
    assert match, "no timeline on the page"
    return ET.fromstring(match.group(0))


def x_of(day, plan):
    period = (plan.end_date - plan.start_date).days + 1
    return MARGIN + (WIDTH - 2 * MARGIN) * (day - plan.start_date).days / period


def test_the_plan_page_draws_each_action_from_its_dates_linking_to_it(client, plan):
    html = client.get(plan.url).content.decode()
    svg = inline_svg(html)
    links = svg.findall(".//a")
    bridge, playground = ActionItemPage.objects.child_of(plan).order_by("path")
    assert [link.get("href") for link in links] == [bridge.url, playground.url]
    assert bridge.url.startswith("/")  # relative, on the reader's site
    bar = next(r for r in links[0].iter("rect") if "avp-timeline__bar" in r.get("class"))
    assert float(bar.get("x")) == pytest.approx(x_of(days(-100), plan), abs=0.01)
    assert float(bar.get("x")) + float(bar.get("width")) == pytest.approx(
        x_of(days(-9), plan), abs=0.02
    )
    assert len(links[0].findall("path[@class='avp-timeline__milestone']")) == 1
    assert len(links[0].findall("path[@class='avp-timeline__reached']")) == 1
    assert links[0].find("line[@class='avp-timeline__delay']") is not None  # reached 20 days late
    assert links[0].find("rect[@class='avp-timeline__overrun']") is not None  # past its end
    today = svg.find(".//g[@class='avp-timeline__today']/line")
    assert float(today.get("x1")) == pytest.approx(x_of(TODAY, plan), abs=0.01)
    themes = [t.text for t in svg.findall(".//text[@class='avp-timeline__theme']")]
    assert themes == ["Roads", "Schools"]
    assert 'role="region"' in html
    assert 'tabindex="0"' in html


def test_the_table_beside_the_picture_lists_the_same_actions_and_dates(client, plan):
    html = client.get(plan.url).content.decode()  # in Estonian, the site's language
    start = html.index('class="avp-timeline__table')
    table = html[start : html.index("</table>", start)]
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", table, re.S)
    assert len(rows) == 2
    assert "Repair the bridge" in rows[0]
    assert "New playground" in rows[1]
    dates = [(days(-100), days(-10)), (days(20), days(120))]
    with translation.override("et"):
        for row, (first, last) in zip(rows, dates, strict=True):
            assert format_date(first) in row
            assert format_date(last) in row
        due, reached = format_date(days(-60)), format_date(days(-40))
        overdue = translation.gettext("overdue")
    assert "<li>Design, " in rows[0]
    assert due in rows[0]
    assert reached in rows[0]
    assert overdue in rows[0]
    assert overdue not in rows[1]


def test_a_restricted_or_unpublished_action_never_appears(client, plan):
    secret = make_item(plan, 3, title="Hidden action", planned_start=days(1), planned_end=days(9))
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    draft = make_item(plan, 4, title="Withdrawn action", planned_start=days(1), planned_end=days(9))
    draft.unpublish()
    page = client.get(plan.url).content.decode()
    standalone = client.get(plan.url + "timeline/svg/").content.decode()
    for text in (page, standalone):
        assert "Repair the bridge" in text
        assert "Hidden action" not in text
        assert "Withdrawn action" not in text


def test_the_standalone_svg_is_a_valid_shareable_picture(client, plan):
    response = client.get(plan.url + "timeline/svg/")
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert 'filename="plan-timeline.svg"' in response["Content-Disposition"]
    assert "public" in response["Cache-Control"]
    assert "s-maxage" in response["Cache-Control"]
    root = ET.fromstring(response.content)
    assert root.tag == f"{SVG}svg"
    # The plan is Estonian: the picture speaks the plan's language.
    assert root.find(f"{SVG}title").text == et("Timeline of %(plan)s") % {"plan": "Plan"}
    with translation.override("et"):
        described = ngettext(
            "The planned periods of %(count)s action from %(start)s to %(end)s, by theme.",
            "The planned periods of %(count)s actions from %(start)s to %(end)s, by theme.",
            2,
        )
    assert root.find(f"{SVG}desc").text.startswith(described.split("%(start)s")[0] % {"count": 2})
    assert "var(--avp-status-completed, #2e7d32)" in root.find(f"{SVG}style").text
    hrefs = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert hrefs == [
        item.full_url for item in ActionItemPage.objects.child_of(plan).order_by("path")
    ]
    assert all(href.startswith("http") for href in hrefs)  # the file is read outside the site
    # SVG 1.1 tools (older Inkscape, newsletter editors) read the links as xlink:href
    xlink = "{http://www.w3.org/1999/xlink}href"
    assert [a.get(xlink) for a in root.iter(f"{SVG}a")] == hrefs
    assert "/timeline/svg/" in plan.get_cached_paths()  # purged on publish
    assert f'href="{plan.url}timeline/svg/"' in client.get(plan.url).content.decode()


def test_a_plan_without_actions_shows_no_timeline(client, home):
    plan = make_plan(make_programme(home))
    assert "avp-timeline" not in client.get(plan.url).content.decode()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Milestone reached", "Today", "Other actions", "Planned", "Delayed", "Mar"]),
        (
            "et",
            ["Verstapost saavutatud", "Täna", "Muud tegevused", "Kavandatud", "Hilinenud", "Märts"],
        ),
        (
            "ru",
            [
                "Этап достигнут",
                "Сегодня",
                "Другие мероприятия",
                "Запланировано",
                "Задерживается",
                RU_MARCH,
            ],
        ),
    ],
)
def test_the_picture_speaks_the_readers_language(plan, language, words):
    items = list(plan.get_items())
    with translation.override(language):
        timeline = build_timeline(plan, plan_groups(ThemeGroup.group([], items)), str)
        svg = render_to_string(
            "avp_wagtail/pictures/timeline.svg", {"timeline": timeline, "language": language}
        )
    root = ET.fromstring(svg.encode())
    assert root.get("lang") == language
    text = " ".join(root.itertext())
    for word in words:
        assert word in text, word


def test_a_title_with_markup_stays_text_in_the_standalone_svg(client, plan):
    make_item(plan, 5, title='Roads & "bridges" <script>x</script>', planned_start=days(1))
    response = client.get(plan.url + "timeline/svg/")
    root = ET.fromstring(response.content)  # still well-formed XML
    assert root.find(f".//{SVG}script") is None
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "avp-timeline__label"]
    assert any(label.startswith('Roads & "bridges" <script>x</script> — ') for label in labels)
    assert "script-src" not in response["Content-Security-Policy"]
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
