"""Registers the outreach tracker with Wagtail and with the package's plug-in hooks
(``avp_wagtail.core.plugins``); the behaviour lives elsewhere."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from avp_wagtail.core.plugins import DASHBOARD_HOOK, PERSONAL_DATA_HOOK, RECIPE_STATUS_HOOK
from avp_wagtail.outreach import bulk_actions
from avp_wagtail.outreach.dashboard import outreach_funnels
from avp_wagtail.outreach.recipe_status import outreach_recipe_status
from avp_wagtail.outreach.retention import OutreachData
from avp_wagtail.outreach.viewsets import OutreachContactViewSet

hooks.register(DASHBOARD_HOOK, outreach_funnels)
hooks.register(RECIPE_STATUS_HOOK, outreach_recipe_status)
# Before the package's own kinds (order 10): a referral still finds its expression of
# interest by the sender's address when both are erased at once.
hooks.register(PERSONAL_DATA_HOOK, OutreachData(), order=5)
hooks.register("register_admin_viewset", OutreachContactViewSet)
hooks.register("register_bulk_action", bulk_actions.SendInvitationBulkAction)
# After Wagtail's own snippet delete (order), which it replaces for the tracker.
hooks.register("register_bulk_action", bulk_actions.DeleteOutreachBulkAction, order=100)


@hooks.register("register_log_actions")
def register_outreach_log_actions(actions):
    actions.register_action(
        bulk_actions.INVITE, _("Send an outreach invitation"), _("Invitation sent")
    )


@hooks.register("register_permissions")
def register_outreach_permissions():
    return Permission.objects.filter(
        content_type__app_label="avp_outreach",
        codename__in=[
            "view_outreachcontact",
            "add_outreachcontact",
            "change_outreachcontact",
            "delete_outreachcontact",
        ],
    )
