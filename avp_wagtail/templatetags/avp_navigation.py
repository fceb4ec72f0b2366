"""Template tags for finding one's way: breadcrumbs, the programme's network page."""

from django import template

from avp_wagtail.core.i18n import subpage_path
from avp_wagtail.navigation import Crumb, breadcrumbs, network_pages

register = template.Library()


@register.inclusion_tag("avp_wagtail/includes/breadcrumbs.html", takes_context=True)
def avp_breadcrumbs(context, page=None):
    """The breadcrumb trail of ``page`` (default: the page being shown)."""
    page = page or context.get("page")
    if page is None:
        return {"crumbs": []}
    request = context.get("request")
    crumbs = breadcrumbs(page, request)
    title = context.get("avp_page_title")
    subpath = subpage_path(page, request) if request is not None else ""
    if title and subpath:
        # A sub-URL that is a page of its own (an idea under its plan): the page is a step
        # on the way, the sub-URL's page the current one (its own address, also when a
        # form posted to another sub-URL shows it again).
        crumbs[-1].is_current = False
        url = f"{crumbs[-1].url}{subpath}"
        lang = context.get("avp_page_title_lang") or ""
        crumbs.append(Crumb(str(title), url, is_current=True, lang=lang))
    return {"crumbs": crumbs}


@register.simple_tag(takes_context=True)
def avp_network_pages(context, programme):
    """``{% avp_network_pages page as network_pages %}``: the network pages to link."""
    return network_pages(programme, context.get("request"))
