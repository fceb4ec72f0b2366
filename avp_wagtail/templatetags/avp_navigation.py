"""Template tags for finding one's way: breadcrumbs, the programme's network page."""

from django import template

from avp_wagtail.navigation import breadcrumbs, network_pages

register = template.Library()


@register.inclusion_tag("avp_wagtail/includes/breadcrumbs.html", takes_context=True)
def avp_breadcrumbs(context, page=None):
    """The breadcrumb trail of ``page`` (default: the page being shown)."""
    page = page or context.get("page")
    if page is None:
        return {"crumbs": []}
    return {"crumbs": breadcrumbs(page, context.get("request"))}


@register.simple_tag(takes_context=True)
def avp_network_pages(context, programme):
    """``{% avp_network_pages page as network_pages %}``: the network pages to link."""
    return network_pages(programme, context.get("request"))
