"""Listing pages cost a bounded number of queries, whatever the number of children."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.models import Organisation
from tests.builders import make_item, make_meeting, make_plan, make_programme

# Included: the plan's own discussion (2), its items' comment counts (2), milestones for
# "behind schedule" (1), latest progress updates (1) and the next monitoring meeting (2).
PLAN_QUERY_BUDGET = 25  # + the view restrictions the visitor has not passed (1)
# The programme page also: its breadcrumbs (1) and its network page link (2, public only).
PROGRAMME_QUERY_BUDGET = 19  # + breadcrumbs, the network page link and its restriction check


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("n_items", [5, 50])
def test_plan_page_queries_do_not_grow_with_items(
    client, home, django_assert_max_num_queries, n_items
):
    plan = make_plan(make_programme(home), themes=("A", "B", "C"))
    themes = list(plan.themes.all())
    org = Organisation.objects.create(name="Lead")
    statuses = list(ItemStatus.values)
    for n in range(n_items):
        make_item(
            plan, n, theme=themes[n % 3], lead_implementer=org, status=statuses[n % len(statuses)]
        )
    client.get(plan.url)  # warm per-process caches (site root paths, content types)
    with django_assert_max_num_queries(PLAN_QUERY_BUDGET):
        response = client.get(plan.url)
    assert response.content.decode().count("avp-status--") == n_items + 1  # items + the plan


def test_plan_page_same_queries_for_5_and_50_items(client, home):
    programme = make_programme(home)
    counts = []
    for n_items, slug in ((5, "small"), (50, "large")):
        plan = make_plan(programme, slug=slug, themes=("A", "B"))
        themes = list(plan.themes.all())
        for n in range(n_items):
            make_item(plan, n, theme=themes[n % 2])
        client.get(plan.url)
        counts.append(count_queries(client, plan.url))
    assert counts[0] == counts[1]


def test_programme_page_same_queries_for_2_and_20_meetings(client, home):
    counts = []
    for n_meetings, slug in ((2, "small"), (20, "large")):
        programme = make_programme(home, slug=slug)
        org = Organisation.objects.create(name=f"Org {slug}")
        for n in range(n_meetings):
            days = n + 1 if n % 2 else -(n + 1)
            make_meeting(programme, n, days, organiser=org, summary=f"Summary {n}")
        client.get(programme.url)
        counts.append(count_queries(client, programme.url))
    assert counts[0] == counts[1]
    assert counts[1] <= PROGRAMME_QUERY_BUDGET
