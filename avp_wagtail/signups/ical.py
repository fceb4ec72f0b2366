"""The calendar entry attached to a sign-up's confirmation: the meeting as an iCalendar
event, with the UID of the plan's and programme's calendar feeds (``feeds.ical``), so a
calendar that has both shows one entry."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlsplit

from django.utils import timezone
from icalendar import Calendar, Event

from avp_wagtail.feeds.ical import PRODID


def meeting_calendar(meeting: Any) -> bytes:
    url = meeting.get_full_url() or ""
    host = urlsplit(url).hostname or "localhost"
    event = Event()
    event.add("uid", f"avp-meeting-{meeting.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("summary", meeting.title)
    event.add("dtstart", meeting.start)
    event.add("dtend", meeting.end or meeting.start + datetime.timedelta(hours=2))
    if meeting.location or meeting.online_url:
        event.add("location", meeting.location or meeting.online_url)
    if url:
        event.add("url", url)
    description = "\n".join(part for part in (meeting.summary, meeting.online_url, url) if part)
    if description:
        event.add("description", description)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return calendar.to_ical()
