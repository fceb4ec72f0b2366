from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvpIdeasConfig(AppConfig):
    name = "avp_wagtail.ideas"
    label = "avp_ideas"
    verbose_name = _("Residents' ideas")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from avp_wagtail.ideas import checks  # noqa: F401  (registers the system checks)
        from avp_wagtail.ideas.permissions import register_policies

        self.legacy_permission_policies = register_policies()
