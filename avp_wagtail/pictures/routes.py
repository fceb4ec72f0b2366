"""The pictures' sub-URLs and page context, registered under the ``avp_page_routes`` and
``avp_page_context`` hooks (``avp_wagtail.core.plugins``) by the package's
``wagtail_hooks.py``.

(Wagtail page URLs end in a slash and take no dots: the standalone SVG is at
``<plan>/timeline/svg/``, as the open data is at ``open-data/json/``; the response names
the file ``<plan-slug>-timeline.svg``; the PNG at ``<plan>/timeline/png/``.)"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import URLPattern, path

from avp_wagtail.models import ActionPlanPage
from avp_wagtail.pictures.progress_views import add_progress_context
from avp_wagtail.pictures.views import (
    PNG_ROUTE_NAME,
    ROUTE_NAME,
    PlanTimeline,
    timeline_png_view,
    timeline_svg_view,
)


def picture_routes(page_class: type) -> list[URLPattern]:
    if issubclass(page_class, ActionPlanPage):
        return [
            path("timeline/svg/", timeline_svg_view, name=ROUTE_NAME),
            path("timeline/png/", timeline_png_view, name=PNG_ROUTE_NAME),
        ]
    return []


def add_picture_context(page: Any, request: HttpRequest, context: dict[str, Any]) -> None:
    """``avp_timeline`` on a plan page whose items were loaded (not when its cached
    fragments are served): drawn from them, no query of its own."""
    if isinstance(page, ActionPlanPage) and "theme_groups" in context:
        context["avp_timeline"] = PlanTimeline(page, request, context["theme_groups"])
    # Progress over time (avp_plan_progress, avp_item_progress): lazy, see progress_views.
    add_progress_context(page, request, context)
