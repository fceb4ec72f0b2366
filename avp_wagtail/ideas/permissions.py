"""Who may do what with ideas in the admin, and how ideas belong to a municipality."""

from avp_wagtail.admin.permission_policies import ResidentRecordPermissionPolicy
from avp_wagtail.admin.scope import Scope
from avp_wagtail.ideas.models import Idea

try:
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7.4
    register_permission_policy = None

# An idea, and a collection, belong to the municipality whose plan they are filed on.
IDEA_SCOPE = Scope("plan")


def register_policies():
    """Residents write ideas; nobody adds one in the admin. Registered the Wagtail 8 way;
    on Wagtail 7.4 returned by model for the viewset to carry."""
    policies = {Idea: ResidentRecordPermissionPolicy(Idea)}
    if register_permission_policy is None:  # Wagtail 7.4
        return policies
    for model, policy in policies.items():
        register_permission_policy(model, policy)
    return {}


def can_respond(user):
    return user.is_active and user.has_perm("avp_ideas.change_idea")
