"""Signed, expiring tokens for the links the package e-mails (confirm, unsubscribe).

One helper for every feature: a ``TimestampSigner`` keyed with ``SECRET_KEY`` and a salt
made of the package name, the feature, the purpose and an optional secret of the host
(e.g. ``COMMENTS_XTD_SALT``), so a token made for one purpose never opens another.
Payloads are JSON (``sign_object``), never pickles; every read checks a ``max_age``.
"""

from typing import Any

from django.core import signing

BadToken = signing.BadSignature  # includes SignatureExpired
ExpiredToken = signing.SignatureExpired


def signer(feature: str, purpose: str, secret: str | bytes = "") -> signing.TimestampSigner:
    """The signer of ``feature``'s tokens for ``purpose``."""
    if isinstance(secret, bytes):
        secret = secret.decode("utf-8", "replace")
    salt = f"avp_wagtail.{feature}.{purpose}"
    if secret:
        salt = f"{salt}.{secret}"
    return signing.TimestampSigner(salt=salt)


def make_token(feature: str, purpose: str, data: Any, secret: str | bytes = "") -> str:
    """``data`` (JSON-serialisable) signed with a timestamp."""
    return signer(feature, purpose, secret).sign_object(data)


def read_token(
    feature: str, purpose: str, token: str, max_age: float | None, secret: str | bytes = ""
) -> Any:
    """The data of a token made by ``make_token``; raises ``BadToken`` (forged,
    malformed) or ``ExpiredToken`` (older than ``max_age`` seconds; None: never)."""
    return signer(feature, purpose, secret).unsign_object(token, max_age=max_age)
