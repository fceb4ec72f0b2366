"""Who moderates: users with the "moderate comments" permission (and superusers)."""

from wagtail.permission_policies import ModelPermissionPolicy

MODERATE_PERMISSION = "avp_comments.moderate_avpcomment"


def can_moderate(user):
    return bool(user and user.is_active and user.has_perm(MODERATE_PERMISSION))


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

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            {self._moderate(action) for action in actions if action not in self.NOBODY}
        )


def register_policy():
    """Register the policy for AvpComment (Wagtail 8's way); returns it for Wagtail 7.4,
    where the viewset carries it instead."""
    from .models import AvpComment

    policy = ModerationPermissionPolicy(AvpComment)
    try:
        from wagtail.permissions import register_permission_policy
    except ImportError:  # Wagtail 7.4
        return policy
    register_permission_policy(AvpComment, policy)
    return None
