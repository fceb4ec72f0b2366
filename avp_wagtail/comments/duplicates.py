"""Recognising a re-sent comment.

A resident who does not see her comment appear (it waits for her e-mail link, then for a
moderator) often sends it again. The same text (whitespace aside) from the same author, in
the same place of the same discussion (top level, or a reply to the same comment), is the
same comment: it is not stored twice, and she is told where the first copy is.
"""

from django.contrib.contenttypes.models import ContentType

from avp_wagtail.comments.models import AvpComment


def normalise(text):
    return " ".join((text or "").split())


def identical_comment(target, text, reply_to=0, email="", user=None):
    """The earlier stored copy of this comment on ``target``'s thread, or None.

    The author is the account when ``user`` is logged in, else the e-mail address (any
    case). A comment a moderator removed does not count: sending it again is a new request.
    """
    comments = AvpComment.objects.filter(
        content_type=ContentType.objects.get_for_model(target),
        object_pk=str(target.pk),
        is_removed=False,
    )
    if user is not None and user.is_authenticated:
        comments = comments.filter(user=user)
    else:
        if not email:
            return None
        comments = comments.filter(user__isnull=True, user_email__iexact=email.strip())
    if reply_to:
        comments = comments.filter(parent_id=reply_to).exclude(pk=reply_to)
    else:
        comments = comments.filter(level=0)
    wanted = normalise(text)
    for comment in comments.order_by("pk"):
        if normalise(comment.comment) == wanted:
            return comment
    return None


def duplicate_notice(comment):
    """The ``?comment=`` notice for a page reached after re-sending ``comment``."""
    return "duplicate" if comment.is_visible else "waiting"
