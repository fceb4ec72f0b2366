"""The signed, expiring tokens of follow links (``avp_wagtail.core.signing``, feature
"follow"): their salts, ``avp_wagtail.follow.confirm`` and ``avp_wagtail.follow.unsubscribe``,
are those of the tokens in links already e-mailed, which stay valid."""

from __future__ import annotations

import secrets
from typing import Any

from avp_wagtail.conf import get_setting
from avp_wagtail.core.signing import BadToken, ExpiredToken, make_token, read_token

__all__ = [
    "BadToken",
    "ExpiredToken",
    "confirm_token",
    "read_confirm_token",
    "read_unsubscribe_token",
    "unsubscribe_token",
]

FEATURE = "follow"


def confirm_token(page: Any, email: str) -> str:
    """The token of the link that confirms following ``page`` (nothing is stored before)."""
    return make_token(
        FEATURE, "confirm", {"page": page.pk, "email": email, "nonce": secrets.token_hex(8)}
    )


def read_confirm_token(token: str) -> Any:
    """The data of a confirm token; raises ``ExpiredToken`` or ``BadToken``."""
    return read_token(FEATURE, "confirm", token, max_age=get_setting("FOLLOW_CONFIRMATION_MAX_AGE"))


def unsubscribe_token(follower: Any) -> str:
    return make_token(
        FEATURE,
        "unsubscribe",
        {"id": follower.pk, "email": follower.email, "page": follower.page_id},
    )


def read_unsubscribe_token(token: str) -> Any:
    """The token's data (a dict), or None for a forged, malformed or expired token."""
    try:
        data = read_token(
            FEATURE, "unsubscribe", token, max_age=get_setting("FOLLOW_UNSUBSCRIBE_MAX_AGE")
        )
    except BadToken:  # includes ExpiredToken
        return None
    return data if isinstance(data, dict) else None
