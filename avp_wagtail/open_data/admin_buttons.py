"""'Import actions (CSV)' and 'Borrow actions' buttons on action plan pages in the admin."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import Button


def _buttons(page: Any, user: Any) -> Iterator[Button]:
    from avp_wagtail.models import ActionPlanPage

    if page.specific_class is not ActionPlanPage:
        return
    if not page.permissions_for_user(user).can_add_subpage():
        return
    yield Button(
        _("Import actions (CSV)"),
        reverse("avp_import_items", args=[page.pk]),
        icon_name="upload",
        priority=80,
    )
    yield Button(
        _("Borrow actions"),
        reverse("avp_borrow_items", args=[page.pk]),
        icon_name="copy",
        priority=81,
    )


def page_header_buttons(
    page: Any, user: Any, view_name: str | None = None, next_url: str | None = None
) -> Iterator[Button]:
    yield from _buttons(page, user)


def page_listing_more_buttons(
    page: Any, user: Any, next_url: str | None = None
) -> Iterator[Button]:
    yield from _buttons(page, user)
