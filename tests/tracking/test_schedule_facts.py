"""One definition each of delayed, overdue, behind schedule and of what a cancelled action
contributes (issue 12, point 3), and no page contradicting another about them."""

import csv
import datetime
import io
import json
from types import SimpleNamespace

import pytest
from django.utils import timezone

from avp_wagtail.blocks import PlanAtAGlanceBlock
from avp_wagtail.core import progress
from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.models import Milestone, NetworkPage
from tests.builders import make_item, make_plan, make_programme, publish
from tests.helpers import et

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def fake(status, planned_end=None, milestones=()):
    return SimpleNamespace(
        status=status,
        planned_end=planned_end,
        progress=30,
        weight=1,
        milestones=SimpleNamespace(all=lambda: list(milestones)),
    )


def test_the_definitions():
    late = SimpleNamespace(due_date=TODAY - DAY, completed_date=None)
    for status in ItemStatus.values:
        past_end = fake(status, planned_end=TODAY - DAY)
        late_milestone = fake(status, milestones=[late])
        on_time = fake(status, planned_end=TODAY + DAY)
        finished = status in (ItemStatus.COMPLETED, ItemStatus.CANCELLED)
        assert progress.is_overdue(past_end) is not finished
        assert progress.is_overdue(late_milestone) is not finished
        assert progress.is_overdue(on_time) is False
        assert progress.is_delayed(on_time) is (status == ItemStatus.DELAYED)
        # Behind schedule: delayed or overdue, never completed or cancelled.
        assert progress.is_behind_schedule(past_end) is not finished
        assert progress.is_behind_schedule(on_time) is (status == ItemStatus.DELAYED)
        assert progress.counted_progress(on_time) == (
            None if status == ItemStatus.CANCELLED else 30
        )
    cancelled = fake(ItemStatus.CANCELLED)
    assert progress.mean_progress([cancelled]) is None
    summary = progress.PlanSummary([cancelled, fake(ItemStatus.DELAYED)])
    assert [value for value, _label, _count in summary.status_counts] == ["delayed"]
    assert summary.cancelled == [cancelled]


@pytest.fixture
def plan(home):
    plan = make_plan(make_programme(home, in_network=True))
    make_item(plan, 1, title="Hiline", status=ItemStatus.DELAYED, progress=20)
    make_item(plan, 2, title="Loobutud", status=ItemStatus.CANCELLED, progress=10)
    make_item(plan, 3, title="Käib", status=ItemStatus.IN_PROGRESS, progress=50)
    return plan


def test_plan_overview_lists_a_delayed_action_as_behind_schedule(client, plan):
    """Not "Delayed 1" and "No action is behind schedule" in one box."""
    html = client.get(plan.url).content.decode()
    glance = html[html.index('id="avp-glance-heading"') :]
    glance = glance[: glance.index("</section>")]
    assert et("No action is behind schedule.") not in glance
    behind = glance[glance.index(et("Behind schedule")) :]
    assert "Hiline" in behind
    assert "Käib" not in behind
    assert "Loobutud" not in behind


def test_cancelled_actions_are_named_apart_and_counted_nowhere(client, plan):
    response = client.get(plan.url)
    summary = response.context["summary"]
    assert [value for value, _label, _count in summary.status_counts] == [
        "in_progress",
        "delayed",
    ]
    assert [item.title for item in summary.cancelled] == ["Loobutud"]
    assert response.context["progress"] == 35  # (20 + 50) / 2
    html = response.content.decode()
    glance = html[html.index('id="avp-glance-heading"') :]
    glance = glance[: glance.index("</section>")]
    assert f"<dt>{et('Cancelled, not counted')}</dt><dd>1</dd>" in glance
    assert f"<dt>{et('Cancelled')}</dt>" not in glance
    row = html[html.index("Loobutud") :]
    assert "10%" not in row[: row.index("</tr>")]


def test_network_page_shows_no_progress_for_a_cancelled_action(client, plan):
    """Not "Cancelled 10 %" where the plan says cancelled actions are not counted."""
    network = NetworkPage(title="Võrgustik", slug="vorgustik")
    plan.get_parent().add_child(instance=network)
    publish(network)
    html = client.get(network.url).content.decode()
    row = html[html.index("Loobutud") :]
    row = row[: row.index("</tr>")]
    assert et("Cancelled") in row
    assert "10%" not in row
    row = html[html.index("Käib") :]
    assert "50%" in row[: row.index("</tr>")]


def test_report_says_a_delayed_action_is_behind_schedule(admin_client, plan):
    make_item(plan, 4, title="Tähtaeg möödas", planned_end=TODAY - DAY)
    response = admin_client.get("/admin/reports/avp-action-items/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    header, *rows = rows
    progress_column, behind = 5, 7
    assert header[behind] in ("Behind schedule", et("Behind schedule"))
    by_title = {row[0]: row for row in rows}
    assert by_title["Hiline"][behind] in ("Delayed", et("Delayed"))
    assert by_title["Tähtaeg möödas"][behind] in ("overdue", et("overdue"))
    assert by_title["Käib"][behind] == ""
    assert by_title["Loobutud"][behind] == ""
    assert by_title["Loobutud"][progress_column] in ("not counted", et("not counted"))


def test_overdue_is_said_beside_the_status_on_plan_item_and_network(client, plan):
    late = make_item(plan, 5, title="Verstapost hiljaks", status=ItemStatus.IN_PROGRESS)
    late.milestones = [Milestone(title="Hange", due_date=TODAY - 3 * DAY)]
    publish(late)
    make_item(plan, 6, title="Valmis", status=ItemStatus.COMPLETED, planned_end=TODAY - 9 * DAY)
    network = NetworkPage(title="Võrgustik", slug="vorgustik")
    plan.get_parent().add_child(instance=network)
    publish(network)
    for url in (plan.url, network.url):
        html = client.get(url).content.decode()
        table = html[html.rindex("Verstapost hiljaks") :]
        assert "avp-badge--overdue" in table[: table.index("</tr>")]
        table = html[html.rindex("Valmis") :]
        assert "avp-badge--overdue" not in table[: table.index("</tr>")]
    item_html = client.get(late.url).content.decode()
    facts = item_html[: item_html.index('id="avp-milestones-heading"')]
    assert "avp-badge--overdue" in facts


def test_block_counts_like_the_plan(rf, plan):
    block = PlanAtAGlanceBlock()
    value = block.to_python({"plan": plan.pk, "heading": ""})
    context = block.get_context(value, {"request": rf.get("/")})
    assert [value for value, _label, _count in context["summary"].status_counts] == [
        "in_progress",
        "delayed",
    ]
    html = block.render(value, {"request": rf.get("/")})
    assert et("Cancelled, not counted") in html


def test_open_data_export_withdraws_a_cancelled_action(client, plan):
    response = client.get(plan.url + "open-data/csv/")
    text = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8-sig")
    rows = {row["Commitment Title"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["Loobutud"]["Completion"] == "Withdrawn"
    export = json.loads(client.get(plan.url + "open-data/json/").content)
    statuses = {item["title"]: item["status"] for item in export["items"]}
    assert statuses["Loobutud"] == "cancelled"
