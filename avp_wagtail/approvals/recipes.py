"""The programme checklist's answer for D3 (``avp_recipe_status``): was the latest meeting
protocol approved by those who were there?"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from avp_wagtail.approvals.public import approval_note
from avp_wagtail.models import MeetingProtocolPage


def d3_status(programme: Any, recommendation_id: str, request: Any) -> tuple[bool, str, str] | None:
    if recommendation_id != "D3":
        return None
    meeting = (
        MeetingProtocolPage.objects.child_of(programme)
        .live()
        .filter(start__lt=timezone.now())
        .order_by("-start")
        .first()
    )
    if meeting is None:
        return (
            False,
            _("No meeting has been held yet, so no protocol has been approved."),
            "",
        )
    note = approval_note(meeting)
    if note is None:
        return (
            False,
            _(
                "The latest meeting protocol, “%(title)s”, was not approved by its "
                "participants: submit it to a workflow with the step “approval by "
                "participants”."
            )
            % {"title": meeting.title},
            reverse("wagtailadmin_pages:edit", args=[meeting.pk]),
        )
    return (
        True,
        ngettext(
            "The latest meeting protocol, “%(title)s”, was approved by %(approved)d of "
            "%(total)d participant.",
            "The latest meeting protocol, “%(title)s”, was approved by %(approved)d of "
            "%(total)d participants.",
            note.total,
        )
        % {"title": meeting.title, "approved": note.approved, "total": note.total},
        "",
    )
