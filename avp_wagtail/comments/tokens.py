"""Signed, expiring links for e-mail confirmation and unsubscribe.

django-comments-xtd's own links pickle the comment, sign it with SHA1 and never expire.
Ours are made by the package's one token helper (``avp_wagtail.core.signing``: a
``TimestampSigner`` keyed with SECRET_KEY and a salt naming the feature, the purpose and
``COMMENTS_XTD_SALT``) and checked against a ``max_age``; nothing is ever unpickled. The
confirmation link carries only a random key of the comment waiting on the server.
"""

from django.conf import settings

from avp_wagtail.comments.conf import comment_setting
from avp_wagtail.core.signing import BadToken, ExpiredToken, make_token, read_token, signer

BadLink = BadToken
ExpiredLink = ExpiredToken

FEATURE = "comments"


def _secret():
    return getattr(settings, "COMMENTS_XTD_SALT", b"") or ""


def _purpose(purpose):
    """The salt is ``avp_wagtail.comments.<purpose>.<COMMENTS_XTD_SALT>``, as before the
    shared helper: links already e-mailed stay valid. Without a secret the old salt ended
    with a dot (refused by the system checks, but kept identical all the same)."""
    return purpose if _secret() else f"{purpose}."


def _signer(purpose):
    return signer(FEATURE, _purpose(purpose), _secret())


def make_confirmation_token(key):
    """The link's token: the pending comment's random ``key``, signed with a timestamp.
    Nothing else: the comment, name and address stay on the server (``PendingComment``)."""
    return _signer("confirm-key").sign(key)


def read_confirmation_token(token):
    """The key; raises ExpiredLink or BadLink."""
    return _signer("confirm-key").unsign(
        token, max_age=comment_setting("COMMENT_CONFIRMATION_MAX_AGE")
    )


def read_expired_confirmation_token(token):
    """The key of a genuine but expired link, to give the resident their text back."""
    return _signer("confirm-key").unsign(token)


def read_old_confirmation_token(token):
    """The payload of a link in the format sent before the pending comment was kept on the
    server (the whole comment, signed): such links are refused with a clear message."""
    return read_token(FEATURE, _purpose("confirm"), token, None, _secret())


def make_unsubscribe_token(email, content_type_id, object_pk, language=""):
    """``language``: the one the follower wrote in; the unsubscribe page answers in it."""
    data = {"email": email, "ct": content_type_id, "pk": str(object_pk)}
    if language:
        data["lang"] = language
    return make_token(FEATURE, _purpose("unsubscribe"), data, _secret())


def read_unsubscribe_token(token):
    max_age = comment_setting("COMMENT_UNSUBSCRIBE_MAX_AGE")
    return read_token(FEATURE, _purpose("unsubscribe"), token, max_age, _secret())
