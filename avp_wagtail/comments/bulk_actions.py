"""Bulk approve, hide and delete in the Comments admin area.

Delete is Wagtail's own snippet action, registered again for comments only so that its
button, confirmation page and message speak of comments (Wagtail's say "snippets").
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from avp_wagtail.admin.bulk_actions import (
    CONFIRM_ACTION_TEMPLATE,
    CONFIRM_DELETE_TEMPLATE,
    CountedWordingMixin,
    ListingFiltersMixin,
)
from avp_wagtail.admin.scope import ScopedBulkActionMixin
from avp_wagtail.comments import moderation
from avp_wagtail.comments.filters import SEARCH_FIELDS, CommentFilterSet
from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.permissions import COMMENT_SCOPE, can_moderate_comment


class CommentBulkAction(
    ScopedBulkActionMixin, ListingFiltersMixin, CountedWordingMixin, SnippetBulkAction
):
    """Only comments of the moderator's own municipality reach the confirmation page or the
    action (admin_scope); those of other sites are as absent as ids that do not exist."""

    models = [AvpComment]
    scope = COMMENT_SCOPE
    template_name = CONFIRM_ACTION_TEMPLATE
    no_access_text = _("You may not moderate these comments")
    filterset_class = CommentFilterSet
    search_fields = SEARCH_FIELDS

    def check_perm(self, obj):
        return can_moderate_comment(self.request.user, obj)

    def get_execution_context(self):
        return {**super().get_execution_context(), "request": self.request}


class ApproveBulkAction(CommentBulkAction):
    display_name = _("Approve")
    action_type = "avp_approve"
    aria_label = _("Approve selected comments")
    action_priority = 10

    def get_title(self, count):
        return ngettext("Approve comment", "Approve comments", count)

    def get_question(self, count):
        return ngettext(
            "Approve this comment? It is shown on the page.",
            "Approve these %(count)d comments? They are shown on the page.",
            count,
        )

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
    aria_label = _("Hide selected comments")
    action_priority = 20

    def get_title(self, count):
        return ngettext("Hide comment", "Hide comments", count)

    def get_question(self, count):
        return ngettext(
            "Hide this comment? It stays in the admin and can be approved again.",
            "Hide these %(count)d comments? They stay in the admin and can be approved again.",
            count,
        )

    @classmethod
    def execute_action(cls, objects, request=None, **kwargs):
        return moderation.hide(objects, request.user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment hidden.", "%(count)d comments hidden.", num_parent_objects
        ) % {"count": num_parent_objects}


class DeleteCommentsBulkAction(
    ScopedBulkActionMixin, ListingFiltersMixin, CountedWordingMixin, DeleteBulkAction
):
    """Wagtail's snippet delete (its permission check and hooks), worded for comments and
    kept to the moderator's own municipality, like approve and hide."""

    models = [AvpComment]
    scope = COMMENT_SCOPE
    aria_label = _("Delete selected comments")
    template_name = CONFIRM_DELETE_TEMPLATE
    no_access_text = _("You may not delete these comments")
    filterset_class = CommentFilterSet
    search_fields = SEARCH_FIELDS

    def get_title(self, count):
        return ngettext("Delete comment", "Delete comments", count)

    def get_question(self, count):
        return ngettext(
            "Delete this comment for good? Hiding it keeps it in the admin.",
            "Delete these %(count)d comments for good? Hiding them keeps them in the admin.",
            count,
        )

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment deleted.", "%(count)d comments deleted.", num_parent_objects
        ) % {"count": num_parent_objects}


# Registered after Wagtail's own snippet actions (order), so that for comments this one
# replaces Wagtail's "delete" (one action per model and action type).
hooks.register("register_bulk_action", DeleteCommentsBulkAction, order=100)
