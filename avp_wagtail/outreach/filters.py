"""The tracker list's filters and search, shared by the listing and its bulk actions
("select all in listing" acts on the listing as filtered)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from avp_wagtail.models import OpenGovernmentPage
from avp_wagtail.outreach.choices import Answer, Channel, ContactKind
from avp_wagtail.outreach.models import OutreachContact
from avp_wagtail.outreach.permissions import programmes_for

SEARCH_FIELDS = (
    "name",
    "email",
    "notes",
    "referred_by_text",
    "organisation__name",
    "person__name",
)


def _programmes(request):
    if request is None:
        return OpenGovernmentPage.objects.none()
    return programmes_for(request.user)


class OutreachContactFilterSet(WagtailFilterSet):
    programme = django_filters.ModelChoiceFilter(
        label=_("programme"), queryset=_programmes, empty_label=_("All")
    )
    kind = django_filters.ChoiceFilter(
        label=_("kind"), choices=ContactKind.choices, empty_label=_("All")
    )
    channel = django_filters.ChoiceFilter(
        label=_("channel"), choices=Channel.choices, empty_label=_("All")
    )
    answer = django_filters.ChoiceFilter(
        label=_("answer"), choices=Answer.choices, empty_label=_("All")
    )
    source = django_filters.ChoiceFilter(
        label=_("source"), choices=OutreachContact.Source.choices, empty_label=_("All")
    )

    class Meta:
        model = OutreachContact
        fields = ["programme", "kind", "channel", "answer", "source"]
