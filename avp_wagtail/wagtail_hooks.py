"""Registers the package's admin pieces with Wagtail; the behaviour lives elsewhere."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import erasure  # noqa: F401  (registers "Erase personal data", see erasure.py)
from .admin_scope import limit_page_chooser, scope_page_bulk_actions
from .admin_warnings import warn_about_milestones_outside_period
from .dashboard import add_dashboard_panel
from .open_data.admin_buttons import page_header_buttons, page_listing_more_buttons
from .viewsets import AvpViewSetGroup

hooks.register("register_admin_viewset", AvpViewSetGroup)
hooks.register("after_create_page", warn_about_milestones_outside_period)
hooks.register("after_edit_page", warn_about_milestones_outside_period)
hooks.register("construct_homepage_panels", add_dashboard_panel)
hooks.register("construct_page_chooser_queryset", limit_page_chooser)
hooks.register("register_page_header_buttons", page_header_buttons)
hooks.register("register_page_listing_more_buttons", page_listing_more_buttons)
for _action in scope_page_bulk_actions():
    hooks.register("register_bulk_action", _action, order=100)


@hooks.register("register_admin_urls")
def register_report_urls():
    from .open_data.views import BorrowView, ImportItemsView
    from .reports import ActionItemsReportView

    return [
        path("avp/plans/<int:plan_id>/import/", ImportItemsView.as_view(), name="avp_import_items"),
        path("avp/plans/<int:plan_id>/borrow/", BorrowView.as_view(), name="avp_borrow_items"),
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
