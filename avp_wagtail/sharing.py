"""What an AVP page tells the outside world (D4): Open Graph / Twitter card meta tags,
schema.org JSON-LD, and plain share links (no third-party scripts)."""

import html
from urllib.parse import quote, urlencode

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from .conf import get_setting
from .sites import full_url, municipality_name, site_of, site_url

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


def _place(meeting):
    locations = []
    if meeting.location:
        locations.append({"@type": "Place", "name": meeting.location, "address": meeting.location})
    if meeting.online_url:
        locations.append({"@type": "VirtualLocation", "url": meeting.online_url})
    return locations


def structured_data(page, url, site, request=None):
    """The schema.org description of an AVP page, or None for page types without one."""
    from .models import (
        ActionItemPage,
        ActionPlanPage,
        MeetingProtocolPage,
        OpenGovernmentPage,
    )

    language = page.locale.language_code
    publisher = _organisation(site, request)
    common = {
        "@context": "https://schema.org",
        "name": page.title,
        "url": url,
        "inLanguage": language,
    }
    description = description_of(page)
    if description:
        common["description"] = description
    if isinstance(page, MeetingProtocolPage):
        locations = _place(page)
        if page.location and page.online_url:
            mode = "MixedEventAttendanceMode"
        elif page.online_url:
            mode = "OnlineEventAttendanceMode"
        else:
            mode = "OfflineEventAttendanceMode"
        data = {
            **common,
            "@type": "Event",
            "startDate": page.start.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": f"https://schema.org/{mode}",
        }
        if page.end:
            data["endDate"] = page.end.isoformat()
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        organiser = page.organiser
        if organiser is not None:
            data["organizer"] = {"@type": "Organization", "name": organiser.name}
            if organiser.website:
                data["organizer"]["url"] = organiser.website
        elif publisher:
            data["organizer"] = publisher
        return data
    if isinstance(page, OpenGovernmentPage):
        return {**common, "@type": "WebPage", "about": publisher, "publisher": publisher}
    if isinstance(page, ActionPlanPage):
        data = {
            **common,
            "@type": "CreativeWork",
            "genre": str(_("action plan")),
            "temporalCoverage": f"{page.start_date.isoformat()}/{page.end_date.isoformat()}",
            "creativeWorkStatus": str(page.get_status_display()),
            "publisher": publisher,
        }
        if page.adoption_date:
            data["datePublished"] = page.adoption_date.isoformat()
        return data
    if isinstance(page, ActionItemPage):
        data = {
            **common,
            "@type": "CreativeWork",
            "genre": str(_("action item")),
            "creativeWorkStatus": str(page.get_status_display()),
            "publisher": publisher,
        }
        if page.adapted_from_url:
            data["isBasedOn"] = page.adapted_from_url
        return data
    return None


def share_image(request):
    """The absolute URL of AVP_WAGTAIL["SHARE_IMAGE"], or ""."""
    from django.templatetags.static import static

    image = get_setting("SHARE_IMAGE")
    if not image:
        return ""
    url = image if "://" in image else static(image)
    return request.build_absolute_uri(url) if request is not None else url


def sharing_context(page, request):
    """Everything the layout needs for meta tags, JSON-LD and share links."""
    site = site_of(page, request)
    url = full_url(page, request)
    title = page.seo_title or page.title
    return {
        "url": url,
        "title": title,
        "description": description_of(page),
        "site_name": municipality_name(site),
        "locale": page.locale.language_code,
        "image": share_image(request),
        "structured_data": structured_data(page, url, site, request),
        "links": share_links(url, title),
    }
