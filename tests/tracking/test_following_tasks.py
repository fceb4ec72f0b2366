"""Follow-update e-mails are a background task: publishing costs the same with 200 followers
as with none, and the task (run later by a worker) sends each follower the new update."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks import default_task_backend

from avp_wagtail.models import ActionItemPage, ItemFollower, ProgressUpdate
from avp_wagtail.tracking.following.tasks import send_follower_updates
from tests.admin import forms_data
from tests.builders import make_item, make_plan, make_programme, publish

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
HELD = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _item(plan, n, followers):
    item = make_item(plan, n, title=f"Paviljonid {n}")
    item.progress_updates = [ProgressUpdate(title="Algus", date=TODAY, kind="progress")]
    publish(item)
    ItemFollower.objects.bulk_create(
        ItemFollower(page=item, email=f"elanik{n}-{i}@example.ee") for i in range(followers)
    )
    return ActionItemPage.objects.get(pk=item.pk)


def _publish_with_a_new_update(admin_client, item, title):
    """The editor's "Publish" in the admin, adding one progress update."""
    rows = [
        {
            "id": update.pk,
            "date": update.date.isoformat(),
            "kind": update.kind,
            "title": update.title,
            "text": "",
            "status": update.status,
            "progress": "" if update.progress is None else update.progress,
            "reported_by": "",
        }
        for update in item.progress_updates.order_by("sort_order")
    ]
    rows.append({**rows[0], "id": "", "title": title})
    data = forms_data.item_data(
        title=item.title,
        slug=item.slug,
        status=item.status,
        progress="" if item.progress is None else item.progress,
        planned_start="",
        planned_end="",
        progress_updates=forms_data.inline_formset(rows, initial=len(rows) - 1),
    )
    response = admin_client.post(
        f"/admin/pages/{item.pk}/edit/", {**data, "action-publish": "action-publish"}
    )
    assert response.status_code == 302, response.context["form"].errors


@override_settings(TASKS=HELD)
def test_publishing_costs_the_same_with_200_followers_as_with_none(
    admin_client, home, mailoutbox, django_capture_on_commit_callbacks
):
    plan = make_plan(make_programme(home))
    warm_up, none, one, many = (
        _item(plan, 1, 0),
        _item(plan, 2, 0),
        _item(plan, 3, 1),
        _item(plan, 4, 200),
    )
    _publish_with_a_new_update(admin_client, warm_up, "Soojendus")  # caches filled
    queries = {}
    for name, item in {"none": none, "one": one, "many": many}.items():
        with (
            django_capture_on_commit_callbacks(execute=True),
            CaptureQueriesContext(connection) as captured,
        ):
            _publish_with_a_new_update(admin_client, item, f"Hange tehtud {item.pk}")
        queries[name] = len(captured)
    assert queries["none"] == queries["one"] == queries["many"], queries
    assert mailoutbox == []  # nothing sent in the request

    # Each publication queued one task with ids only (nothing to pickle, nothing personal).
    held = [r for r in default_task_backend.results if r.task.name == "send_follower_updates"]
    assert [list(result.args) for result in held] == [
        [page.pk, page.live_revision_id]
        for page in ActionItemPage.objects.filter(pk__in=[none.pk, one.pk, many.pk])
        .order_by("pk")
        .only("pk", "live_revision_id")
    ]
    assert all(isinstance(arg, int) for result in held for arg in result.args)

    # The worker runs them: each follower gets the item's new update, nobody else.
    for result in held:
        result.task.call(*result.args, **result.kwargs)
    assert len(mailoutbox) == 201
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        ItemFollower.objects.values_list("email", flat=True)
    )
    for message in mailoutbox:
        assert len(message.to) == 1
        assert "Algus" not in message.body  # published before: not new
    (to_one,) = [m for m in mailoutbox if f"Hange tehtud {one.pk}" in m.body]
    assert to_one.to == ["elanik3-0@example.ee"]
    to_many = [m for m in mailoutbox if f"Hange tehtud {many.pk}" in m.body]
    assert sorted(m.to[0] for m in to_many) == sorted(f"elanik4-{i}@example.ee" for i in range(200))


def test_the_task_sends_the_updates_of_its_own_revision(
    home, mailoutbox, django_capture_on_commit_callbacks
):
    """Published twice before the worker got to the first task: each task e-mails the
    updates its own publication added, not those of the later one."""
    item = _item(make_plan(make_programme(home)), 1, 1)
    with override_settings(TASKS=HELD):
        item.progress_updates.add(ProgressUpdate(title="Esimene", date=TODAY, kind="progress"))
        with django_capture_on_commit_callbacks(execute=True):
            publish(item)
        item = ActionItemPage.objects.get(pk=item.pk)
        item.progress_updates.add(ProgressUpdate(title="Teine", date=TODAY, kind="progress"))
        with django_capture_on_commit_callbacks(execute=True):
            publish(item)
        held = [r for r in default_task_backend.results if r.task.name == "send_follower_updates"]
        assert len(held) == 2
        for result in held:
            result.task.call(*result.args, **result.kwargs)
    first, second = mailoutbox
    assert "Esimene" in first.body
    assert "Teine" not in first.body
    assert "Teine" in second.body
    assert "Esimene" not in second.body


def test_nothing_is_sent_about_an_item_unpublished_before_the_task_ran(
    home, mailoutbox, django_capture_on_commit_callbacks
):
    item = _item(make_plan(make_programme(home)), 1, 1)
    with override_settings(TASKS=HELD):
        item.progress_updates.add(ProgressUpdate(title="Uus", date=TODAY, kind="progress"))
        with django_capture_on_commit_callbacks(execute=True):
            publish(item)
        (result,) = [
            r for r in default_task_backend.results if r.task.name == "send_follower_updates"
        ]
    ActionItemPage.objects.get(pk=item.pk).unpublish()
    assert send_follower_updates.call(*result.args) == 0
    assert mailoutbox == []


def test_who_followed_after_the_publication_does_not_get_its_updates(
    home, mailoutbox, django_capture_on_commit_callbacks
):
    item = _item(make_plan(make_programme(home)), 1, 1)
    with override_settings(TASKS=HELD):
        item.progress_updates.add(ProgressUpdate(title="Uus", date=TODAY, kind="progress"))
        with django_capture_on_commit_callbacks(execute=True):
            publish(item)
        (result,) = [
            r for r in default_task_backend.results if r.task.name == "send_follower_updates"
        ]
    ItemFollower.objects.create(page=item, email="hiline@example.ee")  # before the worker ran
    assert send_follower_updates.call(*result.args) == 1
    assert [message.to for message in mailoutbox] == [["elanik1-0@example.ee"]]
