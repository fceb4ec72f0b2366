"""The plan timeline on the plan page and as a standalone SVG file."""

from __future__ import annotations

import re
from typing import Any

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.translation import get_language

from avp_wagtail.core.cache_headers import shareable
from avp_wagtail.core.fragments import TIMEOUT, Fragments
from avp_wagtail.core.progress import ThemeGroup
from avp_wagtail.pictures import png
from avp_wagtail.pictures.timeline import NARROW, Timeline, build_timeline, plan_groups

ROUTE_NAME = "timeline_svg"
PNG_ROUTE_NAME = "timeline_png"
PNG_FRAGMENT = "timeline_png"
# Characters XML 1.0 does not allow (autoescaping keeps them).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class PlanTimeline:
    """The timeline of ``plan`` from its theme groups (``core.progress.ThemeGroup``), built
    only when a template asks for it (the plan page's cached fragment may not), in two
    layouts (``timeline``: wide, ``narrow``: for phones).

    On the page each bar links to its item with a relative URL; in the standalone file
    (``absolute``) with an absolute one, since the file is shared outside the site."""

    def __init__(
        self,
        plan: Any,
        request: HttpRequest | None,
        theme_groups: list[Any],
        absolute: bool = False,
        prefix: str = "avp-timeline",
        heading: str = "",
        in_block: bool = False,
    ) -> None:
        self.plan = plan
        self.request = request
        self.theme_groups = theme_groups
        self.absolute = absolute
        # Ids in the page start with ``prefix`` (unique per picture on a page).
        self.prefix = prefix
        self.narrow_prefix = f"{prefix}-narrow"
        self.heading = heading
        self.in_block = in_block

    @cached_property
    def plan_url(self) -> str:
        return self.plan.get_url(self.request) or ""

    def url_for(self, item: Any) -> str:
        if self.absolute:
            return item.get_full_url(self.request) or ""
        return item.get_url(self.request) or ""

    @cached_property
    def timeline(self) -> Timeline:
        return build_timeline(self.plan, plan_groups(self.theme_groups), self.url_for)

    @cached_property
    def narrow(self) -> Timeline:
        """The same timeline drawn for a phone's width (the page shows one of the two by
        the screen's width, in pictures.css)."""
        return build_timeline(
            self.plan, plan_groups(self.theme_groups), self.url_for, layout=NARROW
        )

    @cached_property
    def svg_url(self) -> str:
        """The standalone SVG's URL, relative to the site the request came to."""
        if not self.plan.has_subpage(ROUTE_NAME):
            return ""
        return self.plan_url + self.plan.reverse_subpage(ROUTE_NAME)

    @cached_property
    def png_url(self) -> str:
        """The PNG's URL, "" where no PNG can be drawn (``pictures.png``)."""
        if not png.available() or not self.plan.has_subpage(PNG_ROUTE_NAME):
            return ""
        return self.plan_url + self.plan.reverse_subpage(PNG_ROUTE_NAME)


def timeline_filename(plan: Any, extension: str = "svg") -> str:
    return f"{plan.slug}-timeline.{extension}"


def standalone_picture(plan: Any, request: HttpRequest, for_png: bool = False) -> tuple[str, Any]:
    """The plan timeline as a file of its own, and its ``Timeline``: the actions the
    visitor may see (the plan's ``get_items``), as on the plan page, with a drawn heading
    and absolute links. Characters XML does not allow (a vertical tab pasted from a word
    processor into a title) are left out, so the file stays well-formed."""
    items = list(plan.get_items(request))
    groups = ThemeGroup.group(plan.themes.all(), items)
    timeline = PlanTimeline(plan, request, groups, absolute=True).timeline
    svg = render_to_string(
        "avp_wagtail/pictures/timeline.svg",
        {"timeline": timeline, "language": get_language() or "", "png": for_png},
        request=request,
    )
    return NOT_XML.sub("", svg), timeline


def standalone_svg(plan: Any, request: HttpRequest, for_png: bool = False) -> str:
    return standalone_picture(plan, request, for_png)[0]


def _as_picture(response: HttpResponse) -> HttpResponse:
    # A picture, never a document that runs anything: no scripts, no outside requests.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@shareable
def timeline_svg_view(plan: Any, request: HttpRequest) -> HttpResponse:
    """``<plan>/timeline/svg/``: the plan timeline as an SVG file (image/svg+xml) with its
    own styles, for newsletters and printing."""
    response = HttpResponse(
        standalone_svg(plan, request), content_type="image/svg+xml; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{timeline_filename(plan)}"'
    return _as_picture(response)


@shareable
def timeline_png_view(plan: Any, request: HttpRequest) -> HttpResponse:
    """``<plan>/timeline/png/``: the same picture as a PNG (``pictures.png``); 404 where
    CairoSVG is not installed. Drawing it takes a while on a large plan, so it is kept in
    the cache under the plan page's fragment key (``core.fragments``: the same plan,
    language, site, day, visible sections and data), and drawn smaller than twice the
    SVG's size where that would pass ``png.MAX_HEIGHT`` pixels."""
    if not png.available():
        raise Http404("No PNG renderer installed.")
    key = Fragments(plan, request, (PNG_FRAGMENT,)).keys.get(PNG_FRAGMENT)
    image = cache.get(key) if key else None
    if image is None:
        svg, timeline = standalone_picture(plan, request, for_png=True)
        image = png.svg_to_png(svg, png.scale_for(timeline.width, timeline.standalone_height))
        if key:
            cache.set(key, image, TIMEOUT)
    response = HttpResponse(image, content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="{timeline_filename(plan, "png")}"'
    return _as_picture(response)
