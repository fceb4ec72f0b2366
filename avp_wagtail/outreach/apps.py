from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvpOutreachConfig(AppConfig):
    name = "avp_wagtail.outreach"
    label = "avp_outreach"
    verbose_name = _("Outreach")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save, pre_delete

        from avp_wagtail.models import InterestSubmission
        from avp_wagtail.outreach.referrals import on_interest_deleted, on_interest_saved

        post_save.connect(
            on_interest_saved, sender=InterestSubmission, dispatch_uid="avp_outreach_referrals"
        )
        pre_delete.connect(
            on_interest_deleted,
            sender=InterestSubmission,
            dispatch_uid="avp_outreach_referrals_forget",
        )
