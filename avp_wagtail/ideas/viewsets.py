"""The Ideas admin area: idea collections (one per plan) and the ideas themselves, with
moderation (one by one, or in bulk: ``bulk_actions``), the municipality's response, an
action item made from an idea (``admin_views``) and a CSV/XLSX export without e-mail
addresses. Every view keeps to the editor's municipality (``scope_viewset``, by the plan).

Ideas are a snippet viewset (registered as a viewset, never with ``register_snippet``):
Wagtail's model viewsets have no bulk actions, snippet viewsets do."""

from __future__ import annotations

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from avp_wagtail.admin.exports import (
    AvpInspectMixin,
    AvpSpreadsheetExportMixin,
    LocalDateTimeColumn,
)
from avp_wagtail.admin.scope import scope_viewset
from avp_wagtail.ideas.admin_forms import IdeaCollectionForm, IdeaResponseForm
from avp_wagtail.ideas.filters import SEARCH_FIELDS, IdeaFilterSet
from avp_wagtail.ideas.models import Idea, IdeaCollection
from avp_wagtail.ideas.permissions import IDEA_SCOPE, can_create_action


class IdeaIndexView(AvpSpreadsheetExportMixin, IndexView):
    """Listing and CSV/XLSX export (local times, as the other exports), with each idea's
    number of supporters (one query for the page, however many supports)."""

    def get_base_queryset(self):
        return super().get_base_queryset().with_support_count().select_related("plan", "theme")


class IdeaInspectView(AvpInspectMixin, InspectView):
    pass


class IdeaEditView(EditView):
    """The response form, with "Create an action item from this idea" for those who may."""

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if can_create_action(self.request.user, self.object):
            buttons.insert(
                0,
                HeaderButton(
                    _("Create an action item from this idea"),
                    url=reverse("avp_ideas_create_action", args=[self.object.pk]),
                    icon_name="plus",
                ),
            )
        return buttons


@scope_viewset(IDEA_SCOPE)
class IdeaViewSet(SnippetViewSet):
    model = Idea
    name = "avp_ideas"
    url_prefix = "avp/ideas"
    url_namespace = "avp_ideas"
    # In the "Residents' ideas" menu, not under Snippets.
    menu_item_is_registered = True
    icon = "pick"
    menu_label = _("Ideas")
    edit_view_class = IdeaEditView
    index_view_class = IdeaIndexView
    inspect_view_class = IdeaInspectView
    inspect_view_enabled = True
    # A resident's personal data is never duplicated.
    copy_view_enabled = False
    filterset_class = IdeaFilterSet
    search_fields = list(SEARCH_FIELDS)
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
            FieldPanel("response_language"),
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
