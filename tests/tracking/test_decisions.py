"""Overdue decisions of meetings in the reminders, and decisions done or changed in the
action's public change history (D3, I1)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from avp_wagtail.core.dates import format_date
from avp_wagtail.models import AgendaItem, ContactPerson, ItemChange, ProgressUpdate
from avp_wagtail.models.agenda_items import DecisionState
from avp_wagtail.models.decision_reminders import DecisionReminderLog
from tests.builders import make_item, make_meeting, make_plan, make_programme, publish
from tests.factories import translate

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def run():
    out = StringIO()
    call_command("avp_send_reminders", stdout=out)
    return out.getvalue()


@pytest.fixture
def programme(home):
    return make_programme(home)


@pytest.fixture
def item(programme):
    """An action on schedule, freshly updated: nothing to remind of but its decisions."""
    person = ContactPerson.objects.create(name="Kaja Kask", email="kaja@vald.example")
    item = make_item(make_plan(programme), 1, title="Paviljonid", contact_person=person)
    item.progress_updates = [ProgressUpdate(title="Hiljutine", date=TODAY)]
    return publish(item)


def meeting_with(programme, *points, n=1, days_from_now=-30, **kwargs):
    meeting = make_meeting(programme, n, days_from_now, **kwargs)
    meeting.agenda_items = [AgendaItem(**point) for point in points]
    publish(meeting)
    return type(meeting).objects.get(pk=meeting.pk)


# Reminders


def test_overdue_decision_is_reminded_once_per_period(programme, item, mailoutbox):
    meeting_with(
        programme,
        {"title": "Hange", "deadline": days(-3), "responsible": "Mart", "action_item": item},
        {"title": "Tähtaeg ees", "deadline": days(3), "action_item": item},
        {
            "title": "Tehtud",
            "deadline": days(-3),
            "decision_state": DecisionState.DONE,
            "action_item": item,
        },
        title="Volikogu istung",
    )
    assert "Paviljonid -> kaja@vald.example (decisions)" in run()
    [mail] = mailoutbox
    assert mail.to == ["kaja@vald.example"]
    assert "Volikogu istung: Hange" in mail.body
    assert "Mart" in mail.body
    assert "Tähtaeg ees" not in mail.body
    assert "Tehtud" not in mail.body
    assert DecisionReminderLog.objects.count() == 1
    assert "0 reminder(s) sent." in run()  # cron runs again the same day
    assert len(mailoutbox) == 1


def test_decisions_of_unpublished_meetings_are_not_reminded(programme, item, mailoutbox):
    meeting = meeting_with(programme, {"title": "Hange", "deadline": days(-3), "action_item": item})
    meeting.unpublish()
    assert "0 reminder(s) sent." in run()
    assert mailoutbox == []


# Change history


def test_decision_marked_done_shows_in_the_actions_change_history(client, programme, item):
    meeting = meeting_with(
        programme,
        {"title": "Hange", "deadline": days(-3), "action_item": item},
        title="Volikogu istung",
    )
    assert not ItemChange.objects.exists()  # published open: nothing happened yet
    point = meeting.agenda_items.get()
    point.decision_state = DecisionState.DONE
    point.done_on = days(-1)
    meeting.agenda_items = [point]
    publish(meeting)
    change = ItemChange.objects.get()
    assert (change.page_id, change.field) == (item.pk, ItemChange.DECISION_FIELD)
    assert change.decision.title == "Hange"
    html = client.get(item.url).content.decode()
    history = html[html.index(_("Change history")) :]
    assert capfirst(_("decision of {meeting}").format(meeting="Volikogu istung")) in history
    assert _("done on {date}").format(date=format_date(days(-1))) in history
    assert _("Open") in history
    publish(meeting)  # published again unchanged: no new entry
    assert ItemChange.objects.count() == 1


def test_decision_changed_by_a_later_one_shows_in_the_change_history(programme, item):
    later = meeting_with(programme, {"title": "Uus otsus"}, n=2, days_from_now=-2)
    meeting_with(
        programme,
        {
            "title": "Vana otsus",
            "decision_state": DecisionState.CHANGED,
            "changed_by": later.agenda_items.get(),
            "action_item": item,
        },
    )
    change = ItemChange.objects.get()
    assert change.new_display == _("Changed by a later decision")


def test_a_translated_meeting_records_on_the_translated_action(programme, item):
    item_en = translate(item, "en")
    meeting = meeting_with(
        programme,
        {"title": "Hange", "decision_state": DecisionState.DONE, "action_item": item},
    )
    translate(meeting, "en")
    assert set(ItemChange.objects.values_list("page_id", flat=True)) == {item.pk, item_en.pk}


def test_a_decision_of_a_restricted_meeting_is_not_in_the_public_change_history(
    client, programme, item
):
    from wagtail.models import PageViewRestriction

    meeting = meeting_with(
        programme,
        {"title": "Salajane hange", "deadline": days(-3), "action_item": item},
        title="Kinnine istung",
    )
    PageViewRestriction.objects.create(
        page=meeting, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    point = meeting.agenda_items.get()
    point.decision_state = DecisionState.DONE
    point.done_on = days(-1)
    meeting.agenda_items = [point]
    publish(meeting)
    assert ItemChange.objects.filter(page=item).exists()  # recorded, for when it is public
    assert "Kinnine istung" not in client.get(item.url).content.decode()
