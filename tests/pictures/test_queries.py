"""The timeline costs no queries that grow with the plan: 5 and 200 actions alike."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.models import ActionItemPage, Milestone
from tests.builders import make_plan, make_programme

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _plan(programme, n_items):
    plan = make_plan(programme, slug=f"plan-{n_items}", themes=("A", "B"))
    themes = list(plan.themes.all())
    statuses = list(ItemStatus.values)
    for n in range(n_items):  # live without revisions: 200 publishes would be slow
        item = plan.add_child(
            instance=ActionItemPage(
                title=f"Action {n}",
                slug=f"action-{n}",
                summary="S",
                theme=themes[n % 2],
                status=statuses[n % len(statuses)],
                planned_start=TODAY - datetime.timedelta(days=n),
                planned_end=TODAY + datetime.timedelta(days=n),
                live=True,
            )
        )
        Milestone.objects.create(page=item, title=f"Step {n}", due_date=TODAY)
    return plan


def _cold_queries(client, url):
    """Queries of a GET with nothing in the cache (the plan page's fragments drawn anew)."""
    client.get(url)  # warm per-process caches (content types)
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_plan_page_with_the_timeline_costs_the_same_for_5_and_200_actions(client, home):
    programme = make_programme(home)
    counts = []
    for n_items in (5, 200):
        plan = _plan(programme, n_items)
        queries, html = _cold_queries(client, plan.url)
        # drawn twice, for wide and for narrow screens
        assert html.count('class="avp-timeline__item ') == 2 * n_items
        # a mark each (due today: none overdue), and the legend's
        assert html.count('<path class="avp-timeline__milestone"') == 2 * (n_items + 1)
        counts.append(queries)
    assert counts[0] == counts[1]


def test_the_standalone_svg_costs_the_same_for_5_and_200_actions(client, home):
    programme = make_programme(home)
    counts = []
    for n_items in (5, 200):
        plan = _plan(programme, n_items)
        queries, svg = _cold_queries(client, plan.url + "timeline/svg/")
        assert svg.count("<a class=") == n_items
        counts.append(queries)
    assert counts[0] == counts[1]
