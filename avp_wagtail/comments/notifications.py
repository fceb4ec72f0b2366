"""E-mails about comments: the confirmation link and reply notifications.

Each is a background task (``comments.tasks``; ``core.tasks`` explains the set-up): the
request enqueues ids, a language code and its own root URL once its transaction commits;
the task renders and sends the e-mails, retrying a transient SMTP error.
"""

from django.utils.translation import get_language

from avp_wagtail.comments.tasks import (
    absolute_url,
    send_comment_confirmation,
    send_reply_notifications,
)
from avp_wagtail.core.tasks import enqueue_after_commit

__all__ = ["absolute_url", "notify_followers", "send_confirmation_request"]


def _root_url(request):
    """The request's scheme and host: a task's fallback when a page has no Site's host."""
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


def send_confirmation_request(request, pending, token, page):
    """Ask an anonymous commenter to confirm their address (their ``PendingComment`` waits
    until then), in the active language: the view runs in the language of the page she
    wrote on.

    ``token`` is not queued: the task makes the link's key itself, so no usable key waits
    in the task queue (``comments.tasks.send_comment_confirmation``)."""
    enqueue_after_commit(
        send_comment_confirmation, pending.pk, page.pk, get_language(), _root_url(request)
    )


def notify_followers(comment, request, page):
    """Tell those who asked for it that ``comment`` was posted in their conversation on
    ``page`` (``comments.tasks.send_reply_notifications``, a background task)."""
    if comment.parent_id == comment.pk:  # a new thread: nobody to tell
        return
    enqueue_after_commit(send_reply_notifications, comment.pk, page.pk, _root_url(request))
