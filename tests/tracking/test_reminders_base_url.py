"""The edit link of a reminder when WAGTAILADMIN_BASE_URL is None or unset (Wagtail allows
both): the item's own Site gives the host, never "None" and never a crash of the cron job."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from avp_wagtail.models import ContactPerson, Milestone, ReminderLog
from tests.builders import make_item, make_plan, make_programme, make_site, publish

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _late_item(root, title):
    person = ContactPerson.objects.create(name=f"{title} kontakt", email=f"{title}@vald.example")
    item = make_item(make_plan(make_programme(root)), 1, title=title, contact_person=person)
    item.milestones = [Milestone(title="Hange", due_date=TODAY - datetime.timedelta(days=5))]
    return publish(item)


def _links(message):
    return re.findall(r"\S+/admin/pages/\d+/edit/", message.body)


@pytest.mark.parametrize("unset", [True, False], ids=["unset", "none"])
def test_edit_link_uses_the_items_own_site_without_the_setting(home, settings, mailoutbox, unset):
    if unset:
        del settings.WAGTAILADMIN_BASE_URL
    else:
        settings.WAGTAILADMIN_BASE_URL = None
    ours = _late_item(home, "meie")
    neighbour = make_site("naaber.example", slug="naaber")
    theirs = _late_item(neighbour.root_page, "nende")

    call_command("avp_send_reminders", stdout=None)

    assert ReminderLog.objects.count() == 2
    sent = {message.to[0]: message for message in mailoutbox}
    assert _links(sent["meie@vald.example"]) == [f"http://localhost/admin/pages/{ours.pk}/edit/"]
    assert _links(sent["nende@vald.example"]) == [
        f"http://naaber.example/admin/pages/{theirs.pk}/edit/"
    ]
    assert all("None" not in message.body for message in mailoutbox)


def test_the_setting_still_wins_when_set(home, settings, mailoutbox):
    settings.WAGTAILADMIN_BASE_URL = "https://admin.vald.example/"
    item = _late_item(home, "meie")
    call_command("avp_send_reminders", stdout=None)
    assert _links(mailoutbox[0]) == [f"https://admin.vald.example/admin/pages/{item.pk}/edit/"]
