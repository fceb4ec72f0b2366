"""The outreach tracker in the admin: one list of contacts per programme (filter by
programme), with add/edit/inspect/delete, a bulk "Send the invitation" and a CSV/XLSX
export. Every view keeps to the editor's municipality (``scope_viewset``, by the
programme page); the snippet chooser is not registered (a contact is chosen from a
select limited to the editor's own contacts).

A snippet viewset (registered as a viewset, never with ``register_snippet``): Wagtail's
model viewsets have no bulk actions, snippet viewsets do."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import IndexView, InspectView, SnippetViewSet

from avp_wagtail.admin.exports import (
    AvpInspectMixin,
    AvpSpreadsheetExportMixin,
    LocalDateTimeColumn,
    YesNoColumn,
)
from avp_wagtail.admin.scope import scope_viewset
from avp_wagtail.outreach.admin_forms import OutreachContactForm
from avp_wagtail.outreach.filters import SEARCH_FIELDS, OutreachContactFilterSet
from avp_wagtail.outreach.models import OutreachContact
from avp_wagtail.outreach.permissions import OUTREACH_SCOPE


class OutreachIndexView(AvpSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("programme", "organisation", "person", "contacted_by", "referred_by")
            .prefetch_related("invitations")
        )


class OutreachInspectView(AvpInspectMixin, InspectView):
    pass


@scope_viewset(OUTREACH_SCOPE)
class OutreachContactViewSet(SnippetViewSet):
    model = OutreachContact
    name = "avp_outreach"
    url_prefix = "avp/outreach"
    url_namespace = "avp_outreach"
    menu_item_is_registered = True
    add_to_admin_menu = True
    icon = "group"
    menu_label = _("Outreach")
    menu_order = 265
    index_view_class = OutreachIndexView
    inspect_view_class = OutreachInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = OutreachContactFilterSet
    search_fields = list(SEARCH_FIELDS)
    search_backend_name = None
    list_per_page = 50
    ordering = ["-created_at"]
    list_export = [
        "created_at",
        "programme",
        "display_name",
        "get_kind_display",
        "contact_email",
        "get_language_display",
        "get_channel_display",
        "contacted_on",
        "contacted_by_display",
        "referred_by_display",
        "get_source_display",
        "get_answer_display",
        "joined",
        "last_invited_at",
        "notes",
    ]
    export_headings = {
        "display_name": _("Name"),
        "get_kind_display": _("Kind"),
        "contact_email": _("E-mail"),
        "get_language_display": _("Language"),
        "get_channel_display": _("Channel"),
        "contacted_by_display": _("Contacted by"),
        "referred_by_display": _("Referred by"),
        "get_source_display": _("Source"),
        "get_answer_display": _("Answer"),
        "joined": _("Joined"),
        "last_invited_at": _("Invitation sent"),
    }
    export_filename = "outreach"
    inspect_view_fields = [
        "programme",
        "kind",
        "organisation",
        "person",
        "name",
        "email",
        "language",
        "channel",
        "contacted_on",
        "contacted_by",
        "contacted_by_text",
        "referred_by",
        "referred_by_text",
        "source",
        "answer",
        "submission",
        "meeting",
        "notes",
        "created_at",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("programme"),
            MultiFieldPanel(
                [
                    FieldPanel("kind"),
                    FieldPanel("organisation"),
                    FieldPanel("person"),
                    FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
                    FieldPanel("language"),
                ],
                heading=_("Whom to reach"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("channel"), FieldPanel("contacted_on")]),
                    FieldRowPanel([FieldPanel("contacted_by"), FieldPanel("contacted_by_text")]),
                    FieldRowPanel([FieldPanel("referred_by"), FieldPanel("referred_by_text")]),
                ],
                heading=_("Contact"),
            ),
            MultiFieldPanel(
                [FieldPanel("answer"), FieldPanel("submission"), FieldPanel("meeting")],
                heading=_("Answer"),
            ),
            FieldPanel("notes"),
        ],
        base_form_class=OutreachContactForm,
    )

    @property
    def list_display(self):
        return [
            "__str__",
            Column("programme", label=_("Programme")),
            Column("get_kind_display", label=_("Kind")),
            Column("get_channel_display", label=_("Channel")),
            Column("referred_by_display", label=_("Referred by")),
            Column("get_answer_display", label=_("Answer")),
            YesNoColumn("joined", label=_("Joined")),
            LocalDateTimeColumn("last_invited_at", label=_("Invitation sent")),
        ]
