"""The CSV import runs as a background task (issue 15): the editor's request only checks the
file's header and queues it; the admin shows the import's state and progress; the outcome
(created, rejected with its errors, failed) is recorded on it and the file's text is not kept."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django_tasks import default_task_backend

from avp_wagtail.models import ActionItemPage, ItemImport
from avp_wagtail.open_data import csv_import
from tests.builders import make_plan, make_programme
from tests.open_data.test_admin_views import HEADER

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

HELD = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _csv(rows):
    return HEADER + "".join(f"Tegevus {n},Kirjeldus,2026-01-01,Kaasamine\n" for n in range(rows))


@pytest.fixture(autouse=True)
def _committed(django_capture_on_commit_callbacks):
    """The import is queued once the request's transaction commits (never, in a test's
    transaction): ``_post`` runs those callbacks as a commit would."""
    global _on_commit
    _on_commit = django_capture_on_commit_callbacks
    yield
    _on_commit = None


_on_commit = None


def _post(admin_client, plan, text, **data):
    with _on_commit(execute=True):
        return admin_client.post(
            reverse("avp_import_items", args=[plan.pk]),
            {"file": SimpleUploadedFile("kava.csv", text.encode()), **data},
        )


def _run_held_imports():
    for result in default_task_backend.results:
        if result.task.name == "run_item_import":
            result.task.call(*result.args, **result.kwargs)


@override_settings(TASKS=HELD)
def test_a_queued_import_returns_at_once_and_shows_its_state(admin_client, plan):
    default_task_backend.clear()
    response = _post(admin_client, plan, _csv(3))
    job = ItemImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("avp_item_import", args=[plan.pk, job.pk])
    assert not ActionItemPage.objects.child_of(plan).exists()  # nothing yet
    html = admin_client.get(response["Location"]).content.decode()
    assert "Waiting to start" in html
    assert "0 of 3 rows done." in html
    assert "Check again" in html
    # The import form lists it, so the editor finds it again.
    form_html = admin_client.get(reverse("avp_import_items", args=[plan.pk])).content.decode()
    assert reverse("avp_item_import", args=[plan.pk, job.pk]) in form_html

    _run_held_imports()  # the worker
    job.refresh_from_db()
    assert job.state == ItemImport.State.DONE
    assert job.text == ""  # the file is not kept once imported
    assert ActionItemPage.objects.child_of(plan).count() == 3
    html = admin_client.get(response["Location"]).content.decode()
    assert "3 actions created and 0 actions updated, as drafts" in html
    assert "Check again" not in html


@override_settings(TASKS=HELD)
def test_queuing_an_import_costs_the_same_for_5_and_200_rows(admin_client, plan):
    counts = {}
    for rows in (5, 5, 200):
        with CaptureQueriesContext(connection) as captured:
            assert _post(admin_client, plan, _csv(rows)).status_code == 302
        counts[rows] = len(captured.captured_queries)
    assert counts[200] == counts[5]


@override_settings(TASKS=HELD)
def test_the_admin_shows_the_progress_of_a_running_import(admin_client, plan, monkeypatch):
    default_task_backend.clear()
    _post(admin_client, plan, _csv(30))
    job = ItemImport.objects.get()
    url = reverse("avp_item_import", args=[plan.pk, job.pk])
    seen = []
    apply_row = csv_import._apply_row

    def apply_row_and_look(plan, row, user, publish):
        if row.row == 2 + 20:  # the 21st row: 20 done
            # (the task's language stays active after the admin's request)
            with translation.override(translation.get_language()):
                seen.append(admin_client.get(url).content.decode())
        return apply_row(plan, row, user, publish)

    monkeypatch.setattr(csv_import, "_apply_row", apply_row_and_look)
    _run_held_imports()
    assert "Importing" in seen[0]
    assert "20 of 30 rows done." in seen[0]
    assert '<progress max="30" value="20"' in seen[0]
    job.refresh_from_db()
    assert job.state == ItemImport.State.DONE, job.messages
    assert "30 actions created" in admin_client.get(url).content.decode()


@override_settings(TASKS=HELD)
def test_a_file_with_row_errors_is_rejected_by_the_task_with_each_error(admin_client, plan):
    default_task_backend.clear()
    text = HEADER + "Üks,Kirjeldus,2026-01-01,Kaasamine\nKaks,Kirjeldus,homme,Kaasamine\n"
    _post(admin_client, plan, text)
    _run_held_imports()
    job = ItemImport.objects.get()
    html = admin_client.get(reverse("avp_item_import", args=[plan.pk, job.pk])).content.decode()
    assert "Nothing was imported: the file has errors" in html
    assert "Row 3, column Start Date: “homme” is not a date" in html
    assert not ActionItemPage.objects.child_of(plan).exists()
    assert job.text == ""


def test_a_header_error_is_shown_in_the_form_at_once(admin_client, plan):
    response = _post(admin_client, plan, "Title,Description\nÜks,Kirjeldus\n")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Column Commitment Title: the file has no such column" in html
    assert not ItemImport.objects.exists()


def test_a_failing_import_says_so_is_logged_and_changes_nothing(
    admin_client, plan, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(csv_import, "_apply_row", broken)
    response = _post(admin_client, plan, _csv(2))
    job = ItemImport.objects.get()
    assert job.state == ItemImport.State.FAILED
    assert response["Location"] == reverse("avp_item_import", args=[plan.pk, job.pk])
    html = admin_client.get(response["Location"]).content.decode()
    assert "The import failed on the server; nothing was imported." in html
    assert f"CSV import {job.pk} into plan {plan.pk} failed." in caplog.text
    assert "the database went away" in caplog.text  # with its traceback
    assert not ActionItemPage.objects.child_of(plan).exists()


@override_settings(TASKS=HELD)
def test_an_import_run_twice_imports_once(admin_client, plan):
    default_task_backend.clear()
    _post(admin_client, plan, _csv(2))
    _run_held_imports()
    _run_held_imports()
    assert ActionItemPage.objects.child_of(plan).count() == 2


def test_an_import_is_seen_only_through_its_own_plan(admin_client, plan, home):
    _post(admin_client, plan, _csv(1))
    job = ItemImport.objects.get()
    other = make_plan(make_programme(home, slug="teine"), slug="teine-kava")
    url = reverse("avp_item_import", args=[other.pk, job.pk])
    # A 404 (under the site's language prefix: the admin's 404 is redirected there first).
    assert admin_client.get(url, follow=True).status_code == 404
    cache.clear()


def test_a_row_updating_an_action_the_editor_may_not_edit_rejects_the_file(
    client, django_user_model, plan
):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission
    from wagtail.users.models import UserProfile

    from tests.builders import make_item

    item = make_item(plan, 1, title="Avatud eelarve")
    group = Group.objects.create(name="Lisajad")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(  # may add actions (and edit their own) only
        group=group,
        page=plan,
        permission=Permission.objects.get(
            codename="add_page", content_type__app_label="wagtailcore"
        ),
    )
    user = django_user_model.objects.create_user("lisaja", password="pw")
    user.groups.add(group)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    client.force_login(user)
    text = (
        "Commitment ID,Commitment Title,Commitment Description,Start Date,Policy Area\n"
        f"{item.translation_key},Avatud eelarve 2,Kirjeldus,2026-01-01,Kaasamine\n"
        ",Uus tegevus,Kirjeldus,2026-01-01,Kaasamine\n"
    )
    response = _post(client, plan, text)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Row 2, column Commitment ID: you may not edit the action “Avatud eelarve”." in html
    assert ActionItemPage.objects.child_of(plan).count() == 1
    assert ActionItemPage.objects.get(pk=item.pk).get_latest_revision_as_object().title == (
        "Avatud eelarve"
    )


@override_settings(TASKS=HELD)
def test_an_import_whose_worker_stopped_shows_as_failed_after_the_time_limit(
    admin_client, plan, settings
):
    """A worker that dies mid-import (a restart) left the import "Importing" for ever. Past
    IMPORT_STALLED_AFTER it shows as failed, nothing imported (one transaction)."""
    import datetime

    from django.utils import timezone

    default_task_backend.clear()
    _post(admin_client, plan, _csv(3))
    job = ItemImport.objects.get()
    url = reverse("avp_item_import", args=[plan.pk, job.pk])
    # A worker claimed it, then died (nothing written; the text kept).
    started = timezone.now() - datetime.timedelta(minutes=30)
    ItemImport.objects.filter(pk=job.pk).update(state=ItemImport.State.RUNNING, started_at=started)
    assert "Importing" in admin_client.get(url).content.decode()  # within the hour
    ItemImport.objects.filter(pk=job.pk).update(started_at=started - datetime.timedelta(hours=1))
    html = admin_client.get(url).content.decode()
    assert "Nothing was imported: the import failed" in html
    assert "its worker was interrupted" in html
    job.refresh_from_db()
    assert (job.state, job.text) == (ItemImport.State.FAILED, "")
    # A queued import (no worker yet) is never given up on.
    _post(admin_client, plan, _csv(2))
    waiting = ItemImport.objects.filter(state=ItemImport.State.QUEUED).get()
    ItemImport.objects.filter(pk=waiting.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )
    form_html = admin_client.get(reverse("avp_import_items", args=[plan.pk])).content.decode()
    assert "Waiting to start" in form_html
