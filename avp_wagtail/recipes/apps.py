"""The recipes in the officials' workflow (issue 17, part 1): the recommendations C1–C10,
D1–D6 and I1–I3 shipped as package data in et/en/ru and shown in the admin, the programme
checklist computed from the data (with manual ticks where it cannot be), and the
new-programme wizard. Optional app: ``"avp_wagtail.recipes"`` in ``INSTALLED_APPS``."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvpRecipesConfig(AppConfig):
    name = "avp_wagtail.recipes"
    label = "avp_recipes"
    verbose_name = _("Recipes and programme checklist")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from avp_wagtail.models import OpenGovernmentPage
        from avp_wagtail.recipes.panels import add_checklist_panel

        # The checklist on the programme page's editor, without changing the page type.
        add_checklist_panel(OpenGovernmentPage)
