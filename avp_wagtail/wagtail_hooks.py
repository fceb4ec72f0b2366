"""Registers the package's admin pieces with Wagtail; the behaviour lives elsewhere."""

from wagtail import hooks

from .admin_warnings import warn_about_milestones_outside_period
from .dashboard import add_dashboard_panel
from .viewsets import AvpViewSetGroup

hooks.register("register_admin_viewset", AvpViewSetGroup)
hooks.register("after_create_page", warn_about_milestones_outside_period)
hooks.register("after_edit_page", warn_about_milestones_outside_period)
hooks.register("construct_homepage_panels", add_dashboard_panel)
