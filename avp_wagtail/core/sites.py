"""Which municipality (Wagtail site) a page belongs to, when one install serves several."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Page, Site

_QS = TypeVar("_QS", bound=QuerySet[Any])


def site_of(page: Page, request: HttpRequest | None = None) -> Site | None:
    """The page's Wagtail site; the request's own site costs no query."""
    parts = page.get_url_parts(request)
    if parts is None:
        return None
    site_id = parts[0]
    if request is not None:
        site = Site.find_for_request(request)
        if site is not None and site.pk == site_id:
            return site
    return Site.objects.select_related("root_page").filter(pk=site_id).first()


def municipality_name(site: Site | None) -> str:
    """The name a site publishes under: its site name, else its home page's title."""
    if site is None:
        return ""
    return site.site_name or site.root_page.title


def site_root_paths(site: Site) -> list[str]:
    """Tree paths of the site's home page and of its translations (each language's tree)."""
    root = site.root_page
    return list(
        Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
    )


def within_sites(queryset: _QS, sites: Iterable[Site], prefix: str = "path") -> _QS:
    """Rows of ``queryset`` whose page (``prefix`` is the lookup to its path) lies in one of
    ``sites`` (in any of their languages). No sites means no rows."""
    condition = Q(pk__in=[])
    for site in sites:
        for path in site_root_paths(site):
            condition |= Q(**{f"{prefix}__startswith": path})
    return queryset.filter(condition)


def current_site(request: HttpRequest | None) -> Site | None:
    return Site.find_for_request(request) if request is not None else None


def full_url(page: Page, request: HttpRequest | None = None) -> str:
    """The page's absolute URL (feeds, calendars, open data, canonical, JSON-LD, e-mails).

    A page of the site the request came to gets the scheme, host and port the reader used
    (so it works whatever hostname and port the Site record holds, behind a proxy too); a
    page of another site, or any page without a request, gets that Site's root URL
    (``Site.root_url``: its hostname and port). "" for a page that is not routable."""
    url = page.get_url(request)
    if not url:
        return ""
    if "://" in url:
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return page.get_full_url() or ""


def site_url(site: Site | None, request: HttpRequest | None = None) -> str:
    """The absolute URL of a site's home ("http://host:port/"), chosen like ``full_url``."""
    if site is None:
        return ""
    if request is not None and getattr(current_site(request), "pk", None) == site.pk:
        return request.build_absolute_uri("/")
    return site.root_url + "/"
