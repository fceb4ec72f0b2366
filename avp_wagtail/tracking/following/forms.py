"""The follow form of an action item page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avp_wagtail.core.cleaning import ControlCharacterCleaningMixin
from avp_wagtail.core.emails import validate_deliverable_email


class FollowForm(ControlCharacterCleaningMixin, forms.Form):
    """One field; prefixed so that its id never clashes with the comment form's e-mail."""

    prefix = "follow"

    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm. Each e-mail has a link to stop."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        validators=[validate_deliverable_email],
    )
