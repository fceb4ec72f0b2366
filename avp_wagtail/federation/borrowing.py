"""Borrowing a followed municipality's action by its address: the same copy, draft and
"adapted from" attribution as borrowing from an uploaded export
(``avp_wagtail.open_data.borrowing.borrow``), from the last good copy of its plan's
document; no request is made. What the original said is kept (``Borrowing``) to show
later what changed in it."""

from __future__ import annotations

from typing import Any

from avp_wagtail.federation.diff import differences, texts
from avp_wagtail.federation.models import Borrowing, FollowedItem
from avp_wagtail.open_data.borrowing import borrow


def addresses(address: str) -> list[str]:
    """The forms an action's address may be given in (with or without the final slash,
    or the address of its open data document)."""
    address = address.strip()
    for suffix in ("open-data/json/", "open-data/json"):
        if address.endswith(suffix):
            address = address[: -len(suffix)]
    base = address.rstrip("/")
    return [base, base + "/"] if base else []


def find_followed(address: str, sites: Any) -> FollowedItem | None:
    """The action at ``address`` among the last good copies of the sources of ``sites``."""
    urls = addresses(address)
    if not urls:
        return None
    return (
        FollowedItem.objects.filter(url__in=urls, plan__source__site__in=sites)
        .select_related("plan__source")
        .order_by("-plan__fetched_at")
        .first()
    )


def borrow_followed(plan: Any, followed: FollowedItem, user: Any = None) -> Any:
    """``followed`` copied into ``plan`` as a draft; raises ``UploadError`` like ``borrow``."""
    data = followed.data() or {}
    (page,) = borrow(plan, followed.plan.document, [str(followed.position)], user=user)
    Borrowing.objects.create(
        item=page, original_url=followed.url, plan_url=followed.plan.url, snapshot=texts(data)
    )
    return page


def original_of(borrowing: Borrowing) -> FollowedItem | None:
    """The original's row in the current copy of its plan (None when no longer listed)."""
    rows = FollowedItem.objects.filter(url__in=addresses(borrowing.original_url))
    site = borrowing.item.get_site()
    if site is not None:
        rows = rows.filter(plan__source__site=site)
    rows = rows.select_related("plan__source").order_by("pk")
    return rows.filter(plan__url=borrowing.plan_url).first() or rows.first()


def changes_of(borrowing: Borrowing) -> list[dict[str, Any]] | None:
    """What changed in the original since it was borrowed ([] nothing; None: not found)."""
    original = original_of(borrowing)
    if original is None:
        return None
    return differences(borrowing.snapshot, texts(original.data() or {}))
