"""Whose programmes a user sees: those they may edit (Wagtail's page permissions), so an
editor of one municipality never sees another's checklist on an installation serving
several. Superusers see every programme."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from avp_wagtail.models import OpenGovernmentPage


def editable_programmes(user: Any) -> Any:
    """The programme pages ``user`` may edit (every language version), by path."""
    programmes = OpenGovernmentPage.objects.all()
    if not (user.is_active and user.is_superuser):
        if not user.is_active:
            return programmes.none()
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        programmes = programmes.filter(pk__in=editable.values("pk"))
    return programmes.order_by("path")


def can_use_checklist(user: Any, programme: Any) -> bool:
    return user.is_active and programme.permissions_for_user(user).can_edit()


def programme_for(user: Any, page_id: int) -> Any:
    """The programme of the page ``page_id`` (the page itself or its nearest programme
    ancestor) if ``user`` may edit it: 404 when there is none, permission denied (Wagtail:
    back to the dashboard with a message) when the user may not."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404
    programme = (
        OpenGovernmentPage.objects.ancestor_of(page, inclusive=True).order_by("-depth").first()
    )
    if programme is None:
        raise Http404
    if not can_use_checklist(user, programme):
        raise PermissionDenied
    return programme
