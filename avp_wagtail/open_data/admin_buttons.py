"""'Import actions (CSV)' and 'Borrow actions' buttons on action plan pages in the admin."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import Button


def _buttons(page, user):
    from ..models import ActionPlanPage

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


def page_header_buttons(page, user, view_name=None, next_url=None):
    yield from _buttons(page, user)


def page_listing_more_buttons(page, user, next_url=None):
    yield from _buttons(page, user)
