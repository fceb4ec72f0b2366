"""Registers the comment admin pieces with Wagtail; the behaviour lives elsewhere."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from avp_wagtail.comments import moderation
from avp_wagtail.comments.bulk_actions import ApproveBulkAction, HideBulkAction
from avp_wagtail.comments.context import add_comment_context, add_object_comment_context
from avp_wagtail.comments.dashboard import comments_awaiting
from avp_wagtail.comments.permissions import refuse_deleting_other_sites_comments
from avp_wagtail.comments.retention import CommentData
from avp_wagtail.comments.viewsets import CommentViewSet
from avp_wagtail.core.plugins import (
    CONTEXT_HOOK,
    DASHBOARD_HOOK,
    OBJECT_CONTEXT_HOOK,
    PERSONAL_DATA_HOOK,
)

hooks.register("register_admin_viewset", CommentViewSet)
hooks.register(CONTEXT_HOOK, add_comment_context)
hooks.register(OBJECT_CONTEXT_HOOK, add_object_comment_context)
hooks.register(DASHBOARD_HOOK, comments_awaiting)
hooks.register(PERSONAL_DATA_HOOK, CommentData())
hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", HideBulkAction)
hooks.register("before_delete_snippet", refuse_deleting_other_sites_comments, order=-1)
hooks.register("before_delete_snippet", moderation.log_bulk_deletion)


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action(moderation.APPROVE, _("Approve comment"), _("Comment approved"))
    actions.register_action(moderation.HIDE, _("Hide comment"), _("Comment hidden"))
    actions.register_action(
        moderation.HIDDEN_BY_FLAGS,
        _("Hide comment after flags"),
        _("Comment hidden after residents' flags"),
    )


@hooks.register("register_permissions")
def register_moderate_permission():
    return Permission.objects.filter(
        content_type__app_label="avp_comments", codename="moderate_avpcomment"
    )
