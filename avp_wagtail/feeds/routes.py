"""Sub-URLs a plan or programme page serves: its calendar and its news feeds.

Registered under the ``avp_page_routes`` and ``avp_page_context`` hooks
(see ``avp_wagtail.core.plugins``) by the package's ``wagtail_hooks.py``.

(Wagtail page URLs end in a slash and take no dots, hence no ``.ics`` suffix; the
responses carry the right content type and file name.)"""

from django.urls import path

from avp_wagtail.core.cache_headers import shareable
from avp_wagtail.feeds.ical import calendar_response
from avp_wagtail.feeds.news import PageAtomFeed, PageNewsFeed
from avp_wagtail.models import ActionPlanPage, OpenGovernmentPage

FEED_PAGE_TYPES = (ActionPlanPage, OpenGovernmentPage)
FEED_ROUTE_NAMES = ("calendar", "rss", "atom")


@shareable
def calendar_view(page, request):
    return calendar_response(page, request)


@shareable
def rss_view(page, request):
    return PageNewsFeed(page)(request)


@shareable
def atom_view(page, request):
    return PageAtomFeed(page)(request)


def feed_routes(page_class):
    """``calendar/`` (iCalendar), ``feed/rss/`` and ``feed/atom/`` under plan and programme
    pages."""
    if not issubclass(page_class, FEED_PAGE_TYPES):
        return []
    return [
        path("calendar/", calendar_view, name="calendar"),
        path("feed/rss/", rss_view, name="rss"),
        path("feed/atom/", atom_view, name="atom"),
    ]


def feed_urls(page, request=None):
    """URLs of the page's calendar and feeds, for <link> tags and links: relative to the
    site the request came to (absolute only for a page of another site)."""
    base = page.get_url(request) or ""
    return {name: base + page.reverse_subpage(name) for name in FEED_ROUTE_NAMES}


def add_feed_context(page, request, context):
    if isinstance(page, FEED_PAGE_TYPES):
        context["avp_feed_urls"] = feed_urls(page, request)
