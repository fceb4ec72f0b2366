"""The admin's forms: an idea collection (only for the editor's own plans) and the
moderation and response of an idea (only the idea's own plan's actions and ideas)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from avp_wagtail.admin.scope import PAGE_SCOPE
from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.ideas.choices import MODERATED_STATES, IdeaState, ResponseState
from avp_wagtail.ideas.models import Idea
from avp_wagtail.ideas.tasks import send_response_changed
from avp_wagtail.models import ActionItemPage, ActionPlanPage


class IdeaCollectionForm(WagtailAdminModelForm):
    def clean_plan(self):
        plan = self.cleaned_data.get("plan")
        user = self.for_user
        if plan is not None and user is not None:
            mine = PAGE_SCOPE.filter(ActionPlanPage.objects.filter(pk=plan.pk), user)
            if not mine.exists():
                raise forms.ValidationError(_("Choose a plan of your own municipality."))
        return plan


class IdeaResponseForm(WagtailAdminModelForm):
    """Publish or hide an idea and give the municipality's reasoned response."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        idea = self.instance
        language = self.fields.get("response_language")
        if language is not None:
            language.widget = forms.Select(
                choices=[(code, str(name)) for code, name in settings.LANGUAGES]
            )
            if not idea.response_language:
                language.initial = Locale.get_default().language_code
        state = self.fields.get("state")
        if state is not None:
            state.choices = [(s.value, s.label) for s in MODERATED_STATES]
            if idea.state == IdeaState.UNCONFIRMED:
                state.disabled = True
                state.choices = [(idea.state, IdeaState(idea.state).label)]
        plan = idea.plan if idea.plan_id else None
        if "action_items" in self.fields:
            under = Q(pk__in=[])
            if plan is not None:
                for path in ActionPlanPage.objects.filter(
                    translation_key=plan.translation_key
                ).values_list("path", flat=True):
                    under |= Q(path__startswith=path)
            items = ActionItemPage.objects.filter(under)
            self.fields["action_items"].queryset = items.order_by("locale_id", "title")
            self.fields["action_items"].widget = forms.CheckboxSelectMultiple()
        if "merged_into" in self.fields:
            others = Idea.objects.none()
            if plan is not None:
                others = (
                    Idea.objects.of_plan(plan)
                    .exclude(pk=idea.pk)
                    .filter(state__in=[IdeaState.PUBLIC, IdeaState.PENDING])
                )
            self.fields["merged_into"].queryset = others.order_by("title")
            self.fields["merged_into"].widget = forms.Select()

    def clean(self):
        cleaned = super().clean()
        response = cleaned.get("response_state")
        if response == ResponseState.ACCEPTED and not cleaned.get("action_items"):
            self.add_error("action_items", _("Choose the action(s) the idea became."))
        # "Not taken up" without a reason and "merged" without an idea: Idea.clean().
        return cleaned

    @property
    def response_changed(self) -> bool:
        return "response_state" in self.changed_data

    def save(self, commit=True):
        idea = super().save(commit=False)
        if self.response_changed or "response_text" in self.changed_data:
            idea.responded_at = timezone.now()
        if idea.response_state != ResponseState.MERGED:
            idea.merged_into = None
        if commit:
            idea.save()
            self.save_m2m()
            # A new response of a public idea; or one given while the idea waited for
            # moderation, once it is published.
            published = "state" in self.changed_data and idea.response_unannounced
            if idea.is_public and (self.response_changed or published):
                enqueue_after_commit(send_response_changed, idea.pk)
        return idea
