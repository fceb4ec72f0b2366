"""Carrying out the plan (I1): progress updates, milestones planned vs actual, change history."""

import datetime
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from avp_wagtail.core.choices import ItemStatus, UpdateKind
from avp_wagtail.models import ActionItemPage, ItemChange, Milestone, ProgressUpdate
from tests.admin import forms_data
from tests.admin.helpers import publish as publish_in_admin
from tests.builders import make_item, make_plan, make_programme, publish
from tests.helpers import et

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def plan(home):
    return make_plan(make_programme(home))


def test_update_cannot_be_dated_in_the_future(plan):
    item = make_item(plan, 1)
    update = ProgressUpdate(page=item, title="Ahead", date=TODAY + datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        update.full_clean()
    assert "date" in error.value.message_dict


def test_editor_gets_field_errors_for_future_update_and_early_completion(admin_client, plan):
    data = forms_data.item_data(
        planned_start="2026-02-01",
        progress_updates=forms_data.inline_formset(
            [
                {
                    "date": (TODAY + datetime.timedelta(days=3)).isoformat(),
                    "kind": "progress",
                    "title": "Tulevikust",
                    "text": "",
                    "status": "",
                    "progress": "",
                    "reported_by": "",
                }
            ]
        ),
        milestones=forms_data.inline_formset(
            [{"title": "Vara", "due_date": "2026-03-01", "completed_date": "2026-01-15"}]
        ),
    )
    response = publish_in_admin(admin_client, "actionitempage", plan, data)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert et("A progress update cannot be dated in the future.") in html
    assert et("A milestone cannot be completed before the action's planned start.") in html
    assert "Tulevikust" in html  # nothing typed is lost
    assert not ActionItemPage.objects.exists()


def test_item_page_shows_updates_newest_first_with_setbacks_marked(client, plan):
    item = make_item(plan, 1)
    item.progress_updates = [
        ProgressUpdate(date=TODAY - datetime.timedelta(days=20), title="Algus", kind="progress"),
        ProgressUpdate(
            date=TODAY - datetime.timedelta(days=5),
            title="Ruum puudus",
            kind=UpdateKind.OBSTACLE,
            status=ItemStatus.DELAYED,
            progress=30,
        ),
        ProgressUpdate(date=TODAY - datetime.timedelta(days=1), title="Õppisime", kind="lesson"),
    ]
    publish(item)
    html = client.get(item.url).content.decode()
    assert html.index("Õppisime") < html.index("Ruum puudus") < html.index("Algus")
    assert html.count("avp-update--setback") == 2
    assert et("Lesson learned") in html
    assert et("Obstacle") in html
    assert "30%" in html


def test_late_milestones_show_planned_versus_actual(client, plan):
    item = make_item(plan, 1)
    item.milestones = [
        Milestone(
            title="Hilinenud",
            due_date=TODAY - datetime.timedelta(days=10),
            delay_reason="Hange venis.",
        ),
        Milestone(
            title="Tehtud", due_date=TODAY - datetime.timedelta(days=30), completed_date=TODAY
        ),
        Milestone(title="Tulemas", due_date=TODAY + datetime.timedelta(days=30)),
    ]
    publish(item)
    overdue, done_late, upcoming = item.milestones.order_by("sort_order")
    assert (overdue.is_overdue, done_late.is_overdue, upcoming.is_overdue) == (True, False, False)
    assert done_late.is_late
    html = client.get(item.url).content.decode()
    milestones = html[html.index('id="avp-milestones-heading"') :]
    assert milestones.count("avp-badge--overdue") == 1
    # The overdue milestone makes the action overdue: said beside its status too.
    facts = html[: html.index('id="avp-milestones-heading"')]
    assert facts.count("avp-badge--overdue") == 1
    assert "Hange venis." in html


def test_change_history_is_recorded_on_publish_and_shown(client, plan):
    item = make_item(plan, 1, status=ItemStatus.PLANNED, progress=0)
    assert not ItemChange.objects.exists()  # the first publication is not a change
    item.status = ItemStatus.IN_PROGRESS
    item.progress = 40
    item.title = "Uus pealkiri"  # not tracked
    publish(item)
    changes = {c.field: (c.old_value, c.new_value) for c in ItemChange.objects.all()}
    assert changes == {"status": ("planned", "in_progress"), "progress": ("0", "40")}
    html = client.get(item.url).content.decode()
    with translation.override("et"):
        assert str(ItemStatus.PLANNED.label) in html
        assert str(ItemStatus.IN_PROGRESS.label) in html
    assert "0%" in html
    assert "40%" in html
    # A draft does not count; only what is published.
    item.progress = 90
    item.save_revision()
    assert ItemChange.objects.count() == 2


def test_editor_cannot_edit_the_change_history(admin_client, plan):
    item = make_item(plan, 1)
    item.status = ItemStatus.COMPLETED
    publish(item)
    response = admin_client.get(f"/admin/pages/{item.pk}/edit/")
    assert response.status_code == 200
    assert "changes" not in response.context["form"].formsets


def test_update_progress_outside_0_100_is_a_field_error(plan):
    item = make_item(plan, 1)
    update = ProgressUpdate(page=item, title="Liiga palju", date=TODAY, progress=120)
    with pytest.raises(ValidationError) as error:
        update.full_clean()
    assert "progress" in error.value.message_dict
