"""The waiting list moves up when places free up other than by a resident's cancel link:
an editor publishes the meeting with more places (or no limit), or deletes a sign-up that
had a place. Connected in ``avp_wagtail.apps``."""

from __future__ import annotations

from typing import Any

from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.models import MeetingProtocolPage, MeetingSignup
from avp_wagtail.signups.places import fill_free_places
from avp_wagtail.signups.tasks import send_signup_moved_up


def _moved_up(meeting: Any) -> None:
    for signup in fill_free_places(meeting):
        enqueue_after_commit(send_signup_moved_up, signup.pk)


def meeting_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    if instance.signup_open:
        _moved_up(instance)


def signup_deleted(sender: Any, instance: MeetingSignup, **kwargs: Any) -> None:
    if instance.state != MeetingSignup.State.CONFIRMED:
        return
    # The meeting itself may be going (its deletion deletes its sign-ups first).
    meeting = MeetingProtocolPage.objects.filter(pk=instance.meeting_id).first()
    if meeting is not None and meeting.signup_open:
        _moved_up(meeting)
