"""The e-mail to followers when an action item is published with new progress updates."""

from __future__ import annotations

from typing import Any

from avp_wagtail.core.emails import send_templated
from avp_wagtail.core.visibility import is_visible
from avp_wagtail.tracking.change_history import previously_published
from avp_wagtail.tracking.following.links import unsubscribe_link


def _update_key(update: Any) -> tuple[Any, ...]:
    """Updates are compared by content: one added in a draft has no id in that revision."""
    return (update.date, update.kind, update.title, update.text)


def notify_followers(sender: type, instance: Any, revision: Any = None, **kwargs: Any) -> int:
    """``page_published`` receiver: e-mail each follower the progress updates that are new
    since the previously published revision. Returns the number of e-mails sent."""
    followers = list(instance.followers.all())
    if not followers or not is_visible(instance):  # nothing of a restricted page by e-mail
        return 0
    previous = previously_published(instance, revision)
    if previous is None:
        return 0
    known = {_update_key(update) for update in previous.progress_updates.all()}
    new = [
        update
        for update in instance.progress_updates.order_by("date", "pk")
        if _update_key(update) not in known
    ]
    if not new:
        return 0
    page_url = instance.get_full_url()
    parts = instance.get_url_parts()
    site_root = (parts[1] or "").rstrip("/") if parts else ""
    sent = 0
    for follower in followers:
        unsubscribe_url, headers = unsubscribe_link(follower, page_url, site_root)
        send_templated(
            "avp_wagtail/emails/follow_update_subject.txt",
            "avp_wagtail/emails/follow_update_body.txt",
            {
                "page": instance,
                "updates": new,
                "page_url": page_url,
                "unsubscribe_url": unsubscribe_url,
            },
            [follower.email],
            headers=headers,
            language=instance.locale.language_code,
        )
        sent += 1
    return sent
