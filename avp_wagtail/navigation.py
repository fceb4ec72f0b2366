"""Ways through the AVP pages: the breadcrumb trail from the site's home page (through the
programme) down to a page, and the network pages a programme page links to."""

from dataclasses import dataclass


@dataclass
class Crumb:
    title: str
    url: str  # relative on the request's site
    is_current: bool = False
    lang: str = ""  # the title's language, when not the page's (a resident's idea)


def breadcrumbs(page, request=None):
    """The trail from the site's home page (in the page's language) down to ``page``: every
    routable ancestor, then the page itself. One query."""
    crumbs = []
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        url = ancestor.get_url(request)
        if url:
            crumbs.append(Crumb(ancestor.title, url))
    crumbs.append(Crumb(page.title, page.get_url(request) or "", is_current=True))
    return crumbs


def network_pages(programme, request=None):
    """Network pages the visitor may see (avp_wagtail.core.visibility) to link from a programme
    page, in the programme's language: its own (children), else the others of the site the
    request came to. One query (and one for the restrictions, once per request)."""
    from avp_wagtail.core.sites import current_site
    from avp_wagtail.core.visibility import visible
    from avp_wagtail.models import NetworkPage

    pages = visible(NetworkPage.objects.filter(locale_id=programme.locale_id), request)
    steplen = NetworkPage.steplen
    site = current_site(request)
    if site is not None and programme.depth > site.root_page.depth:
        # The site's home page in the programme's language is its ancestor at that depth.
        pages = pages.filter(path__startswith=programme.path[: site.root_page.depth * steplen])
    else:
        pages = pages.child_of(programme)
    pages = list(pages.order_by("path"))
    own = [page for page in pages if page.path.startswith(programme.path)]
    return own or pages
