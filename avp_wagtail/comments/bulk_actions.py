"""Bulk approve and hide in the Comments admin area (delete is Wagtail's own)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from . import moderation
from .models import AvpComment
from .permissions import can_moderate_comment


class CommentBulkAction(SnippetBulkAction):
    models = [AvpComment]
    template_name = "avp_wagtail/comments/admin/confirm_bulk_action.html"

    def check_perm(self, obj):
        return can_moderate_comment(self.request.user, obj)

    def get_execution_context(self):
        return {**super().get_execution_context(), "request": self.request}


class ApproveBulkAction(CommentBulkAction):
    display_name = _("Approve")
    action_type = "avp_approve"
    aria_label = _("Approve the selected comments")
    action_priority = 10

    @classmethod
    def execute_action(cls, objects, request=None, **kwargs):
        return moderation.approve(objects, request.user, request), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment approved.", "%(count)d comments approved.", num_parent_objects
        ) % {"count": num_parent_objects}


class HideBulkAction(CommentBulkAction):
    display_name = _("Hide")
    action_type = "avp_hide"
    aria_label = _("Hide the selected comments")
    action_priority = 20

    @classmethod
    def execute_action(cls, objects, request=None, **kwargs):
        return moderation.hide(objects, request.user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment hidden.", "%(count)d comments hidden.", num_parent_objects
        ) % {"count": num_parent_objects}
