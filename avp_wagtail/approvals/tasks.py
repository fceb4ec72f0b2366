"""The participants' e-mails, sent as a background task (``avp_wagtail.core.tasks``): one
e-mail each, in the participant's language when known (else the page's), with their own
signed link to the draft."""

from __future__ import annotations

import logging
from typing import Any

from django.utils import timezone, translation
from django_tasks import task

from avp_wagtail.approvals.models import Participant, ParticipantApprovalTaskState
from avp_wagtail.approvals.tokens import participant_token
from avp_wagtail.core.emails import TASK_ATTEMPTS, EmailNotSent, send_templated
from avp_wagtail.core.sites import full_url
from avp_wagtail.models import OpenGovernmentPage

logger = logging.getLogger(__name__)
TEMPLATES = "avp_wagtail/approvals/emails/"
ROUTE = "approval/"


def programme_for(page: Any, language: str) -> Any:
    """The programme page whose sub-URL shows the draft: in ``language`` when the
    programme is translated into it, else the page's own programme."""
    programme = OpenGovernmentPage.objects.ancestor_of(page).order_by("-depth").first()
    if programme is None:
        return None
    if language and programme.locale.language_code != language:
        other = (
            OpenGovernmentPage.objects.live()
            .filter(translation_key=programme.translation_key, locale__language_code=language)
            .first()
        )
        if other is not None:
            return other
    return programme


def participant_url(participant: Participant, page: Any) -> str:
    programme = programme_for(page, participant.language)
    if programme is None:
        return ""
    return f"{full_url(programme)}{ROUTE}?t={participant_token(participant)}"


@task()
def send_invitations(task_state_id: int) -> int:
    """E-mail every participant of approval ``task_state_id`` not yet e-mailed."""
    state = (
        ParticipantApprovalTaskState.objects.select_related("page").filter(pk=task_state_id).first()
    )
    if state is None or state.page is None:
        logger.info("Approval %s is gone; nothing e-mailed.", task_state_id)
        return 0
    page = state.page.specific
    sent = 0
    failed = []
    for participant in state.participants.filter(sent_at__isnull=True).exclude(email=""):
        language = participant.language or page.locale.language_code
        context = {
            "participant": participant,
            "page": page,
            "deadline": state.deadline,
            "message": state.message,
            "url": participant_url(participant, page),
        }
        try:
            with translation.override(language):
                sent += send_templated(
                    f"{TEMPLATES}invitation_subject.txt",
                    f"{TEMPLATES}invitation_body.txt",
                    context,
                    [participant.email],
                    attempts=TASK_ATTEMPTS,
                    what=f"approval invitation (participant {participant.pk})",
                )
        except EmailNotSent:
            failed.append(participant.pk)
            continue
        Participant.objects.filter(pk=participant.pk).update(sent_at=timezone.now())
    if failed:
        raise EmailNotSent(f"Approval invitations not sent to participants {failed}.")
    return sent
