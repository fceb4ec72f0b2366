"""The tracker's admin form: every choice (programme, referring contact, expression of
interest, meeting, colleague) comes from the editor's own municipality, and what the
editor typed is checked field by field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from avp_wagtail.admin.scope import PAGE_SCOPE
from avp_wagtail.core.cleaning import ControlCharacterCleaningMixin
from avp_wagtail.core.emails import validate_deliverable_email
from avp_wagtail.models import OpenGovernmentPage
from avp_wagtail.outreach.models import OutreachContact
from avp_wagtail.outreach.permissions import (
    OUTREACH_SCOPE,
    colleagues_for,
    meetings_for,
    programmes_for,
    same_programme,
    submissions_for,
)


class UserChoiceField(forms.ModelChoiceField):
    """An admin user by name (else user name), never by e-mail address."""

    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class OutreachContactForm(ControlCharacterCleaningMixin, WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        instance = self.instance
        choices = {
            "programme": programmes_for(user) if user else OpenGovernmentPage.objects.none(),
            "referred_by": OUTREACH_SCOPE.filter(OutreachContact.objects.all(), user).exclude(
                pk=instance.pk
            )
            if user
            else OutreachContact.objects.none(),
            "submission": submissions_for(user) if user else None,
            "meeting": meetings_for(user) if user else None,
        }
        for name, queryset in choices.items():
            field = self.fields.get(name)
            if field is None or queryset is None:
                continue
            field.queryset = queryset
            field.widget = forms.Select(choices=field.choices)
        if "referred_by" in self.fields:
            self.fields["referred_by"].queryset = self.fields[
                "referred_by"
            ].queryset.select_related("organisation", "person")
        if "contacted_by" in self.fields and user is not None:
            old = self.fields["contacted_by"]
            self.fields["contacted_by"] = UserChoiceField(
                queryset=colleagues_for(user).order_by("first_name", "last_name", "username"),
                required=False,
                label=old.label,
                help_text=old.help_text,
            )
            if instance.pk is None:
                self.initial.setdefault("contacted_by", user.pk)
        if "email" in self.fields:
            self.fields["email"].validators.append(validate_deliverable_email)

    def clean_programme(self):
        programme = self.cleaned_data.get("programme")
        user = self.for_user
        if programme is not None and user is not None:
            mine = PAGE_SCOPE.filter(OpenGovernmentPage.objects.filter(pk=programme.pk), user)
            if not mine.exists():
                raise forms.ValidationError(_("Choose a programme of your own municipality."))
        return programme

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("organisation") or cleaned.get("person") or cleaned.get("name")):
            self.add_error(
                "name",
                _("Choose an organisation or a contact person, or type a name."),
            )
        programme = cleaned.get("programme")
        if programme is not None:
            referred_by = cleaned.get("referred_by")
            if referred_by is not None and (
                referred_by.programme.translation_key != programme.translation_key
            ):
                self.add_error("referred_by", _("Choose a contact of the same programme."))
            submission = cleaned.get("submission")
            if submission is not None and not same_programme(submission.call, programme):
                self.add_error(
                    "submission",
                    _("Choose an expression of interest sent to a call of this programme."),
                )
            meeting = cleaned.get("meeting")
            if meeting is not None and not same_programme(meeting, programme):
                self.add_error("meeting", _("Choose a meeting of this programme."))
        return cleaned
