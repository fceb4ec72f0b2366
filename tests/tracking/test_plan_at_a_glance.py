"""The plan at a glance: weighted progress, counts by status, behind schedule, quick wins."""

import datetime

import pytest
from django.utils import timezone

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.models import Milestone, ProgressUpdate
from tests.builders import make_item, make_plan, make_programme, publish
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def plan(home):
    return make_plan(make_programme(home))


def test_weighted_progress(plan):
    make_item(plan, 1, progress=100, weight=3)
    make_item(plan, 2, progress=0, weight=1)
    make_item(plan, 3, progress=0, weight=5, status=ItemStatus.CANCELLED)  # not counted
    assert plan.progress == 75


def test_counts_overdue_and_quick_wins(client, plan):
    make_item(plan, 1, status=ItemStatus.IN_PROGRESS, is_quick_win=True, title="Kiire võit")
    make_item(
        plan,
        2,
        status=ItemStatus.IN_PROGRESS,
        title="Tähtaeg möödas",
        planned_end=TODAY - datetime.timedelta(days=1),
    )
    late = make_item(plan, 3, status=ItemStatus.PLANNED, title="Verstapost hiljaks")
    late.milestones = [Milestone(title="M", due_date=TODAY - datetime.timedelta(days=3))]
    publish(late)
    make_item(
        plan,
        4,
        status=ItemStatus.COMPLETED,
        title="Valmis",
        planned_end=TODAY - datetime.timedelta(days=9),
    )
    response = client.get(plan.url)
    summary = response.context["summary"]
    assert [(value, count) for value, _, count in summary.status_counts] == [
        ("planned", 1),
        ("in_progress", 2),
        ("completed", 1),
    ]
    assert [item.title for item in summary.overdue] == ["Tähtaeg möödas", "Verstapost hiljaks"]
    assert [item.title for item in summary.quick_wins] == ["Kiire võit"]
    html = response.content.decode()
    glance = html[html.index('id="avp-glance-heading"') :]
    assert "Tähtaeg möödas" in glance
    assert "Verstapost hiljaks" in glance


def test_plan_lists_the_latest_updates_across_items(client, plan):
    for n in range(1, 4):
        item = make_item(plan, n)
        item.progress_updates = [
            ProgressUpdate(title=f"Uudis {n}", date=TODAY - datetime.timedelta(days=10 - n))
        ]
        publish(item)
    html = client.get(plan.url).content.decode()
    assert html.index("Uudis 3") < html.index("Uudis 2") < html.index("Uudis 1")


def test_plan_queries_do_not_grow_with_items_and_updates(client, home):
    programme = make_programme(home)
    sizes = {}
    for n_items, per_item, slug in ((5, 1, "small"), (50, 10, "large")):
        plan = make_plan(programme, slug=slug)
        for n in range(n_items):
            item = make_item(plan, n)
            item.progress_updates = [
                ProgressUpdate(title=f"U{k}", date=TODAY - datetime.timedelta(days=k))
                for k in range(per_item)
            ]
            item.milestones = [Milestone(title="M", due_date=TODAY)]
            publish(item)
        sizes[slug] = page_queries(client, plan.url)[0]
    assert sizes["small"] == sizes["large"]
