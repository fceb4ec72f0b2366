"""The public forms of ideas: sending an idea, supporting and following one by e-mail. All
carry the residents' forms' honeypot (``avp_wagtail.core.forms``) and drop control
characters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from avp_wagtail.core.cleaning import ControlCharacterCleaningMixin
from avp_wagtail.core.emails import validate_deliverable_email
from avp_wagtail.core.forms import HoneypotFormMixin
from avp_wagtail.ideas.models import Idea

HoneypotMixin = HoneypotFormMixin  # the name this module used before (core.forms)


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

    def __init__(self, *args: Any, **kwargs: Any):
        # Its own ids: the comment form on the same page has an "email" field too.
        kwargs.setdefault("auto_id", "id_support-%s")
        super().__init__(*args, **kwargs)


class FollowForm(ControlCharacterCleaningMixin, HoneypotMixin):
    """Follow an idea without an account: the address gets a confirmation link. Prefixed:
    its fields never clash with the support form's on the same page."""

    prefix = "follow"

    email = forms.EmailField(
        label=_("Your e-mail"),
        help_text=_(
            "We send a link to confirm. Then you get an e-mail when the municipality's "
            "response changes; each has a link to stop. The address is never shown."
        ),
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, e.g. name@example.ee."),
        },
        validators=[validate_deliverable_email],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
