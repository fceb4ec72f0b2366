"""The expression-of-interest form built into every CallToParticipatePage (C1-C3)."""

from django import forms
from django.apps import apps
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from avp_wagtail.core.cleaning import ControlCharacterCleaningMixin
from avp_wagtail.core.emails import validate_deliverable_email
from avp_wagtail.core.forms import HoneypotFormMixin, HoneypotInput

__all__ = ["ExpressionOfInterestForm", "HoneypotInput"]  # HoneypotInput: imported from here
from avp_wagtail.models.interest import InterestSubmission


class ExpressionOfInterestForm(HoneypotFormMixin, ControlCharacterCleaningMixin, forms.ModelForm):
    themes = forms.MultipleChoiceField(
        label=_("Themes of interest"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick the themes you would like to work on."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my data is stored and used to contact me about this process."),
        required=True,
        error_messages={
            "required": _("Please give your consent, otherwise we cannot store your data."),
        },
    )

    class Meta:
        model = InterestSubmission
        fields = [
            "name",
            "organisation",
            "email",
            "phone",
            "themes",
            "message",
            "referrals",
            "consent",
        ]
        labels = {
            "name": _("Your name"),
            "organisation": _("Organisation"),
            "email": _("E-mail"),
            "phone": _("Phone"),
            "message": _("Message"),
            "referrals": _("Who else should we ask?"),
        }
        help_texts = {
            "email": _("We use it only to contact you about this process."),
            "message": _("What would you like to contribute or ask?"),
            "referrals": _(
                "Optional: organisations or people who might be interested, one per line. "
                "We will send them the invitation."
            ),
        }
        error_messages = {
            "name": {"required": _("Please enter your name.")},
            "email": {
                "required": _("Please enter your e-mail address."),
                "invalid": _("Enter a valid e-mail address, e.g. name@example.ee."),
            },
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "message": forms.Textarea(attrs={"rows": 5}),
            "referrals": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        if not apps.is_installed("avp_wagtail.outreach"):
            # Only the outreach tracker follows the names up: without it, none are asked for.
            del self.fields["referrals"]
        self.fields["email"].validators.append(validate_deliverable_email)
        theme_titles = [theme.title for theme in call.interest_themes.all()]
        if theme_titles:
            self.fields["themes"].choices = [(title, title) for title in theme_titles]
        else:
            del self.fields["themes"]

    def save(self, commit=True):
        submission = super().save(commit=False)
        submission.call = self.call
        submission.themes = self.cleaned_data.get("themes", [])
        submission.language = get_language() or ""
        if commit:
            submission.save()
        return submission
