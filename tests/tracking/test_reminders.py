"""manage.py avp_send_reminders: e-mails contact people, never twice in one period."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from avp_wagtail.models import ContactPerson, Milestone, ProgressUpdate, ReminderLog
from tests.builders import make_item, make_plan, make_programme, publish

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def late_item(home):
    person = ContactPerson.objects.create(name="Kaja Kask", email="kaja@vald.example")
    item = make_item(make_plan(make_programme(home)), 1, title="Paviljonid", contact_person=person)
    item.milestones = [Milestone(title="Hange", due_date=TODAY - datetime.timedelta(days=5))]
    item.progress_updates = [ProgressUpdate(title="Hiljutine", date=TODAY)]
    return publish(item)


def run(*args):
    out = StringIO()
    call_command("avp_send_reminders", *args, stdout=out)
    return out.getvalue()


def test_dry_run_sends_nothing(late_item, mailoutbox):
    output = run("--dry-run")
    assert "would send: Paviljonid -> kaja@vald.example (overdue)" in output
    assert mailoutbox == []
    assert not ReminderLog.objects.exists()


def test_reminder_is_sent_once_per_period(late_item, mailoutbox):
    assert "1 reminder(s) sent." in run()
    assert [m.to for m in mailoutbox] == [["kaja@vald.example"]]
    assert "Hange" in mailoutbox[0].body
    assert f"/admin/pages/{late_item.pk}/edit/" in mailoutbox[0].body
    assert "0 reminder(s) sent." in run()  # cron runs again the same day
    assert len(mailoutbox) == 1


def test_next_period_reminds_again(late_item, mailoutbox):
    run()
    with override_settings(AVP_WAGTAIL={"REMINDER_PERIOD_DAYS": 1}):
        ReminderLog.objects.update(period=0)  # as if the earlier one was long ago
        run()
    assert len(mailoutbox) == 2


def test_stale_item_is_reminded_and_fresh_complete_items_are_not(home, mailoutbox):
    person = ContactPerson.objects.create(name="Mart", email="mart@vald.example")
    plan = make_plan(make_programme(home))
    stale = make_item(plan, 1, title="Vana", contact_person=person)
    type(stale).objects.filter(pk=stale.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=120)
    )
    make_item(plan, 2, title="Värske", contact_person=person)
    make_item(plan, 3, title="Ilma kontaktita")
    run()
    assert len(mailoutbox) == 1
    assert "Vana" in mailoutbox[0].subject


def _late_items(plan, n, start):
    person = ContactPerson.objects.create(name=f"Isik {start}", email=f"isik{start}@vald.example")
    for k in range(start, start + n):
        item = make_item(plan, k, contact_person=person)
        item.milestones = [Milestone(title="Hange", due_date=TODAY - datetime.timedelta(days=5))]
        publish(item)


def _reads_while_sending():
    """The queries of one run of the command other than the writes recording what was sent
    (one insert per reminder and kind, each in its own savepoint)."""
    with CaptureQueriesContext(connection) as ctx:
        run()
    writes = ("INSERT", "SAVEPOINT", "RELEASE SAVEPOINT")
    return [q["sql"] for q in ctx.captured_queries if not q["sql"].startswith(writes)]


def test_reminders_cost_the_same_reads_for_two_items_as_for_twelve(home, mailoutbox):
    """Issue 15: no query per reminder (the item's language, its site, its URL)."""
    plan = make_plan(make_programme(home))
    _late_items(plan, 2, start=1)
    run("--dry-run")  # warms the per-process caches (site root paths)
    few = _reads_while_sending()
    assert len(mailoutbox) == 2
    ReminderLog.objects.all().delete()
    _late_items(plan, 10, start=3)
    many = _reads_while_sending()
    assert len(mailoutbox) == 2 + 12
    assert len(many) <= len(few), "\n".join(many)
