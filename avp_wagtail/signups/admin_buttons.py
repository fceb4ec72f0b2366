"""'Sign-ups' and 'Attending organisations from sign-ups' on meeting pages in the admin."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import Button


def _buttons(page: Any, user: Any) -> Iterator[Button]:
    from avp_wagtail.models import MeetingProtocolPage

    if page.specific_class is not MeetingProtocolPage:
        return
    if not page.permissions_for_user(user).can_edit():
        return
    if not user.has_perm("avp_wagtail.view_meetingsignup"):
        return  # both show what residents wrote in their sign-ups
    yield Button(
        _("Sign-ups"),
        reverse("avp_meeting_signups:index") + f"?meeting={page.pk}",
        icon_name="date",
        priority=82,
    )
    yield Button(
        _("Attending organisations from sign-ups"),
        reverse("avp_attending_from_signups", args=[page.pk]),
        icon_name="group",
        priority=83,
    )


def page_header_buttons(
    page: Any, user: Any, view_name: str | None = None, next_url: str | None = None
) -> Iterator[Button]:
    yield from _buttons(page, user)


def page_listing_more_buttons(
    page: Any, user: Any, next_url: str | None = None
) -> Iterator[Button]:
    yield from _buttons(page, user)
