from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvpWagtailConfig(AppConfig):
    name = "avp_wagtail"
    label = "avp_wagtail"
    verbose_name = _("Open government (AVP KOV)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from .change_history import record_item_changes
        from .following import notify_followers
        from .models import ActionItemPage
        from .permission_policies import register_policies

        page_published.connect(
            record_item_changes, sender=ActionItemPage, dispatch_uid="avp_item_changes"
        )
        page_published.connect(
            notify_followers, sender=ActionItemPage, dispatch_uid="avp_item_followers"
        )
        # Wagtail 8 finds these registered; 7.4 asks the viewset (InterestSubmissionViewSet).
        self.legacy_permission_policies = register_policies()
