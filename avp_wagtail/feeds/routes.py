"""Sub-URLs a plan or programme page serves: its calendar and its news feeds."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class FeedRoutesMixin(RoutablePageMixin):
    """``calendar/`` (iCalendar), ``feed/rss/`` and ``feed/atom/`` under the page's URL.

    (Wagtail page URLs end in a slash and take no dots, hence no ``.ics`` suffix; the
    responses carry the right content type and file name.)"""

    @path("calendar/", name="calendar")
    def calendar_route(self, request):
        from .ical import calendar_response

        return calendar_response(self, request)

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        from .news import PageNewsFeed

        return PageNewsFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        from .news import PageAtomFeed

        return PageAtomFeed(self)(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["avp_feed_urls"] = self.feed_urls(request)
        return context

    def feed_urls(self, request=None):
        """URLs of the page's calendar and feeds, for <link> tags and links: relative to
        the site the request came to (absolute only for a page of another site)."""
        base = self.get_url(request) or ""
        return {name: base + self.reverse_subpage(name) for name in ("calendar", "rss", "atom")}
