"""Following plugs into action item pages: its routes (``avp_page_routes`` hook) and its
form in the page's context (``avp_page_context`` hook), registered in
``avp_wagtail.wagtail_hooks``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import URLPattern, path

from avp_wagtail.models import ActionItemPage
from avp_wagtail.tracking.following.forms import FollowForm
from avp_wagtail.tracking.following.views import (
    follow_confirm_view,
    follow_unsubscribe_view,
    follow_view,
)


def follow_routes(page_class: type) -> list[URLPattern]:
    """``follow/``, ``follow/confirm/`` and ``follow/unsubscribe/`` under action items."""
    if not issubclass(page_class, ActionItemPage):
        return []
    return [
        path("follow/", follow_view, name="follow"),
        path("follow/confirm/", follow_confirm_view, name="follow_confirm"),
        path("follow/unsubscribe/", follow_unsubscribe_view, name="follow_unsubscribe"),
    ]


def add_follow_context(page: Any, request: HttpRequest, context: dict[str, Any]) -> None:
    """The follow form on an action item."""
    if not isinstance(page, ActionItemPage):
        return
    context.setdefault("follow_form", FollowForm())
    notice = request.GET.get("follow")
    context["follow_notice"] = notice if notice in ("sent", "confirmed") else None
