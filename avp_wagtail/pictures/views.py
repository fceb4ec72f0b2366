"""The plan timeline on the plan page and as a standalone SVG file."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.translation import get_language

from avp_wagtail.core.cache_headers import shareable
from avp_wagtail.core.progress import ThemeGroup
from avp_wagtail.pictures.timeline import Timeline, build_timeline, plan_groups

ROUTE_NAME = "timeline_svg"


class PlanTimeline:
    """The timeline of ``plan`` from its theme groups (``core.progress.ThemeGroup``), built
    only when a template asks for it (the plan page's cached fragment may not).

    On the page each bar links to its item with a relative URL; in the standalone file
    (``absolute``) with an absolute one, since the file is shared outside the site."""

    def __init__(
        self, plan: Any, request: HttpRequest, theme_groups: list[Any], absolute: bool = False
    ) -> None:
        self.plan = plan
        self.request = request
        self.theme_groups = theme_groups
        self.absolute = absolute

    def url_for(self, item: Any) -> str:
        if self.absolute:
            return item.get_full_url(self.request) or ""
        return item.get_url(self.request) or ""

    @cached_property
    def timeline(self) -> Timeline:
        return build_timeline(self.plan, plan_groups(self.theme_groups), self.url_for)

    @cached_property
    def svg_url(self) -> str:
        """The standalone SVG's URL, relative to the site the request came to."""
        if not self.plan.has_subpage(ROUTE_NAME):
            return ""
        return (self.plan.get_url(self.request) or "") + self.plan.reverse_subpage(ROUTE_NAME)


def timeline_filename(plan: Any) -> str:
    return f"{plan.slug}-timeline.svg"


@shareable
def timeline_svg_view(plan: Any, request: HttpRequest) -> HttpResponse:
    """``<plan>/timeline/svg/``: the plan timeline as an SVG file (image/svg+xml) with its
    own styles, for newsletters and printing. The actions the visitor may see (the plan's
    ``get_items``), as on the plan page."""
    items = list(plan.get_items(request))
    groups = ThemeGroup.group(plan.themes.all(), items)
    picture = PlanTimeline(plan, request, groups, absolute=True)
    svg = render_to_string(
        "avp_wagtail/pictures/timeline.svg",
        {"timeline": picture.timeline, "language": get_language() or ""},
        request=request,
    )
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{timeline_filename(plan)}"'
    # A picture, never a document that runs anything: no scripts, no outside requests.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["Access-Control-Allow-Origin"] = "*"
    return response
