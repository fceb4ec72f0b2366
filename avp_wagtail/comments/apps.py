from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvpCommentsConfig(AppConfig):
    name = "avp_wagtail.comments"
    label = "avp_comments"
    verbose_name = _("Open government comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .permissions import register_policy

        self.legacy_permission_policy = register_policy()
