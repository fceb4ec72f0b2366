"""The unsubscribe link of a follow e-mail, also its ``List-Unsubscribe`` header."""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch, reverse

from avp_wagtail.tracking.following.tokens import unsubscribe_token


def one_click_url(token: str) -> str | None:
    """Path of the CSRF-free unsubscribe view, or None when the host site does not include
    ``avp_wagtail.urls`` (the page's own, CSRF-protected route is used then)."""
    try:
        return reverse("avp_wagtail:follow_unsubscribe", args=[token])
    except NoReverseMatch:
        return None


def unsubscribe_link(follower: Any, page_url: str, site_root: str) -> tuple[str, dict[str, str]]:
    """``(url, headers)``: the follower's unsubscribe link and the e-mail's headers.

    ``page_url`` is the item's absolute URL, ``site_root`` the root URL of its Site."""
    token = unsubscribe_token(follower)
    one_click = one_click_url(token)
    if one_click is not None:  # on the host of the page's own Site
        url = f"{site_root}{one_click}"
        return url, {
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    # The page's route needs a CSRF token: a link to a page, no one-click POST.
    url = f"{page_url}follow/unsubscribe/?t={token}"
    return url, {"List-Unsubscribe": f"<{url}>"}
