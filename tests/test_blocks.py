"""StreamField blocks a host site puts on its own pages (D4): each renders its own small
template, shows only its own site's content, and costs a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from avp_wagtail.blocks import (
    LatestUpdatesBlock,
    OpenCallBlock,
    PlanAtAGlanceBlock,
    UpcomingMeetingsBlock,
)
from avp_wagtail.models import ProgressUpdate
from tests.builders import (
    make_call,
    make_item,
    make_meeting,
    make_plan,
    make_programme,
    make_site,
    publish,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _render(block, data, host_page, hostname="localhost"):
    request = RequestFactory().get("/", HTTP_HOST=hostname)
    value = block.to_python(data)
    return block.render(value, context={"request": request, "page": host_page})


def _municipality(root, name, n_items=2):
    programme = make_programme(root, title=f"Avatud valitsemine {name}")
    plan = make_plan(programme, title=f"Tegevuskava {name}")
    for n in range(n_items):
        item = make_item(plan, n, title=f"{name} tegevus {n}", status="in_progress", progress=50)
        item.progress_updates = [ProgressUpdate(title=f"{name} uudis {n}", date=TODAY)]
        publish(item)
    make_meeting(programme, 1, 5, title=f"{name} koosolek")
    make_call(programme, title=f"{name} kutse", deadline=TODAY + datetime.timedelta(days=9))
    return programme, plan


@pytest.fixture
def two_sites(home):
    ours = _municipality(home, "Näidiku")
    neighbour = make_site("naaber.example")
    theirs = _municipality(neighbour.root_page, "Naabri")
    return home, ours, neighbour, theirs


def test_plan_at_a_glance_shows_progress_and_counts(two_sites):
    home, (_programme, plan), *_ = two_sites
    html = _render(PlanAtAGlanceBlock(), {"plan": plan.pk, "heading": ""}, home)
    assert "<h2" in html
    assert plan.title in html
    assert 'value="50"' in html  # the progress bar
    assert "<dd>2</dd>" in html  # two items in progress
    assert 'href="/et/open-government/plan/"' in html


def test_unpublished_plan_renders_nothing(two_sites):
    home, (_programme, plan), *_ = two_sites
    plan.unpublish()
    assert _render(PlanAtAGlanceBlock(), {"plan": plan.pk}, home).strip() == ""


def test_blocks_without_a_chosen_page_stay_within_their_own_site(two_sites):
    home, _ours, neighbour, _theirs = two_sites
    updates = _render(LatestUpdatesBlock(), {"count": 10}, home)
    assert "Näidiku uudis 0" in updates
    assert "Naabri uudis" not in updates
    meetings = _render(UpcomingMeetingsBlock(), {"count": 5}, home)
    assert "Näidiku koosolek" in meetings
    assert "Naabri koosolek" not in meetings
    call = _render(OpenCallBlock(), {}, home)
    assert "Näidiku kutse" in call
    assert "Naabri kutse" not in call
    # The same blocks on the neighbour's home page show the neighbour's content.
    root = neighbour.root_page
    assert "Naabri uudis 0" in _render(LatestUpdatesBlock(), {"count": 10}, root, "naaber.example")
    assert "Naabri kutse" in _render(OpenCallBlock(), {}, root, "naaber.example")


def test_headings_can_be_set_and_blocks_honour_the_count(two_sites):
    home, (_programme, _plan), *_ = two_sites
    html = _render(LatestUpdatesBlock(), {"count": 1, "heading": "Uudised"}, home)
    assert ">Uudised</h2>" in html
    assert html.count('class="avp-update ') == 1


def test_a_closed_call_is_not_offered(two_sites):
    home, (programme, _plan), *_ = two_sites
    make_call(programme, title="Aegunud kutse", slug="old", deadline=TODAY - datetime.timedelta(1))
    html = _render(OpenCallBlock(), {}, home)
    assert "Aegunud kutse" not in html
    assert "Näidiku kutse" in html


@pytest.mark.parametrize(
    ("block", "data"),
    [
        (LatestUpdatesBlock(), {"count": 20}),
        (UpcomingMeetingsBlock(), {"count": 20}),
        (OpenCallBlock(), {}),
    ],
)
def test_blocks_cost_the_same_queries_for_few_and_many_items(home, block, data):
    programme, plan = _municipality(home, "Väike", n_items=1)
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    context = {"request": request, "page": home}
    block.render(block.to_python(data), context=context)
    with CaptureQueriesContext(connection) as few:
        block.render(block.to_python(data), context=context)
    for n in range(2, 15):
        item = make_item(plan, n)
        item.progress_updates = [ProgressUpdate(title=f"U{n}", date=TODAY)]
        publish(item)
        make_meeting(programme, n, n)
    with CaptureQueriesContext(connection) as many:
        block.render(block.to_python(data), context=context)
    assert len(many) == len(few) <= 6


def test_plan_at_a_glance_costs_the_same_for_few_and_many_items(home):
    _programme, plan = _municipality(home, "Väike", n_items=1)
    block = PlanAtAGlanceBlock()
    context = {"request": RequestFactory().get("/"), "page": home}
    block.render(block.to_python({"plan": plan.pk}), context=context)
    with CaptureQueriesContext(connection) as few:
        block.render(block.to_python({"plan": plan.pk}), context=context)
    for n in range(2, 15):
        make_item(plan, n)
    with CaptureQueriesContext(connection) as many:
        block.render(block.to_python({"plan": plan.pk}), context=context)
    assert len(many) == len(few) <= 6
