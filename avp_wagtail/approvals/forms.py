"""The participant's forms (approve; propose an amendment to one agenda item) and the
editor's (send the draft to the participants; decide on an amendment)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

from avp_wagtail.approvals.models import AmendmentState
from avp_wagtail.core.forms import HoneypotFormMixin

MAX_DAYS = 90


class ApproveForm(HoneypotFormMixin):
    """Nothing to fill in: the button approves the draft."""


class AmendmentForm(HoneypotFormMixin):
    text = forms.CharField(
        label=_("Proposed text"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("How the agenda item should read, or what to add or remove."),
        error_messages={"required": _("Write the amendment you propose.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why the protocol should say this, e.g. what was said at the meeting."),
        error_messages={"required": _("Say why you propose the amendment.")},
    )
    field_order = ["text", "reason"]

    def clean_text(self) -> str:
        value = self.cleaned_data["text"].strip()
        if not value:
            raise forms.ValidationError(_("Write the amendment you propose."), code="required")
        return value

    def clean_reason(self) -> str:
        value = self.cleaned_data["reason"].strip()
        if not value:
            raise forms.ValidationError(_("Say why you propose the amendment."), code="required")
        return value


class SendForm(forms.Form):
    participants: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Participants"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Contact people of this municipality with an e-mail address. Those of the "
            "organisations that attended are chosen already."
        ),
        error_messages={"required": _("Choose at least one participant.")},
    )
    deadline = forms.DateTimeField(
        label=_("Deadline"),
        widget=AdminDateTimeInput,
        help_text=_("Until when participants may approve or propose amendments."),
    )
    message = forms.CharField(
        label=_("Message to the participants"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional; added to each e-mail."),
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = people  # type: ignore[attr-defined]

    def clean_deadline(self) -> datetime.datetime:
        value = self.cleaned_data["deadline"]
        now = timezone.now()
        if value <= now:
            raise forms.ValidationError(_("Choose a deadline in the future."))
        if value > now + datetime.timedelta(days=MAX_DAYS):
            raise forms.ValidationError(
                _("Choose a deadline within %(days)d days.") % {"days": MAX_DAYS}
            )
        return value


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (AmendmentState.ACCEPTED, _("Accept")),
            (AmendmentState.DECLINED, _("Decline")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether to accept or decline the amendment.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when you decline: it is published with the protocol (D3)."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == AmendmentState.DECLINED and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why the amendment is declined: it is published."))
        return data
