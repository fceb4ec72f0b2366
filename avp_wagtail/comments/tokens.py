"""Signed, expiring links for e-mail confirmation and unsubscribe.

django-comments-xtd's own links pickle the comment, sign it with SHA1 and never expire.
Ours are signed with ``django.core.signing.TimestampSigner`` (keyed with SECRET_KEY and
``COMMENTS_XTD_SALT``) and checked against a ``max_age``; nothing is ever unpickled. The
confirmation link carries only a random key of the comment waiting on the server.
"""

from django.conf import settings
from django.core import signing

from ..conf import get_setting

BadLink = signing.BadSignature
ExpiredLink = signing.SignatureExpired


def _signer(purpose):
    salt = getattr(settings, "COMMENTS_XTD_SALT", b"")
    if isinstance(salt, bytes):
        salt = salt.decode("utf-8", "replace")
    return signing.TimestampSigner(salt=f"avp_wagtail.comments.{purpose}.{salt}")


def make_confirmation_token(key):
    """The link's token: the pending comment's random ``key``, signed with a timestamp.
    Nothing else: the comment, name and address stay on the server (``PendingComment``)."""
    return _signer("confirm-key").sign(key)


def read_confirmation_token(token):
    """The key; raises ExpiredLink or BadLink."""
    return _signer("confirm-key").unsign(token, max_age=get_setting("COMMENT_CONFIRMATION_MAX_AGE"))


def read_expired_confirmation_token(token):
    """The key of a genuine but expired link, to give the resident their text back."""
    return _signer("confirm-key").unsign(token)


def read_old_confirmation_token(token):
    """The payload of a link in the format sent before the pending comment was kept on the
    server (the whole comment, signed): such links are refused with a clear message."""
    return _signer("confirm").unsign_object(token)


def make_unsubscribe_token(email, content_type_id, object_pk, language=""):
    """``language``: the one the follower wrote in; the unsubscribe page answers in it."""
    data = {"email": email, "ct": content_type_id, "pk": str(object_pk)}
    if language:
        data["lang"] = language
    return _signer("unsubscribe").sign_object(data)


def read_unsubscribe_token(token):
    return _signer("unsubscribe").unsign_object(
        token, max_age=get_setting("COMMENT_UNSUBSCRIBE_MAX_AGE")
    )
