"""``open-data/json/`` and ``open-data/csv/`` under a plan page (D4)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class OpenDataRoutesMixin(RoutablePageMixin):
    """Serves the page's open data export as JSON and CSV (``plan_export``)."""

    @path("open-data/json/", name="open_data_json")
    def open_data_json_route(self, request):
        from .export import export_filename, plan_export

        document = plan_export(self, request)
        response = HttpResponse(
            json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'inline; filename="{export_filename(self, "json")}"'
        response["Access-Control-Allow-Origin"] = "*"
        return response

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
        base = self.url or ""
        context["avp_open_data_urls"] = {
            "json": base + "open-data/json/",
            "csv": base + "open-data/csv/",
        }
        return context
