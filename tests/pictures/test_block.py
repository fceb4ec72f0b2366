"""The plan timeline as a block on a host site's page: the plan's picture in the page's
language, only what the visitor may see, in a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from avp_wagtail.pictures.blocks import PICTURE_BLOCKS, PlanTimelineBlock
from tests.builders import make_item, make_plan, make_programme
from tests.pictures.conftest import D

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]


def _render(data, host_page):
    block = PlanTimelineBlock()
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    return block.render(block.to_python(data), context={"request": request, "page": host_page})


@pytest.fixture
def plan(home):
    the_plan = make_plan(make_programme(home), title="Tegevuskava 2026")
    for n, title in enumerate(("Sild", "Mänguväljak")):
        make_item(
            the_plan, n, title=title, planned_start=D(2026, 2, 1), planned_end=D(2026, 10, 31)
        )
    return the_plan


def test_the_block_draws_the_plans_timeline_with_a_link_to_the_plan(home, plan):
    html = _render({"plan": plan.pk, "heading": ""}, home)
    assert PICTURE_BLOCKS[0][0] == "plan_timeline"
    heading = re.search(r'<h2 id="([^"]+)">([^<]+)</h2>', html)
    assert heading.group(2) == "Timeline of Tegevuskava 2026"
    assert f'aria-labelledby="{heading.group(1)}"' in html
    items = list(plan.get_children().specific().order_by("path"))
    # each action a bar linking to it, in both layouts
    for item in items:
        assert html.count(f'href="{item.url}"') == 3  # wide, narrow, the table
    assert f'href="{plan.url}"' in html
    assert f'href="{plan.url}timeline/svg/"' in html
    custom = _render({"plan": plan.pk, "heading": "Kuidas läheb"}, home)
    assert ">Kuidas läheb</h2>" in custom


def test_two_blocks_on_one_page_keep_their_ids_apart(home, plan):
    html = _render({"plan": plan.pk}, home) + _render({"plan": plan.pk}, home)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_a_restricted_plan_shows_nothing(home, plan):
    PageViewRestriction.objects.create(page=plan, restriction_type="login")
    assert "avp-timeline" not in _render({"plan": plan.pk}, home)


def test_the_block_costs_the_same_for_2_and_40_actions(home, plan):
    counts = []
    for extra in (0, 38):
        for n in range(extra):
            make_item(plan, 100 + n + len(counts) * 100, planned_start=D(2026, 3, 1))
        with CaptureQueriesContext(connection) as ctx:
            html = _render({"plan": plan.pk}, home)
        assert html.count('class="avp-timeline__item ') == 2 * (2 + extra)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
