"""The Ideas admin area: idea collections (one per plan) and the ideas themselves, with
moderation, the municipality's response and a CSV/XLSX export without e-mail addresses.
Every view keeps to the editor's municipality (``scope_viewset``, by the plan)."""

from __future__ import annotations

import django_filters
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from avp_wagtail.admin.exports import (
    AvpInspectMixin,
    AvpSpreadsheetExportMixin,
    LocalDateTimeColumn,
)
from avp_wagtail.admin.scope import scope_viewset
from avp_wagtail.ideas.admin_forms import IdeaCollectionForm, IdeaResponseForm
from avp_wagtail.ideas.choices import IdeaState, ResponseState
from avp_wagtail.ideas.models import Idea, IdeaCollection
from avp_wagtail.ideas.permissions import IDEA_SCOPE


class IdeaFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("state"), choices=IdeaState.choices, empty_label=_("All")
    )
    response_state = django_filters.ChoiceFilter(
        label=_("response"), choices=ResponseState.choices, empty_label=_("All")
    )

    class Meta:
        model = Idea
        fields = ["state", "response_state"]


class IdeaIndexView(AvpSpreadsheetExportMixin, IndexView):
    """Listing and CSV/XLSX export (local times, as the other exports), with each idea's
    number of supporters (one query for the page, however many supports)."""

    def get_base_queryset(self):
        return super().get_base_queryset().with_support_count().select_related("plan", "theme")


class IdeaInspectView(AvpInspectMixin, InspectView):
    pass


@scope_viewset(IDEA_SCOPE)
class IdeaViewSet(ModelViewSet):
    model = Idea
    name = "avp_ideas"
    url_prefix = "avp/ideas"
    icon = "pick"
    menu_label = _("Ideas")
    index_view_class = IdeaIndexView
    inspect_view_class = IdeaInspectView
    inspect_view_enabled = True
    # A resident's personal data is never duplicated.
    copy_view_enabled = False
    filterset_class = IdeaFilterSet
    search_fields = ["title", "problem", "proposal", "author_name", "organisation"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-created_at"]
    list_export = [
        "created_at",
        "plan",
        "title",
        "problem",
        "proposal",
        "theme",
        "organisation",
        "author_name",
        "language",
        "state",
        "response_state",
        "response_text",
        "responded_at",
        "support_count",
    ]
    export_headings = {"support_count": _("Supporters")}
    export_filename = "ideas"
    inspect_view_fields = [
        "title",
        "problem",
        "proposal",
        "theme",
        "organisation",
        "author_name",
        "language",
        "state",
        "response_state",
        "response_text",
        "responded_at",
        "created_at",
        "confirmed_at",
    ]
    edit_handler = ObjectList(
        [
            # What the resident wrote, to read while responding (never the e-mail).
            MultiFieldPanel(
                [
                    FieldPanel(name, read_only=True)
                    for name in (
                        "title",
                        "problem",
                        "proposal",
                        "theme",
                        "author_name",
                        "organisation",
                        "language",
                    )
                ],
                heading=_("The idea"),
            ),
            FieldPanel("state"),
            FieldPanel("response_state"),
            FieldPanel("response_text"),
            FieldPanel("action_items"),
            FieldPanel("merged_into"),
        ],
        base_form_class=IdeaResponseForm,
    )

    @property
    def list_display(self):
        return [
            "title",
            Column("plan", label=_("Action plan")),
            Column("get_state_display", label=_("State")),
            Column("get_response_state_display", label=_("Response")),
            Column("support_count", label=_("Supporters"), sort_key="support_count"),
            LocalDateTimeColumn("created_at", label=_("Sent"), sort_key="created_at"),
        ]

    @property
    def permission_policy(self):
        # Wagtail 8 finds the policy registered in AppConfig.ready(); 7.4 asks the viewset.
        legacy = getattr(apps.get_app_config("avp_ideas"), "legacy_permission_policies", {})
        return legacy.get(self.model) or super().permission_policy


@scope_viewset(IDEA_SCOPE)
class IdeaCollectionViewSet(ModelViewSet):
    model = IdeaCollection
    name = "avp_idea_collections"
    url_prefix = "avp/idea-collections"
    icon = "form"
    menu_label = _("Idea collections")
    copy_view_enabled = False
    list_display = ["plan", "opens_on", "closes_on", "moderation"]
    edit_handler = ObjectList(
        [
            FieldPanel("plan"),
            FieldPanel("opens_on"),
            FieldPanel("closes_on"),
            FieldPanel("moderation"),
            FieldPanel("introduction"),
        ],
        base_form_class=IdeaCollectionForm,
    )


class IdeasViewSetGroup(ViewSetGroup):
    items = (IdeaViewSet, IdeaCollectionViewSet)
    menu_label = _("Residents' ideas")
    menu_icon = "pick"
    menu_order = 260
