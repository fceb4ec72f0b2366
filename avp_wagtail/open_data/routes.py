"""``open-data/json/`` and ``open-data/csv/`` under a plan page, ``open-data/json/`` under
an action item (D4). Registered under the ``avp_page_routes`` and ``avp_page_context``
hooks (see ``avp_wagtail.core.plugins``) by the package's ``wagtail_hooks.py``."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path

from avp_wagtail.core.cache_headers import shareable
from avp_wagtail.models import ActionItemPage, ActionPlanPage
from avp_wagtail.open_data.csv_format import document_csv
from avp_wagtail.open_data.export import export_filename, plan_export


def json_response(document: dict[str, Any], filename: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@shareable
def plan_json_view(plan: Any, request: HttpRequest) -> HttpResponse:
    """The plan's open data export (``plan_export``) as JSON."""
    return json_response(plan_export(plan, request), export_filename(plan, "json"))


@shareable
def plan_csv_view(plan: Any, request: HttpRequest) -> HttpResponse:
    """The same export as CSV, one row per action item."""
    response = HttpResponse(
        document_csv(plan_export(plan, request)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename(plan, "csv")}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@shareable
def item_json_view(item: Any, request: HttpRequest) -> HttpResponse:
    """The item's plan's document listing only this item (what another municipality
    uploads to borrow just this action)."""
    document = plan_export(item.get_parent().specific, request, only=item)
    return json_response(document, export_filename(item, "json"))


def open_data_routes(page_class: type) -> list[URLPattern]:
    if issubclass(page_class, ActionPlanPage):
        return [
            path("open-data/json/", plan_json_view, name="open_data_json"),
            path("open-data/csv/", plan_csv_view, name="open_data_csv"),
        ]
    if issubclass(page_class, ActionItemPage):
        return [path("open-data/json/", item_json_view, name="open_data_json")]
    return []


def add_open_data_context(page: Any, request: HttpRequest, context: dict[str, Any]) -> None:
    names: tuple[str, ...]
    if isinstance(page, ActionPlanPage):
        names = ("json", "csv")
    elif isinstance(page, ActionItemPage):
        names = ("json",)
    else:
        return
    base = page.get_url(request) or ""
    context["avp_open_data_urls"] = {
        name: base + page.reverse_subpage(f"open_data_{name}") for name in names
    }
