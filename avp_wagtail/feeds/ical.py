"""iCalendar (RFC 5545) feed of a plan or programme: meetings and milestone due dates.

UIDs are stable (derived from the object's id and the site's host), so a calendar app that
subscribed updates an entry when a meeting moves instead of adding a second one.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from avp_wagtail.core.sites import full_url
from avp_wagtail.feeds.sources import items_of, meetings_of, milestones_of

PRODID = "-//avp-wagtail//AVP KOV calendar//EN"


def _uid(kind, pk, request):
    return f"avp-{kind}-{pk}@{request.get_host().split(':')[0]}"


def meeting_event(meeting, request, stamp):
    event = Event()
    event.add("uid", _uid("meeting", meeting.pk, request))
    event.add("dtstamp", stamp)
    event.add("summary", meeting.title)
    event.add("dtstart", meeting.start)
    event.add("dtend", meeting.end or meeting.start + datetime.timedelta(hours=2))
    if meeting.location or meeting.online_url:
        event.add("location", meeting.location or meeting.online_url)
    event.add("url", full_url(meeting, request))
    if meeting.last_published_at:
        event.add("last-modified", meeting.last_published_at)
    description = meeting.summary or ""
    if meeting.online_url:
        description = f"{description}\n{meeting.online_url}".strip()
    if description:
        event.add("description", description)
    return event


def milestone_event(milestone, request, stamp):
    event = Event()
    event.add("uid", _uid("milestone", milestone.pk, request))
    event.add("dtstamp", stamp)
    event.add(
        "summary",
        _("Milestone: %(title)s (%(item)s)")
        % {"title": milestone.title, "item": milestone.page.title},
    )
    event.add("dtstart", milestone.due_date)  # a whole day
    event.add("dtend", milestone.due_date + datetime.timedelta(days=1))
    event.add("url", full_url(milestone.page, request))
    event.add("transp", "TRANSPARENT")
    return event


def build_calendar(page, request):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", page.title)
    stamp = timezone.now()
    for meeting in meetings_of(page, request):
        calendar.add_component(meeting_event(meeting, request, stamp))
    for milestone in milestones_of(items_of(page, request)):
        calendar.add_component(milestone_event(milestone, request, stamp))
    return calendar


def calendar_response(page, request):
    response = HttpResponse(build_calendar(page, request).to_ical(), content_type="text/calendar")
    response["Content-Disposition"] = f'inline; filename="{page.slug}.ics"'
    return response
