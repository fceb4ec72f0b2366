from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvpApprovalsConfig(AppConfig):
    name = "avp_wagtail.approvals"
    label = "avp_approvals"
    verbose_name = _("Approval by participants")
    default_auto_field = "django.db.models.BigAutoField"
