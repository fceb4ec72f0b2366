"""Admin forms: follow an installation, borrow a followed action by its address."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from avp_wagtail.core.sites import within_sites
from avp_wagtail.federation.fetch import FetchError, check_url
from avp_wagtail.federation.scope import permitted_sites
from avp_wagtail.models import ActionPlanPage


class FollowedSourceForm(WagtailAdminModelForm):
    """The site that follows is one of the editor's; the address is http(s)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if user is not None and "site" in self.fields:
            sites = permitted_sites(user)
            field = self.fields["site"]
            field.queryset = field.queryset.filter(pk__in=[site.pk for site in sites])  # type: ignore[attr-defined]
            if len(sites) == 1 and not self.instance.pk:
                field.initial = sites[0].pk

    def clean_address(self) -> str:
        address = self.cleaned_data["address"].strip()
        try:
            check_url(address)
        except FetchError as error:
            raise forms.ValidationError(str(error)) from None
        return address

    def save(self, commit: bool = True) -> Any:
        if "address" in self.changed_data:  # discover the document again
            self.instance.document_url = ""
            self.instance.etag = self.instance.last_modified = ""
        return super().save(commit)


class BorrowFromNetworkForm(forms.Form):
    address = forms.CharField(
        label=_("Address of the action"),
        max_length=500,
        help_text=_(
            "The address of an action page of a municipality you follow, as on the network "
            "page; or choose it below."
        ),
        required=False,
    )
    item = forms.TypedChoiceField(
        label=_("Action of a followed municipality"), coerce=int, required=False
    )
    plan = forms.ModelChoiceField(
        label=_("Copy into the plan"), queryset=ActionPlanPage.objects.none()
    )

    def __init__(self, *args: Any, user: Any, items: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        self.fields["item"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (row.pk, f"{row.title} — {row.plan.source.municipality}, {row.plan.title}")
            for row in items
        ]
        plans = [
            plan.pk
            for plan in within_sites(ActionPlanPage.objects.all(), permitted_sites(user))
            if plan.permissions_for_user(user).can_add_subpage()
        ]
        self.fields["plan"].queryset = ActionPlanPage.objects.filter(pk__in=plans).order_by("path")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("item") and not (data.get("address") or "").strip():
            raise forms.ValidationError(
                _("Give the address of the action, or choose it from the list.")
            )
        return data
