"""Admin viewsets: snippets for organisations and people, and the interest submissions."""

import django_filters
from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from avp_wagtail.admin.exports import (
    AvpInspectMixin,
    AvpSpreadsheetExportMixin,
    LocalDateTimeColumn,
    YesNoColumn,
)
from avp_wagtail.admin.scope import PAGE_SCOPE, Scope, scope_viewset
from avp_wagtail.models import (
    AvpTag,
    CallToParticipatePage,
    ContactPerson,
    InterestSubmission,
    MeetingProtocolPage,
    MeetingSignup,
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
    # A database search over these fields: the SQLite full-text backend answers a term
    # with quotes or ">" with a server error.
    search_fields = ["name", "description"]
    search_backend_name = None


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Contact people")
    # A person's e-mail and phone are personal data: no copies of them (a person in another
    # language is a translation, not a copy).
    copy_view_enabled = False
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
    # A database search (see OrganisationViewSet).
    search_fields = ["name", "role", "email"]
    search_backend_name = None


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
    # A resident's personal data is never duplicated: no copy view (and every other view
    # keeps to the editor's municipality: scope_viewset above).
    copy_view_enabled = False

    @property
    def permission_policy(self):
        # Residents write these through a call's form; nobody adds one in the admin
        # (permission_policies.ResidentRecordPermissionPolicy). Wagtail 8 finds the policy
        # registered in AppConfig.ready(); 7.4 asks the viewset.
        legacy = apps.get_app_config("avp_wagtail").legacy_permission_policies
        return legacy.get(self.model) or super().permission_policy


# A sign-up belongs to the municipality whose meeting it is for.
SIGNUP_SCOPE = Scope("meeting")


def _meetings(request):
    """Meetings to filter by: those of the user's own municipality that take sign-ups."""
    meetings = MeetingProtocolPage.objects.filter(signup_open=True).order_by("-start")
    return PAGE_SCOPE.filter(meetings, request.user) if request is not None else meetings


class MeetingSignupFilterSet(WagtailFilterSet):
    meeting = django_filters.ModelChoiceFilter(
        label=_("meeting"), queryset=_meetings, empty_label=_("All"), method="in_every_language"
    )
    state = django_filters.ChoiceFilter(
        label=_("state"), choices=MeetingSignup.State.choices, empty_label=_("All")
    )

    class Meta:
        model = MeetingSignup
        fields = ["meeting", "state"]

    def in_every_language(self, queryset, name, value):
        """A meeting's sign-ups in all its language versions."""
        if not value:
            return queryset
        return queryset.filter(meeting__translation_key=value.translation_key)


class MeetingSignupIndexView(AvpSpreadsheetExportMixin, IndexView):
    """Listing and CSV/XLSX export (formula-escaped, local times; see admin.exports)."""


class MeetingSignupInspectView(AvpInspectMixin, InspectView):
    pass


@scope_viewset(SIGNUP_SCOPE)
class MeetingSignupViewSet(ModelViewSet):
    model = MeetingSignup
    name = "avp_meeting_signups"
    url_prefix = "avp/meeting-signups"
    icon = "date"
    menu_label = _("Meeting sign-ups")
    add_to_admin_menu = False
    index_view_class = MeetingSignupIndexView
    inspect_view_class = MeetingSignupInspectView
    list_display = [
        "name",
        "organisation",
        "meeting",
        "state",
        LocalDateTimeColumn(
            "created_at",
            label=capfirst(MeetingSignup._meta.get_field("created_at").verbose_name),
            sort_key="created_at",
        ),
    ]
    filterset_class = MeetingSignupFilterSet
    list_export = [
        "created_at",
        "meeting",
        "state",
        "name",
        "organisation",
        "email",
        "accessibility_needs",
        "interpretation",
        "language",
        "cancelled_at",
    ]
    export_filename = "meeting-sign-ups"
    search_fields = ["name", "organisation", "email"]
    form_fields = ["name", "organisation", "accessibility_needs", "interpretation"]
    inspect_view_enabled = True
    copy_view_enabled = False  # personal data is never duplicated

    @property
    def permission_policy(self):
        # As InterestSubmissionViewSet: nobody adds a sign-up in the admin.
        legacy = apps.get_app_config("avp_wagtail").legacy_permission_policies
        return legacy.get(self.model) or super().permission_policy


class AvpViewSetGroup(ViewSetGroup):
    menu_label = _("Open government")
    menu_icon = "globe"
    items = (
        OrganisationViewSet,
        ContactPersonViewSet,
        AvpTagViewSet,
        InterestSubmissionViewSet,
        MeetingSignupViewSet,
    )
