"""What every resident's form shares: the honeypot field that catches spam robots, and
whether any field (not only the form as a whole) has an error."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

HONEYPOT_ERROR = _(
    "Nothing was sent: a field meant for spam robots was filled in (perhaps by your "
    "browser). It is empty now; please send again."
)


class HoneypotInput(forms.TextInput):
    """Never shows a value: after a refused send the field is empty again."""

    def format_value(self, value: Any) -> None:
        return None


class HoneypotFormMixin(forms.Form):
    """A field people never see (visually hidden, skipped by the keyboard, never
    autofilled) but spam robots fill in; its label tells anyone who meets it, e.g. with a
    screen reader, to leave it empty. Templates render it apart from the other fields
    (``form.honeypot``, skipping ``form.HONEYPOT`` in the loop). Filled in, nothing is
    stored and the form says why."""

    HONEYPOT = "website"

    website = forms.CharField(
        label=_("Leave this field empty (it catches spam robots)"),
        required=False,
        widget=HoneypotInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean() or {}
        if cleaned_data.get(self.HONEYPOT):
            self.add_error(None, HONEYPOT_ERROR)
        return cleaned_data

    @property
    def honeypot(self) -> forms.BoundField:
        return self[self.HONEYPOT]

    @property
    def has_field_errors(self) -> bool:
        return any(name != NON_FIELD_ERRORS for name in self.errors)
