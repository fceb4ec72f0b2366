"""Admin page forms with checks that need the parent page (which the model cannot see yet)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ActionItemPageForm(WagtailAdminPageForm):
    """Offers only the parent plan's themes and rejects a theme from another plan."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self._plan()
        if plan is not None and "theme" in self.fields:
            self.fields["theme"].queryset = self.fields["theme"].queryset.filter(page=plan)

    def _plan(self):
        if self.parent_page is not None:
            return self.parent_page
        if self.instance.pk:
            return self.instance.get_parent()
        return None

    def clean(self):
        cleaned_data = super().clean()
        theme = cleaned_data.get("theme")
        plan = self._plan()
        if theme is not None and plan is not None and theme.page_id != plan.pk:
            self.add_error("theme", _("Choose one of the themes of this item's action plan."))
        self._check_milestone_completion(cleaned_data.get("planned_start"))
        return cleaned_data

    def _check_milestone_completion(self, planned_start):
        """A milestone cannot have been reached before the action started."""
        formset = self.formsets.get("milestones")
        if planned_start is None or formset is None:
            return
        for form in formset.forms:
            form.is_valid()  # formsets are validated after this form: clean the row now
            completed = getattr(form, "cleaned_data", {}).get("completed_date")
            if completed and completed < planned_start:
                form.add_error(
                    "completed_date",
                    _("A milestone cannot be completed before the action's planned start."),
                )
