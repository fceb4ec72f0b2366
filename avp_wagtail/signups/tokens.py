"""The signed token of a sign-up's cancel link (``avp_wagtail.core.signing``, feature
"signups")."""

from __future__ import annotations

from typing import Any

from avp_wagtail.conf import get_setting
from avp_wagtail.core.signing import BadToken, make_token, read_token

FEATURE = "signups"


def cancel_token(signup: Any) -> str:
    return make_token(FEATURE, "cancel", {"id": signup.pk, "email": signup.email})


def read_cancel_token(token: str) -> dict[str, Any] | None:
    """The token's data, or None for a forged, malformed or expired token."""
    try:
        data = read_token(FEATURE, "cancel", token, max_age=get_setting("SIGNUP_CANCEL_MAX_AGE"))
    except BadToken:
        return None
    return data if isinstance(data, dict) else None
