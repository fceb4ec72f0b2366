"""Who may do what with ideas in the admin, and how ideas belong to a municipality."""

from avp_wagtail.admin.permission_policies import ResidentRecordPermissionPolicy
from avp_wagtail.admin.scope import Scope
from avp_wagtail.ideas.choices import IdeaState
from avp_wagtail.ideas.models import Idea
from avp_wagtail.models import ActionItemPage

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


def can_create_action(user, idea):
    """Whether ``user`` may turn ``idea`` into a new action item of its plan: an idea of
    their municipality they may respond to, confirmed by its author, under a plan page
    they may add an action item to (Wagtail's page permissions)."""
    if idea.state == IdeaState.UNCONFIRMED or not can_respond(user):
        return False
    if not IDEA_SCOPE.contains(idea, user):
        return False
    plan = idea.plan
    return (
        ActionItemPage in plan.specific_class.creatable_subpage_models()
        and ActionItemPage.can_create_at(plan)
        and plan.permissions_for_user(user).can_add_subpage()
    )
