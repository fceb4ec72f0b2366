"""Registers the ideas app with Wagtail and with the package's plug-in hooks
(``avp_wagtail.core.plugins``); the behaviour lives elsewhere."""

from django.contrib.auth.models import Permission
from wagtail import hooks

from avp_wagtail.core.plugins import CONTEXT_HOOK, DASHBOARD_HOOK, PERSONAL_DATA_HOOK, ROUTES_HOOK
from avp_wagtail.ideas.dashboard import ideas_awaiting
from avp_wagtail.ideas.retention import IdeaData
from avp_wagtail.ideas.routes import add_idea_context, idea_routes
from avp_wagtail.ideas.viewsets import IdeasViewSetGroup

hooks.register(ROUTES_HOOK, idea_routes)
hooks.register(CONTEXT_HOOK, add_idea_context)
hooks.register(DASHBOARD_HOOK, ideas_awaiting)
hooks.register(PERSONAL_DATA_HOOK, IdeaData(), order=20)
hooks.register("register_admin_viewset", IdeasViewSetGroup)


@hooks.register("register_permissions")
def register_idea_permissions():
    return Permission.objects.filter(
        content_type__app_label="avp_ideas",
        codename__in=[
            "view_idea",
            "change_idea",
            "delete_idea",
            "view_ideacollection",
            "add_ideacollection",
            "change_ideacollection",
            "delete_ideacollection",
        ],
    )
