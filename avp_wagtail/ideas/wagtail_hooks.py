"""Registers the ideas app with Wagtail and with the package's plug-in hooks
(``avp_wagtail.core.plugins``); the behaviour lives elsewhere."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from avp_wagtail.core.plugins import CONTEXT_HOOK, DASHBOARD_HOOK, PERSONAL_DATA_HOOK, ROUTES_HOOK
from avp_wagtail.ideas import bulk_actions
from avp_wagtail.ideas.admin_views import CREATE_ACTION, CreateActionView
from avp_wagtail.ideas.dashboard import ideas_awaiting
from avp_wagtail.ideas.discussion import IdeaDiscussion
from avp_wagtail.ideas.open_data import IdeasOpenData
from avp_wagtail.ideas.retention import IdeaData
from avp_wagtail.ideas.routes import add_idea_context, idea_routes
from avp_wagtail.ideas.viewsets import IdeasViewSetGroup

hooks.register(ROUTES_HOOK, idea_routes)
hooks.register(CONTEXT_HOOK, add_idea_context)
hooks.register(DASHBOARD_HOOK, ideas_awaiting)
hooks.register(IdeaDiscussion.hook, IdeaDiscussion())
hooks.register(IdeasOpenData.hook, IdeasOpenData())
hooks.register(PERSONAL_DATA_HOOK, IdeaData(), order=20)
hooks.register("register_admin_viewset", IdeasViewSetGroup)
hooks.register("register_bulk_action", bulk_actions.PublishBulkAction)
hooks.register("register_bulk_action", bulk_actions.HideBulkAction)
# After Wagtail's own snippet delete (order), which it replaces for ideas.
hooks.register("register_bulk_action", bulk_actions.DeleteIdeasBulkAction, order=100)


@hooks.register("register_admin_urls")
def register_idea_admin_urls():
    return [
        path(
            "avp/ideas/<int:idea_id>/create-action/",
            CreateActionView.as_view(),
            name="avp_ideas_create_action",
        ),
    ]


@hooks.register("register_log_actions")
def register_idea_log_actions(actions):
    actions.register_action(
        CREATE_ACTION,
        _("Create an action item from an idea"),
        _("Action item created from the idea, idea accepted into the plan"),
    )
    actions.register_action(bulk_actions.PUBLISH, _("Publish an idea"), _("Idea published"))
    actions.register_action(bulk_actions.HIDE, _("Hide an idea"), _("Idea hidden"))


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
