"""Signed tokens of the ideas' e-mailed links (``avp_wagtail.core.signing``, feature
"ideas"): confirming an idea, confirming a support, withdrawing a support, confirming a
follow and stopping it."""

from __future__ import annotations

from typing import Any

from avp_wagtail.core.signing import BadToken, make_token, read_token
from avp_wagtail.ideas.conf import idea_setting

FEATURE = "ideas"
CONFIRM_IDEA = "confirm-idea"
CONFIRM_SUPPORT = "confirm-support"
WITHDRAW = "withdraw-support"
CONFIRM_FOLLOW = "confirm-follow"
UNFOLLOW = "unfollow"

_MAX_AGE = {
    CONFIRM_IDEA: "IDEA_CONFIRMATION_MAX_AGE",
    CONFIRM_SUPPORT: "IDEA_CONFIRMATION_MAX_AGE",
    WITHDRAW: "IDEA_WITHDRAW_MAX_AGE",
    CONFIRM_FOLLOW: "IDEA_CONFIRMATION_MAX_AGE",
    UNFOLLOW: "IDEA_WITHDRAW_MAX_AGE",
}


def idea_token(idea: Any) -> str:
    return make_token(FEATURE, CONFIRM_IDEA, {"id": idea.pk, "email": idea.email})


def support_token(idea_id: int, email: str, language: str, purpose: str) -> str:
    return make_token(FEATURE, purpose, {"idea": idea_id, "email": email, "lang": language})


def follow_token(idea_id: int, email: str, language: str, purpose: str) -> str:
    """The link that confirms following an idea (``CONFIRM_FOLLOW``) or stops it
    (``UNFOLLOW``): nothing is stored before the follow is confirmed."""
    return make_token(FEATURE, purpose, {"idea": idea_id, "email": email, "lang": language})


def read(purpose: str, token: str) -> dict[str, Any] | None:
    """The token's data, or None for a forged, malformed or expired token."""
    try:
        data = read_token(FEATURE, purpose, token, max_age=idea_setting(_MAX_AGE[purpose]))
    except BadToken:
        return None
    return data if isinstance(data, dict) else None
