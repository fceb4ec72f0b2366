"""The signed link of a participant (``avp_wagtail.core.signing``, feature "approvals").

The token carries the participant's and the approval's ids and a part of the
participant's own random key (so a link stops working if the participant row is made
again). It expires at the approval's deadline (the view checks the stored deadline,
which the editor may move) and in any case after ``AVP_APPROVAL_LINK_MAX_AGE`` seconds."""

from __future__ import annotations

import hmac
from typing import Any

from django.conf import settings

from avp_wagtail.core.signing import BadToken, make_token, read_token

FEATURE = "approvals"
PURPOSE = "participant"
#: The longest a link may live, whatever the deadline (days to answer are at most 90).
DEFAULT_MAX_AGE = 120 * 24 * 60 * 60


def max_age() -> int:
    return int(getattr(settings, "AVP_APPROVAL_LINK_MAX_AGE", DEFAULT_MAX_AGE))


def participant_token(participant: Any) -> str:
    return make_token(
        FEATURE,
        PURPOSE,
        {"p": participant.pk, "s": participant.task_state_id, "k": participant.key[:16]},
    )


def read_participant(token: str) -> Any:
    """The participant of a valid token, or None (forged, malformed, too old)."""
    from avp_wagtail.approvals.models import Participant

    try:
        data = read_token(FEATURE, PURPOSE, token, max_age=max_age())
    except BadToken:
        return None
    if not isinstance(data, dict):
        return None
    try:
        participant = (
            Participant.objects.select_related("task_state", "person")
            .filter(pk=int(data["p"]), task_state_id=int(data["s"]))
            .first()
        )
    except (KeyError, TypeError, ValueError):
        return None
    if participant is None or not hmac.compare_digest(str(data.get("k", "")), participant.key[:16]):
        return None
    return participant
