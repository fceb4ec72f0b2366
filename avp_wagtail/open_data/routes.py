"""``open-data/json/`` and ``open-data/csv/`` under a plan page (D4)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


def json_response(document, filename):
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


class OpenDataRoutesMixin(RoutablePageMixin):
    """Serves the page's open data export as JSON and CSV (``plan_export``)."""

    @path("open-data/json/", name="open_data_json")
    def open_data_json_route(self, request):
        from .export import export_filename, plan_export

        return json_response(plan_export(self, request), export_filename(self, "json"))

    @path("open-data/csv/", name="open_data_csv")
    def open_data_csv_route(self, request):
        from .csv_format import document_csv
        from .export import export_filename, plan_export

        response = HttpResponse(
            document_csv(plan_export(self, request)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{export_filename(self, "csv")}"'
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base = self.get_url(request) or ""
        context["avp_open_data_urls"] = {
            "json": base + self.reverse_subpage("open_data_json"),
            "csv": base + self.reverse_subpage("open_data_csv"),
        }
        return context


class ItemOpenDataRoutesMixin(RoutablePageMixin):
    """``open-data/json/`` under an action item: its plan's document listing only this item
    (what another municipality uploads to borrow just this action)."""

    @path("open-data/json/", name="open_data_json")
    def open_data_json_route(self, request):
        from .export import export_filename, plan_export

        document = plan_export(self.get_parent().specific, request, only=self)
        return json_response(document, export_filename(self, "json"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base = self.get_url(request) or ""
        context["avp_open_data_urls"] = {"json": base + self.reverse_subpage("open_data_json")}
        return context
