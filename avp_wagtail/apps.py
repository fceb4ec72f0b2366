from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvpWagtailConfig(AppConfig):
    name = "avp_wagtail"
    label = "avp_wagtail"
    verbose_name = _("Open government (AVP KOV)")
    default_auto_field = "django.db.models.BigAutoField"
