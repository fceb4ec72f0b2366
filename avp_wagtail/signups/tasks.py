"""E-mails of meeting sign-ups, sent as background tasks (``avp_wagtail.core.tasks``): the
confirmation (a place or the waiting list) with the meeting as a calendar entry and the
cancel link, and the message to whoever moves up from the waiting list."""

from __future__ import annotations

import logging

from django.utils import translation
from django_tasks import task

from avp_wagtail.core.emails import TASK_ATTEMPTS, send_templated
from avp_wagtail.core.sites import full_url
from avp_wagtail.models import MeetingSignup
from avp_wagtail.signups.ical import meeting_calendar
from avp_wagtail.signups.tokens import cancel_token

logger = logging.getLogger(__name__)


def _send(signup_id: int, kind: str) -> int:
    signup = MeetingSignup.objects.select_related("meeting").filter(pk=signup_id).first()
    if signup is None or signup.state == MeetingSignup.State.CANCELLED:
        logger.info("Sign-up %s is gone or cancelled; nothing e-mailed.", signup_id)
        return 0
    meeting = signup.meeting
    meeting_url = full_url(meeting)
    context = {
        "signup": signup,
        "meeting": meeting,
        "meeting_url": meeting_url,
        "cancel_url": f"{meeting_url}signup/cancel/?t={cancel_token(signup)}",
        "has_place": signup.state == MeetingSignup.State.CONFIRMED,
    }
    with translation.override(signup.language or meeting.locale.language_code):
        return send_templated(
            f"avp_wagtail/emails/signup_{kind}_subject.txt",
            f"avp_wagtail/emails/signup_{kind}_body.txt",
            context,
            [signup.email],
            attempts=TASK_ATTEMPTS,
            what=f"sign-up {kind} (sign-up {signup.pk})",
            attachments=[(f"{meeting.slug}.ics", meeting_calendar(meeting), "text/calendar")],
        )


@task()
def send_signup_confirmation(signup_id: int) -> int:
    """E-mail a new sign-up: a place or the waiting list, the meeting, the cancel link."""
    return _send(signup_id, "confirmation")


@task()
def send_signup_moved_up(signup_id: int) -> int:
    """E-mail a sign-up that moved up from the waiting list to a place."""
    return _send(signup_id, "moved_up")
