"""RSS 2.0 and Atom feeds of a plan or programme (Django's syndication framework, I2):
changed action items, progress updates, meeting announcements and protocols with their
decisions, newest first.

An entry's description is HTML (RSS ``<description>``, Atom ``<summary type="html">``):
plain-text fields (summaries, update texts) are escaped into paragraphs, so whatever a
summary holds is shown as text, never run as markup; rich-text fields (decisions) go
through Wagtail's rich-text rendering with their links made absolute."""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from avp_wagtail.conf import get_setting
from avp_wagtail.core.progress import counted_progress
from avp_wagtail.core.sites import full_url
from avp_wagtail.feeds.sources import items_of, meetings_of, updates_of
from avp_wagtail.open_data.export import rich_texts_html


@dataclass
class Entry:
    guid: str
    title: str
    link: str
    description: str
    date: datetime.datetime


def _midday(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12)))


def text_html(text):
    """A plain-text field as HTML: escaped, its paragraphs and line breaks kept."""
    return linebreaks(text, autoescape=True) if text and text.strip() else ""


def _decisions_html(meetings, request):
    """Agenda point -> its title and decision as HTML, for the meetings' decided points;
    their rich text rendered together (a fixed number of queries)."""
    points = [
        point for meeting in meetings for point in meeting.agenda_items.all() if point.decision
    ]
    base = request.build_absolute_uri("/").rstrip("/") if request is not None else ""
    decisions = rich_texts_html([point.decision for point in points], base)
    return {
        # The decision is HTML from Wagtail's rich-text rendering; the title is text.
        point.pk: format_html(
            "<p><strong>{}</strong></p>{}",
            point.title,
            mark_safe(decision),  # noqa: S308 (Wagtail's rich-text HTML)
        )
        for point, decision in zip(points, decisions, strict=True)
    }


def _entry_title(item):
    """A changed action's title with its status and, unless cancelled (not counted, as on the
    plan page), its progress."""
    if counted_progress(item) is None:
        return _("Action updated: %(title)s (%(status)s, not counted)") % {
            "title": item.title,
            "status": item.get_status_display(),
        }
    return _("Action updated: %(title)s (%(status)s, %(progress)s%%)") % {
        "title": item.title,
        "status": item.get_status_display(),
        "progress": item.progress,
    }


def entries(page, request):
    """The feed's entries in three queries (items, updates, meetings with agenda items)."""
    limit = get_setting("FEED_ENTRIES")
    items = items_of(page, request)
    result = []
    for item in items:
        if item.last_published_at:
            result.append(
                Entry(
                    guid=f"item-{item.pk}-{int(item.last_published_at.timestamp())}",
                    title=_entry_title(item),
                    link=full_url(item, request),
                    description=text_html(item.summary),
                    date=item.last_published_at,
                )
            )
    for update in updates_of(items, limit):
        result.append(
            Entry(
                guid=f"update-{update.pk}",
                title=f"{update.get_kind_display()}: {update.title} ({update.page.title})",
                link=f"{full_url(update.page, request)}#avp-update-{update.pk}",
                description=text_html(update.text),
                date=_midday(update.date),
            )
        )
    now = timezone.now()
    meetings = meetings_of(page, request)
    decisions = _decisions_html([m for m in meetings if m.start < now], request)
    for meeting in meetings:
        if meeting.start >= now:
            title = _("Meeting announced: %(title)s") % {"title": meeting.title}
            description = text_html(meeting.summary)
            date = meeting.first_published_at or meeting.start
            kind = "announcement"
        else:
            title = _("Meeting protocol: %(title)s") % {"title": meeting.title}
            decided = [
                decisions[point.pk] for point in meeting.agenda_items.all() if point.decision
            ]
            description = "".join([text_html(meeting.summary), *decided])
            date = meeting.last_published_at or meeting.start
            kind = "protocol"
        result.append(
            Entry(
                guid=f"meeting-{meeting.pk}-{kind}",
                title=title,
                link=full_url(meeting, request),
                description=description,
                date=date,
            )
        )
    result.sort(key=lambda entry: entry.date, reverse=True)
    return result[:limit]


class PageNewsFeed(Feed):
    feed_type = Rss201rev2Feed
    route_name = "rss"  # the page's sub-URL serving this feed (routes.py)

    def __init__(self, page):
        super().__init__()
        self.page = page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def title(self, page):
        return page.title

    def link(self, page):
        return full_url(page, self.request)

    def feed_url(self, page):
        """The feed's own address (Atom ``rel="self"``), on the page's site; Django would
        otherwise build it from the sites framework's domain (``example.com``)."""
        return full_url(page, self.request) + page.reverse_subpage(self.route_name)

    def description(self, page):
        return _("News of %(title)s: actions, progress updates and meetings.") % {
            "title": page.title
        }

    def items(self, page):
        return entries(page, self.request)

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_description(self, entry):
        return entry.description

    def item_guid(self, entry):
        return entry.guid

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.date

    def item_updateddate(self, entry):
        return entry.date


class PageAtomFeed(PageNewsFeed):
    feed_type = Atom1Feed
    route_name = "atom"
    subtitle = PageNewsFeed.description
