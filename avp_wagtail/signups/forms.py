"""The sign-up form of an announced meeting: only the questions the meeting asks."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from avp_wagtail.core.cleaning import ControlCharacterCleaningMixin
from avp_wagtail.core.emails import validate_deliverable_email
from avp_wagtail.core.forms import HoneypotFormMixin
from avp_wagtail.models import MeetingSignup

# Each optional question and the meeting setting that asks it.
QUESTIONS = {
    "organisation": "signup_ask_organisation",
    "accessibility_needs": "signup_ask_accessibility",
    "interpretation": "signup_ask_interpretation",
}


class MeetingSignupForm(HoneypotFormMixin, ControlCharacterCleaningMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that my data is stored to organise this meeting and deleted after it."),
        required=True,
        error_messages={
            "required": _("Please give your consent, otherwise we cannot store your sign-up."),
        },
    )

    class Meta:
        model = MeetingSignup
        fields = [
            "name",
            "email",
            "organisation",
            "accessibility_needs",
            "interpretation",
            "consent",
        ]
        labels = {
            "name": _("Your name"),
            "email": _("E-mail"),
            "organisation": _("Organisation you represent (if any)"),
            "accessibility_needs": _("What do you need to take part?"),
            "interpretation": _("Interpretation into"),
        }
        help_texts = {
            "email": _("We send the confirmation and a link to cancel to it; it is not shown."),
            "accessibility_needs": _(
                "E.g. step-free access, a hearing loop, large print. Leave empty if nothing."
            ),
            "interpretation": _("Leave empty if you need no interpretation."),
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
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, meeting: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["email"].validators.append(validate_deliverable_email)
        self.fields["interpretation"].choices = [
            ("", "—"),
            *self.fields["interpretation"].choices[1:],
        ]
        for name, setting in QUESTIONS.items():
            if not getattr(meeting, setting):
                del self.fields[name]
        # The consent and the honeypot last.
        self.order_fields([name for name in self.fields if name not in ("consent", "website")])
