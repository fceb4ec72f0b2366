"""Who moderates: users with the "moderate comments" permission (and superusers)."""

from django.http import HttpResponseForbidden
from wagtail.permission_policies import ModelPermissionPolicy

from avp_wagtail.admin.scope import Scope, permitted_page_ids, unrestricted

MODERATE_PERMISSION = "avp_comments.moderate_avpcomment"
# A comment belongs to the municipality of the page it is on (object_pk is the page id):
# moderators see and act on comments of pages they hold a page permission on.
COMMENT_SCOPE = Scope(object_pk=True)


def can_moderate(user):
    return bool(user and user.is_active and user.has_perm(MODERATE_PERMISSION))


def can_moderate_comment(user, comment):
    return can_moderate(user) and COMMENT_SCOPE.contains(comment, user)


def can_moderate_page(user, page):
    """Whether ``user`` may moderate, and answer officially, the discussion on ``page`` (the
    thread page: comments hang on it). As for comments in the admin (COMMENT_SCOPE): the
    moderate permission, and on an install with several municipalities a page permission on
    the page (or above it). A moderator of one municipality is nobody on another's pages."""
    if not (can_moderate(user) and page is not None):
        return False
    return unrestricted(user) or str(page.pk) in permitted_page_ids(user)


def refuse_deleting_other_sites_comments(request, instances):
    """``before_delete_snippet`` hook: a moderator deletes (one or in bulk) only comments on
    pages of their own municipality."""
    from avp_wagtail.comments.models import AvpComment

    for instance in instances:
        if isinstance(instance, AvpComment) and not COMMENT_SCOPE.contains(instance, request.user):
            return HttpResponseForbidden()
    return None


class ModerationPermissionPolicy(ModelPermissionPolicy):
    """The Comments admin area needs the moderate permission; deleting also needs Django's
    "Can delete comment".

    Comments are written by residents: nobody adds or edits one in the admin (a moderator
    approves, hides or deletes it, and answers on the page).
    """

    NOBODY = frozenset({"add", "change"})

    @staticmethod
    def _moderate(action):
        # Deleting stays its own Django permission ("Can delete comment"): a moderator hides,
        # and only those also trusted to delete remove a comment for good.
        return "moderate" if action in ("view", "moderate") else action

    def user_has_permission(self, user, action):
        if action in self.NOBODY:
            return False
        return super().user_has_permission(user, self._moderate(action))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and COMMENT_SCOPE.contains(instance, user)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            {self._moderate(action) for action in actions if action not in self.NOBODY}
        )


def register_policy():
    """Register the policy for AvpComment (Wagtail 8's way); returns it for Wagtail 7.4,
    where the viewset carries it instead."""
    from avp_wagtail.comments.models import AvpComment

    policy = ModerationPermissionPolicy(AvpComment)
    try:
        from wagtail.permissions import register_permission_policy
    except ImportError:  # Wagtail 7.4
        return policy
    register_permission_policy(AvpComment, policy)
    return None
