"""Permission policies of the package's own admin models (the comments app has its own)."""

from wagtail.permission_policies import ModelPermissionPolicy

from avp_wagtail.models import InterestSubmission, MeetingSignup

try:
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7.4
    register_permission_policy = None


class ResidentRecordPermissionPolicy(ModelPermissionPolicy):
    """Records residents write through a public form (expressions of interest, meeting
    sign-ups): nobody adds one in the admin — the admin form could not even say which call
    or meeting it answers."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission({a for a in actions if a != "add"})


def register_policies():
    """Register the policies (Wagtail 8's way); on Wagtail 7.4, return them by model for
    the viewsets to carry instead."""
    policies = {
        model: ResidentRecordPermissionPolicy(model)
        for model in (InterestSubmission, MeetingSignup)
    }
    if register_permission_policy is None:  # Wagtail 7.4
        return policies
    for model, policy in policies.items():
        register_permission_policy(model, policy)
    return {}
