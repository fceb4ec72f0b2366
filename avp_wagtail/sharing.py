"""What an AVP page tells the outside world (D4): Open Graph / Twitter card meta tags,
schema.org JSON-LD, and plain share links (no third-party scripts)."""

import html
from urllib.parse import quote, urlencode

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from avp_wagtail.conf import get_setting
from avp_wagtail.core.i18n import subpage_path
from avp_wagtail.core.sites import full_url, municipality_name, site_of, site_url

SHARE_SERVICES = {
    # name: (label, URL template); {url} and {title} are URL-encoded.
    "email": (_("e-mail"), "mailto:?{query}"),
    "facebook": ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    "x": ("X", "https://x.com/intent/post?url={url}&text={title}"),
    "linkedin": ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
}


DESCRIPTION_FIELDS = ("search_description", "summary", "common_goal", "intro", "why_cooperate")
RICH_TEXT_FIELDS = {"intro", "why_cooperate"}


def description_of(page):
    """A sentence or two about the page for link previews: its search description, else
    the first of its summary, common goal or introduction (rich text as plain text)."""
    for name in DESCRIPTION_FIELDS:
        text = str(getattr(page, name, "") or "")
        if name in RICH_TEXT_FIELDS:
            text = html.unescape(strip_tags(text))
        if text.strip():
            return " ".join(text.split())[:300]
    return ""


def share_links(url, title):
    links = []
    for name in get_setting("SHARE_LINKS"):
        label, template = SHARE_SERVICES[name]
        query = urlencode({"subject": title, "body": url}, quote_via=quote)
        links.append(
            {
                "name": name,
                "label": label,
                "url": template.format(
                    url=quote(url, safe=""), title=quote(title, safe=""), query=query
                ),
            }
        )
    return links


def _organisation(site, request=None):
    if site is None:
        return None
    return {
        "@type": "GovernmentOrganization",
        "name": municipality_name(site),
        "url": site_url(site, request),
    }


def structured_data(page, url, site, request=None):
    """The schema.org description of an AVP page (its ``get_structured_data``), or None."""
    describe = getattr(page, "get_structured_data", None)
    if describe is None:
        return None
    common = {
        "@context": "https://schema.org",
        "name": page.title,
        "url": url,
        "inLanguage": page.locale.language_code,
    }
    description = description_of(page)
    if description:
        common["description"] = description
    return describe(common, _organisation(site, request))


def share_image(request):
    """The absolute URL of AVP_WAGTAIL["SHARE_IMAGE"], or ""."""
    image = get_setting("SHARE_IMAGE")
    if not image:
        return ""
    url = image if "://" in image else static(image)
    return request.build_absolute_uri(url) if request is not None else url


def sharing_context(page, request):
    """Everything the layout needs for meta tags, JSON-LD and share links.

    On a sub-URL that shows a page of its own (``core.i18n.own_page``: an idea under its
    plan) the URL is the sub-URL's and the page's JSON-LD is left out (it describes the
    page, not what the sub-URL shows); the view gives the title (:func:`describe`)."""
    site = site_of(page, request)
    url = full_url(page, request)
    subpath = subpage_path(page, request)
    if url and subpath:
        url += subpath
    title = page.seo_title or page.title
    return {
        "url": url,
        "title": title,
        "description": "" if subpath else description_of(page),
        "site_name": municipality_name(site),
        "locale": page.locale.language_code,
        "image": share_image(request),
        "structured_data": None if subpath else structured_data(page, url, site, request),
        "links": share_links(url, title),
    }


def describe(context, title, description=""):
    """What a sub-URL's view shows (``core.i18n.own_page``): its title and description in
    the meta tags, share links and the document's ``<title>`` (``avp_page_title``)."""
    sharing = context.get("avp_sharing")
    title = str(title)
    context["avp_page_title"] = title
    if not sharing:
        return
    description = " ".join(str(description or "").split())[:300]
    sharing.update(title=title, description=description, links=share_links(sharing["url"], title))


def add_sharing_context(page, request, context):
    """``avp_page_context`` hook: meta tags, JSON-LD and share links on every AVP page."""
    context["avp_sharing"] = sharing_context(page, request)
