"""The e-mail to followers when an action item is published with new progress updates."""

from __future__ import annotations

from typing import Any

from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.tracking.following.tasks import send_follower_updates


def notify_followers(sender: type, instance: Any, revision: Any = None, **kwargs: Any) -> None:
    """``page_published`` receiver: enqueue the background task that e-mails each follower
    the progress updates new since the previously published revision
    (``tracking.following.tasks.send_follower_updates``). Only the ids go into the queue,
    after the publication commits: the request costs the same with 1,000 followers as with
    none."""
    enqueue_after_commit(
        send_follower_updates, instance.pk, revision.pk if revision is not None else None
    )
