"""Which municipality (Wagtail site) a page belongs to, when one install serves several."""

from wagtail.models import Site


def site_of(page, request=None):
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


def municipality_name(site):
    """The name a site publishes under: its site name, else its home page's title."""
    if site is None:
        return ""
    return site.site_name or site.root_page.title
