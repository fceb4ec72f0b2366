from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvpIdeasConfig(AppConfig):
    name = "avp_wagtail.ideas"
    label = "avp_ideas"
    verbose_name = _("Residents' ideas")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from avp_wagtail.ideas import checks  # noqa: F401  (registers the system checks)
        from avp_wagtail.ideas.frontend_cache import purge_plan_of_idea
        from avp_wagtail.ideas.models import Idea
        from avp_wagtail.ideas.permissions import register_policies

        for signal in (post_save, post_delete):
            signal.connect(purge_plan_of_idea, sender=Idea, dispatch_uid="avp_ideas_purge_plan")

        self.legacy_permission_policies = register_policies()
