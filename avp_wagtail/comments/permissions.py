"""Who moderates: users with the "moderate comments" permission (and superusers)."""

from wagtail.permission_policies import ModelPermissionPolicy

MODERATE_PERMISSION = "avp_comments.moderate_avpcomment"


def can_moderate(user):
    return bool(user and user.is_active and user.has_perm(MODERATE_PERMISSION))


class ModerationPermissionPolicy(ModelPermissionPolicy):
    """The Comments admin area needs the moderate permission for everything it offers.

    Comments are written by residents: nobody adds or edits one in the admin (a moderator
    approves, hides or deletes it, and answers on the page).
    """

    def _get_permission_codename(self, action):
        if action in ("view", "delete", "moderate"):
            return "moderate_avpcomment"
        return super()._get_permission_codename(action)

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


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
