"""Progress over time costs no queries that grow with the plan (5 and 200 actions alike),
and none at all while the page's fragments come from the cache."""

import datetime
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from avp_wagtail.models import ActionItemPage, ItemChange, ProgressUpdate
from tests.builders import make_plan, make_programme

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
HISTORY_TABLES = (ProgressUpdate._meta.db_table, ItemChange._meta.db_table)


def _plan(programme, n_items):
    plan = make_plan(
        programme,
        slug=f"plan-{n_items}",
        start_date=TODAY - datetime.timedelta(days=150),
        end_date=TODAY + datetime.timedelta(days=200),
    )
    updates, changes = [], []
    for n in range(n_items):  # live without revisions: 200 publishes would be slow
        item = plan.add_child(
            instance=ActionItemPage(title=f"Action {n}", slug=f"action-{n}", summary="S", live=True)
        )
        for months, value in ((4, 10), (2, 40)):
            updates.append(
                ProgressUpdate(
                    page=item,
                    date=TODAY - datetime.timedelta(days=30 * months),
                    title="Report",
                    progress=value + n % 7,
                    locale_id=item.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
        changes.append(
            ItemChange(
                page=item,
                field="progress",
                old_value="0",
                new_value="5",
                changed_at=timezone.now() - datetime.timedelta(days=140),
            )
        )
    ProgressUpdate.objects.bulk_create(updates)
    ItemChange.objects.bulk_create(changes)
    return plan


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in ctx.captured_queries], response.content.decode()


def _history_queries(sqls):
    return [sql for sql in sqls if any(table in sql for table in HISTORY_TABLES)]


def test_the_plan_page_with_the_progress_chart_costs_the_same_for_5_and_200_actions(client, home):
    programme = make_programme(home)
    counts = []
    for n_items in (5, 200):
        plan = _plan(programme, n_items)
        client.get(plan.url)  # warm per-process caches (content types)
        cache.clear()
        sqls, html = _queries(client, plan.url)
        assert 'class="avp-progress-chart__svg"' in html
        assert html.count('class="avp-progress-chart__marker"') > 2  # points and legend
        counts.append(len(sqls))
        # The page's own latest updates, then the chart's two.
        history = _history_queries(sqls)
        assert len(history) == 3
        # Cached: the overview comes from the cache, no history is read.
        sqls, html = _queries(client, plan.url)
        assert 'class="avp-progress-chart__svg"' in html
        assert _history_queries(sqls) == []
    assert counts[0] == counts[1]


def test_the_item_page_reads_its_history_with_its_own_sections_and_not_when_cached(client, home):
    plan = _plan(make_programme(home), 1)
    item = ActionItemPage.objects.child_of(plan).get()
    client.get(item.url)
    cache.clear()
    sqls, html = _queries(client, item.url)
    assert 'class="avp-progress-chart__svg"' in html
    # The progress updates section and the change history read them; the chart adds none.
    history = _history_queries(sqls)
    assert len(history) == 2
    sqls, html = _queries(client, item.url)
    assert 'class="avp-progress-chart__svg"' in html
    assert _history_queries(sqls) == []
