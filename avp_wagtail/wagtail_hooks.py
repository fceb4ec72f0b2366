"""Registers the package's admin pieces with Wagtail; the behaviour lives elsewhere."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from avp_wagtail.admin import erasure  # noqa: F401  (registers "Erase personal data", see erasure.py)
from avp_wagtail.admin.dashboard import add_dashboard_panel
from avp_wagtail.admin.reports import ActionItemsReportView
from avp_wagtail.admin.scope import limit_page_chooser, scope_page_bulk_actions
from avp_wagtail.admin.viewsets import AvpViewSetGroup
from avp_wagtail.admin.warnings import warn_about_milestones_outside_period
from avp_wagtail.core.plugins import CONTEXT_HOOK, ROUTES_HOOK
from avp_wagtail.feeds.routes import add_feed_context, feed_routes
from avp_wagtail.open_data.admin_buttons import page_header_buttons, page_listing_more_buttons
from avp_wagtail.open_data.routes import add_open_data_context, open_data_routes
from avp_wagtail.open_data.views import BorrowView, ImportItemsView, ImportStatusView
from avp_wagtail.pictures.routes import add_picture_context, picture_routes
from avp_wagtail.sharing import add_sharing_context
from avp_wagtail.signups.admin_buttons import page_header_buttons as signup_header_buttons
from avp_wagtail.signups.admin_buttons import (
    page_listing_more_buttons as signup_listing_buttons,
)
from avp_wagtail.signups.admin_views import AttendingFromSignupsView
from avp_wagtail.signups.routes import add_signup_context, signup_routes
from avp_wagtail.tracking.following.routes import add_follow_context, follow_routes
from avp_wagtail.tracking.monitoring import add_monitoring_context

hooks.register("register_admin_viewset", AvpViewSetGroup)
hooks.register("after_create_page", warn_about_milestones_outside_period)
hooks.register("after_edit_page", warn_about_milestones_outside_period)
hooks.register("construct_homepage_panels", add_dashboard_panel)
hooks.register("construct_page_chooser_queryset", limit_page_chooser)
hooks.register("register_page_header_buttons", page_header_buttons)
hooks.register("register_page_listing_more_buttons", page_listing_more_buttons)
hooks.register("register_page_header_buttons", signup_header_buttons)
hooks.register("register_page_listing_more_buttons", signup_listing_buttons)
# Features plug into the page types (avp_wagtail.core.plugins).
hooks.register(ROUTES_HOOK, feed_routes)
hooks.register(ROUTES_HOOK, open_data_routes)
hooks.register(ROUTES_HOOK, follow_routes)
hooks.register(ROUTES_HOOK, signup_routes)
hooks.register(ROUTES_HOOK, picture_routes)
hooks.register(CONTEXT_HOOK, add_picture_context)
hooks.register(CONTEXT_HOOK, add_sharing_context)
hooks.register(CONTEXT_HOOK, add_feed_context)
hooks.register(CONTEXT_HOOK, add_open_data_context)
hooks.register(CONTEXT_HOOK, add_follow_context)
hooks.register(CONTEXT_HOOK, add_signup_context)
hooks.register(CONTEXT_HOOK, add_monitoring_context)
for _action in scope_page_bulk_actions():
    hooks.register("register_bulk_action", _action, order=100)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("avp/plans/<int:plan_id>/import/", ImportItemsView.as_view(), name="avp_import_items"),
        path(
            "avp/plans/<int:plan_id>/import/<int:import_id>/",
            ImportStatusView.as_view(),
            name="avp_item_import",
        ),
        path("avp/plans/<int:plan_id>/borrow/", BorrowView.as_view(), name="avp_borrow_items"),
        path(
            "avp/meetings/<int:meeting_id>/attending-from-signups/",
            AttendingFromSignupsView.as_view(),
            name="avp_attending_from_signups",
        ),
        path(
            "reports/avp-action-items/",
            ActionItemsReportView.as_view(),
            name="avp_action_items_report",
        ),
        path(
            "reports/avp-action-items/results/",
            ActionItemsReportView.as_view(results_only=True),
            name="avp_action_items_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        _("Action items"),
        reverse_lazy("avp_action_items_report"),
        name="avp-action-items",
        icon_name="list-ul",
        order=700,
    )
