"""The demo's approved protocol: the past meeting says who approved it and shows the
declined amendment with the reason."""

import pytest
from django.utils import timezone, translation
from django.utils.translation import ngettext

from avp_wagtail.approvals.models import Amendment, Participant
from avp_wagtail.models import MeetingProtocolPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]


def test_the_demo_protocol_was_approved_with_one_declined_amendment(client, demo):
    meeting = MeetingProtocolPage.objects.child_of(demo).filter(start__lt=timezone.now()).get()
    total = Participant.objects.filter(task_state__page=meeting).count()
    approved = Participant.objects.filter(task_state__page=meeting, approved_at__isnull=False)
    assert total >= 2
    assert approved.count() == total - 1
    declined = Amendment.objects.get(state="declined")
    html = client.get(meeting.get_url()).content.decode()
    with translation.override("et"):  # the demo's protocol is Estonian
        note = ngettext(
            "Approved by %(approved)s of %(total)s participant on %(date)s.",
            "Approved by %(approved)s of %(total)s participants on %(date)s.",
            total,
        ) % {"approved": total - 1, "total": total, "date": "DATE"}
    assert note.split("DATE")[0] in html
    assert declined.decision_reason in html
    assert declined.text in html
    upcoming = MeetingProtocolPage.objects.child_of(demo).filter(start__gt=timezone.now()).get()
    assert note.split("DATE")[0] not in client.get(upcoming.get_url()).content.decode()
    assert "avp-approval-note" not in client.get(upcoming.get_url()).content.decode()
