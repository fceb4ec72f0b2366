"""Admin viewsets: snippets for organisations and people, and the interest submissions."""

import django_filters
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_exports import (
    AvpInspectMixin,
    AvpSpreadsheetExportMixin,
    LocalDateTimeColumn,
    YesNoColumn,
)
from .admin_scope import PAGE_SCOPE, Scope, scope_viewset
from .models import (
    AvpTag,
    CallToParticipatePage,
    ContactPerson,
    InterestSubmission,
    Organisation,
)

# An expression of interest belongs to the municipality whose call received it.
SUBMISSION_SCOPE = Scope("call")


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    # Searched through the model's own search index (Organisation.search_fields).


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Contact people")
    list_display = [
        "name",
        "role",
        "organisation",
        YesNoColumn(
            "show_contact_details",
            label=capfirst(ContactPerson._meta.get_field("show_contact_details").verbose_name),
            sort_key="show_contact_details",
        ),
    ]
    list_filter = ["organisation", "show_contact_details"]
    # Searched through the model's own search index (ContactPerson.search_fields).


class AvpTagViewSet(SnippetViewSet):
    model = AvpTag
    icon = "tag"
    menu_label = _("Action item tags")
    list_display = ["name", "slug"]
    search_fields = ["name"]


def _calls(request):
    """Calls to filter by: those of the user's own municipality (see admin_scope)."""
    calls = CallToParticipatePage.objects.order_by("title")
    return PAGE_SCOPE.filter(calls, request.user) if request is not None else calls


class InterestSubmissionFilterSet(WagtailFilterSet):
    call = django_filters.ModelChoiceFilter(
        label=_("call to participate"), queryset=_calls, empty_label=_("All")
    )

    class Meta:
        model = InterestSubmission
        fields = ["call"]


class InterestSubmissionIndexView(AvpSpreadsheetExportMixin, IndexView):
    """Listing and CSV/XLSX export: local times to the minute, yes/no in the editor's
    language (see admin_exports)."""


class InterestSubmissionInspectView(AvpInspectMixin, InspectView):
    pass


@scope_viewset(SUBMISSION_SCOPE)
class InterestSubmissionViewSet(ModelViewSet):
    model = InterestSubmission
    name = "avp_interest_submissions"
    url_prefix = "avp/interest-submissions"
    icon = "mail"
    menu_label = _("Expressions of interest")
    add_to_admin_menu = False
    index_view_class = InterestSubmissionIndexView
    inspect_view_class = InterestSubmissionInspectView
    list_display = [
        "name",
        "organisation",
        "email",
        "call",
        LocalDateTimeColumn(
            "submitted_at",
            label=capfirst(InterestSubmission._meta.get_field("submitted_at").verbose_name),
            sort_key="submitted_at",
        ),
    ]
    filterset_class = InterestSubmissionFilterSet
    list_export = [
        "submitted_at",
        "call",
        "name",
        "organisation",
        "email",
        "phone",
        "themes_display",
        "message",
        "consent",
        "language",
    ]
    export_headings = {"themes_display": _("Themes of interest")}
    export_filename = "expressions-of-interest"
    search_fields = ["name", "organisation", "email", "message"]
    form_fields = ["name", "organisation", "email", "phone", "message"]
    inspect_view_enabled = True


class AvpViewSetGroup(ViewSetGroup):
    menu_label = _("Open government")
    menu_icon = "globe"
    items = (
        OrganisationViewSet,
        ContactPersonViewSet,
        AvpTagViewSet,
        InterestSubmissionViewSet,
    )
