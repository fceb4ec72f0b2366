"""Registers the network app with Wagtail and with the package's plug-in hooks
(``avp_wagtail.core.plugins``); the behaviour lives elsewhere."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from avp_wagtail.core.plugins import CONTEXT_HOOK, ROUTES_HOOK
from avp_wagtail.federation.admin_views import (
    BorrowedDiffView,
    BorrowedListView,
    BorrowFromNetworkView,
    FetchNowView,
)
from avp_wagtail.federation.routes import add_network_context, network_routes
from avp_wagtail.federation.viewsets import FollowedSourceViewSet

hooks.register(ROUTES_HOOK, network_routes)
hooks.register(CONTEXT_HOOK, add_network_context)
hooks.register("register_admin_viewset", FollowedSourceViewSet)


@hooks.register("register_admin_urls")
def register_network_admin_urls():
    return [
        path(
            "avp/network/sources/<int:pk>/fetch/", FetchNowView.as_view(), name="avp_network_fetch"
        ),
        path("avp/network/borrow/", BorrowFromNetworkView.as_view(), name="avp_network_borrow"),
        path("avp/network/borrowed/", BorrowedListView.as_view(), name="avp_network_borrowed"),
        path(
            "avp/network/borrowed/<int:pk>/",
            BorrowedDiffView.as_view(),
            name="avp_network_borrowed_diff",
        ),
    ]


@hooks.register("register_page_header_buttons")
def borrowed_original_changed(page, user, view_name=None, next_url=None):
    """On a borrowed action's edit page: "The original has changed" when it has."""
    from avp_wagtail.federation.borrowing import changes_of
    from avp_wagtail.federation.models import Borrowing

    borrowing = Borrowing.objects.filter(item_id=page.pk).first()
    if borrowing is not None and changes_of(borrowing):
        yield Button(
            _("The original has changed since you borrowed it"),
            reverse("avp_network_borrowed_diff", args=[borrowing.pk]),
            icon_name="warning",
            priority=79,
        )


@hooks.register("register_page_header_buttons")
def borrow_from_network(page, user, view_name=None, next_url=None):
    from avp_wagtail.models import ActionPlanPage

    if page.specific_class is ActionPlanPage and page.permissions_for_user(user).can_add_subpage():
        yield Button(
            _("Borrow from the network"),
            reverse("avp_network_borrow") + f"?plan={page.pk}",
            icon_name="copy",
            priority=82,
        )


@hooks.register("register_permissions")
def register_network_permissions():
    return Permission.objects.filter(
        content_type__app_label="avp_federation",
        codename__in=[
            "view_followedsource",
            "add_followedsource",
            "change_followedsource",
            "delete_followedsource",
        ],
    )
