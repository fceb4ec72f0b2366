"""The public forms of ideas: sending an idea and supporting one by e-mail. Both carry the
honeypot of the expression-of-interest form and drop control characters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

from avp_wagtail.core.cleaning import ControlCharacterCleaningMixin
from avp_wagtail.core.emails import validate_deliverable_email
from avp_wagtail.forms.interest import HoneypotInput
from avp_wagtail.ideas.models import Idea

HONEYPOT_ERROR = _(
    "Nothing was sent: a field meant for spam robots was filled in (perhaps by your "
    "browser). It is empty now; please send again."
)


class HoneypotMixin(forms.Form):
    HONEYPOT = "website"
    website = forms.CharField(
        label=_("Leave this field empty (it catches spam robots)"),
        required=False,
        widget=HoneypotInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean(self):
        cleaned_data = super().clean() or {}
        if cleaned_data.get(self.HONEYPOT):
            self.add_error(None, HONEYPOT_ERROR)
        return cleaned_data

    @property
    def honeypot(self):
        return self[self.HONEYPOT]

    @property
    def has_field_errors(self):
        return any(name != NON_FIELD_ERRORS for name in self.errors)


class IdeaForm(ControlCharacterCleaningMixin, HoneypotMixin, forms.ModelForm):
    """A resident's idea, filed under one of the plan's themes (in the page's language)."""

    class Meta:
        model = Idea
        fields = ["title", "problem", "proposal", "theme", "organisation", "author_name", "email"]
        labels = {
            "title": _("Your idea in a few words"),
            "problem": _("What is wrong today?"),
            "proposal": _("What should be done?"),
            "theme": _("Theme"),
            "organisation": _("Organisation (if you speak for one)"),
            "author_name": _("Your name"),
            "email": _("E-mail"),
        }
        help_texts = {
            "title": "",
            "problem": "",
            "proposal": "",
            "theme": "",
            "organisation": "",
            "author_name": _("Shown with your idea."),
            "email": _(
                "We send the link that confirms your idea here, and news of the "
                "municipality's response. It is never shown."
            ),
        }
        error_messages = {
            "title": {"required": _("Please name your idea.")},
            "problem": {"required": _("Please say what is wrong today.")},
            "proposal": {"required": _("Please say what should be done.")},
            "theme": {"required": _("Please choose a theme.")},
            "author_name": {"required": _("Please enter your name.")},
            "email": {
                "required": _("Please enter your e-mail address."),
                "invalid": _("Enter a valid e-mail address, e.g. name@example.ee."),
            },
        }
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 5}),
            "proposal": forms.Textarea(attrs={"rows": 5}),
            "theme": forms.RadioSelect,
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "author_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["email"].required = True
        self.fields["email"].validators.append(validate_deliverable_email)
        theme: Any = self.fields["theme"]
        theme.queryset = plan.themes.all()
        theme.required = True
        theme.empty_label = None

    def save(self, commit=True):
        idea = super().save(commit=False)
        idea.plan = self.plan
        if commit:
            idea.save()
        return idea


class SupportForm(ControlCharacterCleaningMixin, HoneypotMixin):
    """Support an idea without an account: the address gets a confirmation link."""

    email = forms.EmailField(
        label=_("Your e-mail"),
        help_text=_("We send a link to confirm your support. The address is never shown."),
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, e.g. name@example.ee."),
        },
        validators=[validate_deliverable_email],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
