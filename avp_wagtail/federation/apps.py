from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvpFederationConfig(AppConfig):
    name = "avp_wagtail.federation"
    label = "avp_federation"
    verbose_name = _("AVP KOV network across sites")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from avp_wagtail.federation import checks  # noqa: F401  (registers the system checks)
