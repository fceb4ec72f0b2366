"""The background task that e-mails an action item's followers its new progress updates."""

from __future__ import annotations

import logging
from typing import Any

from django.db.models import Q
from django.utils import translation
from django_tasks import task
from wagtail.models import PageLogEntry, Revision

from avp_wagtail.conf import get_setting
from avp_wagtail.core.emails import TASK_ATTEMPTS, EmailNotSent, send_templated
from avp_wagtail.core.visibility import is_visible
from avp_wagtail.models import ActionItemPage
from avp_wagtail.tracking.following.links import unsubscribe_link
from avp_wagtail.tracking.following.tokens import confirm_token

logger = logging.getLogger(__name__)


def _update_key(update: Any) -> tuple[Any, ...]:
    """Updates are compared by content: one added in a draft has no id in that revision."""
    return (update.date, update.kind, update.title, update.text)


def _publications(page: Any) -> Any:
    return PageLogEntry.objects.filter(
        page_id=page.pk, action="wagtail.publish", revision__isnull=False
    )


def publication_of(page: Any, revision: Any) -> Any:
    """The log entry of ``revision``'s publication (None if not logged)."""
    if revision is None:
        return None
    return _publications(page).filter(revision=revision).order_by("-timestamp", "-pk").first()


def published_before(page: Any, revision: Any) -> Any:
    """The page as it was published before ``revision`` (None on its first publication).

    Before ``revision``'s own publication, not merely another one: a worker may get to the
    task after the page was published again."""
    entries = _publications(page)
    own = publication_of(page, revision)
    if own is not None:
        entries = entries.filter(
            Q(timestamp__lt=own.timestamp) | Q(timestamp=own.timestamp, pk__lt=own.pk)
        )
    entry = (
        entries.exclude(revision=revision)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.as_object() if entry is not None else None


def new_updates(page: Any, revision: Any) -> list[Any]:
    """The progress updates of ``revision`` of ``page`` that its previously published
    revision did not have (oldest first); none on the first publication."""
    previous = published_before(page, revision)
    if previous is None:
        return []
    known = {_update_key(update) for update in previous.progress_updates.all()}
    # The page as this revision published it: the live rows while it is still the live
    # revision, else (published again before the worker got here) the revision's content.
    published = (
        page
        if revision is None or page.live_revision_id in (None, revision.pk)
        else revision.as_object()
    )
    return sorted(
        (update for update in published.progress_updates.all() if _update_key(update) not in known),
        key=lambda update: (update.date, update.pk or 0),
    )


@task()
def send_follower_updates(page_id: int, revision_id: int | None = None) -> int:
    """E-mail each follower of action item ``page_id`` the progress updates that revision
    ``revision_id`` published and the previously published revision did not have, each
    e-mail in the item's language. Returns the number of e-mails sent.

    A transient SMTP error is retried (``core.emails.deliver``); an e-mail that still fails
    is logged (page and follower ids, the error's class) and the others are sent; then the
    task fails (``EmailNotSent``), so the task backend records it."""
    page = ActionItemPage.objects.filter(pk=page_id).select_related("locale").first()
    if page is None or not page.live or not is_visible(page):  # nothing of a restricted page
        return 0
    revision = Revision.objects.filter(pk=revision_id).first() if revision_id else None
    following = page.followers.order_by("pk")
    own = publication_of(page, revision)
    if own is not None:  # not those who followed after it (before the worker got here)
        following = following.filter(confirmed_at__lte=own.timestamp)
    followers = list(following)
    if not followers:
        return 0
    new = new_updates(page, revision)
    if not new:
        return 0
    page_url = page.get_full_url()
    parts = page.get_url_parts()
    site_root = (parts[1] or "").rstrip("/") if parts else ""
    sent = failed = 0
    for follower in followers:
        unsubscribe_url, headers = unsubscribe_link(follower, page_url, site_root)
        try:
            sent += send_templated(
                "avp_wagtail/emails/follow_update_subject.txt",
                "avp_wagtail/emails/follow_update_body.txt",
                {
                    "page": page,
                    "updates": new,
                    "page_url": page_url,
                    "unsubscribe_url": unsubscribe_url,
                },
                [follower.email],
                headers=headers,
                language=page.locale.language_code,
                attempts=TASK_ATTEMPTS,
                what=f"follow update (page {page.pk}, follower {follower.pk})",
            )
        except EmailNotSent:  # logged by deliver(), without the address
            failed += 1
    if failed:
        raise EmailNotSent(
            f"{failed} of {len(followers)} follow-update e-mails for page {page.pk} were not "
            "sent (see the log)."
        )
    return sent


@task()
def send_follow_confirmation(page_id: int, email: str, language: str) -> int:
    """E-mail ``email`` the link confirming that it follows action item ``page_id``, in
    ``language`` (the page's, as the form was). The signed link is made here, on the host of
    the page's own Site. Returns the number of e-mails sent (0 if the page is gone or no
    longer public)."""
    page = ActionItemPage.objects.filter(pk=page_id).first()
    if page is None or not page.live or not is_visible(page):
        return 0
    confirm_url = f"{page.get_full_url()}follow/confirm/?t={confirm_token(page, email)}"
    with translation.override(language):
        return send_templated(
            "avp_wagtail/emails/follow_confirm_subject.txt",
            "avp_wagtail/emails/follow_confirm_body.txt",
            {
                "page": page,
                "confirm_url": confirm_url,
                "days": get_setting("FOLLOW_CONFIRMATION_MAX_AGE") // 86400,
            },
            [email],
            attempts=TASK_ATTEMPTS,
            what=f"follow confirmation (page {page.pk})",
        )
