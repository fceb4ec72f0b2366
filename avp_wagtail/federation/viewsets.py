"""The admin's "Followed municipalities": add another installation by the address of its
programme page or network document, see when it was last fetched and its last error,
fetch it now. Every view keeps to the editor's sites (``scope_viewset``)."""

from __future__ import annotations

from typing import Any

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from avp_wagtail.admin.exports import LocalDateTimeColumn
from avp_wagtail.admin.scope import scope_viewset
from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.federation.admin_forms import FollowedSourceForm
from avp_wagtail.federation.models import FollowedSource
from avp_wagtail.federation.scope import SOURCE_SCOPE
from avp_wagtail.federation.tasks import sync_source_task


class FetchAfterSave:
    def save_instance(self) -> Any:
        instance = super().save_instance()  # type: ignore[misc]
        enqueue_after_commit(sync_source_task, instance.pk)
        return instance


class SourceCreateView(FetchAfterSave, CreateView):
    pass


class SourceEditView(FetchAfterSave, EditView):
    pass


class SourceIndexView(IndexView):
    @property
    def header_buttons(self) -> list[Any]:
        return [
            *super().header_buttons,
            HeaderButton(
                _("Borrow an action"), url=reverse("avp_network_borrow"), icon_name="copy"
            ),
            HeaderButton(
                _("Borrowed actions"), url=reverse("avp_network_borrowed"), icon_name="list-ul"
            ),
        ]


class FetchColumn(Column):
    """A "Fetch now" button (a POST form) for those who may change the source."""

    cell_template_name = "avp_wagtail/federation/admin/fetch_cell.html"

    def get_cell_context_data(self, instance: Any, parent_context: Any) -> dict[str, Any]:
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["may_fetch"] = request is not None and request.user.has_perm(
            "avp_federation.change_followedsource"
        )
        context["csrf_token"] = get_token(request) if request is not None else ""
        return context


class ErrorColumn(Column):
    def get_value(self, instance: Any) -> str:
        return (instance.last_error or "—")[:300]


@scope_viewset(SOURCE_SCOPE)
class FollowedSourceViewSet(ModelViewSet):
    model = FollowedSource
    name = "avp_network_sources"
    url_prefix = "avp/network/sources"
    icon = "site"
    menu_label = _("Followed municipalities")
    add_to_admin_menu = True
    menu_order = 270
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = SourceIndexView
    add_view_class = SourceCreateView
    edit_view_class = SourceEditView
    inspect_view_fields = [
        "municipality",
        "address",
        "document_url",
        "site",
        "fetched_at",
        "checked_at",
        "last_error",
        "created_at",
    ]
    edit_handler = ObjectList(
        [FieldPanel("site"), FieldPanel("address")], base_form_class=FollowedSourceForm
    )

    @property
    def list_display(self) -> list[Any]:
        return [
            Column("__str__", label=_("Municipality")),
            Column("address", label=_("Address")),
            LocalDateTimeColumn("fetched_at", label=_("Last fetched")),
            ErrorColumn("last_error", label=_("Last error")),
            FetchColumn("fetch", label=_("Fetch")),
        ]
