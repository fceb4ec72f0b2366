"""Calendars (parsed back with icalendar) and RSS/Atom feeds (parsed as XML) (I2)."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar

from avp_wagtail.core.choices import MeetingKind
from avp_wagtail.models import AgendaItem, Milestone, ProgressUpdate
from tests.builders import make_item, make_meeting, make_plan, make_programme, publish
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def setup(home):
    programme = make_programme(home)
    plan = make_plan(programme)
    item = make_item(plan, 1, title="Paviljonid")
    item.milestones = [Milestone(title="Hange", due_date=datetime.date(2027, 3, 1))]
    item.progress_updates = [
        ProgressUpdate(title="Hange välja kuulutatud", date=TODAY, kind="progress")
    ]
    publish(item)
    past = make_meeting(programme, 1, -10, location="Vallamaja", summary="Arutasime.")
    past.agenda_items = [AgendaItem(title="Eelarve", decision="Kinnitati 50 000 eurot.")]
    publish(past)
    upcoming = make_meeting(
        programme,
        2,
        12,
        kind=MeetingKind.MONITORING,
        monitored_plan=plan,
        online_url="https://meet.example/x",
    )
    return programme, plan, item, past, upcoming


def test_plan_calendar_lists_meetings_and_milestones_with_stable_uids(client, setup):
    _programme, plan, _item, past, upcoming = setup
    hange = Milestone.objects.get(title="Hange")
    response = client.get(plan.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["version"]) == "2.0"
    assert calendar["prodid"]
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        f"avp-meeting-{past.pk}@testserver",
        f"avp-meeting-{upcoming.pk}@testserver",
        f"avp-milestone-{hange.pk}@testserver",
    }
    meeting = events[f"avp-meeting-{past.pk}@testserver"]
    assert str(meeting["summary"]) == past.title
    assert meeting.decoded("dtstart") == past.start.replace(microsecond=0)
    assert str(meeting["location"]) == "Vallamaja"
    # Absolute on the address the calendar was fetched at (not the Site record's localhost).
    assert str(meeting["url"]) == "http://testserver" + past.url
    milestone = events[f"avp-milestone-{hange.pk}@testserver"]
    assert milestone.decoded("dtstart") == datetime.date(2027, 3, 1)
    assert milestone.decoded("dtend") == datetime.date(2027, 3, 2)
    assert "Hange" in str(milestone["summary"])
    assert "Paviljonid" in str(milestone["summary"])
    # Moving the meeting keeps its UID: calendar apps update the entry.
    upcoming.start += datetime.timedelta(days=1)
    publish(upcoming)
    again = Calendar.from_ical(client.get(plan.url + "calendar/").content)
    assert {str(e["uid"]) for e in again.walk("VEVENT")} == set(events)


def test_programme_calendar_covers_all_plans(client, setup):
    programme, _plan, _item, _past, _upcoming = setup
    other = make_item(make_plan(programme, slug="plan-2"), 2)
    other.milestones = [Milestone(title="Teine", due_date=datetime.date(2027, 5, 1))]
    publish(other)
    calendar = Calendar.from_ical(client.get(programme.url + "calendar/").content)
    assert len(list(calendar.walk("VEVENT"))) == 4


def test_rss_feed(client, setup):
    _programme, plan, _item, past, upcoming = setup
    response = client.get(plan.url + "feed/rss/")
    assert response.status_code == 200
    assert "rss" in response["Content-Type"]
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == plan.title
    titles = [entry.findtext("title") for entry in channel.findall("item")]
    assert any("Hange välja kuulutatud" in t for t in titles)
    assert any(past.title in t for t in titles)
    assert any(upcoming.title in t for t in titles)
    assert any("Paviljonid" in t for t in titles)
    protocol = next(e for e in channel.findall("item") if past.title in e.findtext("title"))
    assert "Kinnitati 50 000 eurot." in protocol.findtext("description")
    guids = [entry.findtext("guid") for entry in channel.findall("item")]
    assert len(guids) == len(set(guids))


def test_feed_says_a_cancelled_action_is_not_counted(client, setup):
    """A cancelled action's progress counts nowhere (avp_wagtail.core.progress): the feed does
    not announce a percentage the plan page leaves out."""
    _programme, plan, item, _past, _upcoming = setup
    item = item.get_latest_revision_as_object()
    item.status, item.progress = "cancelled", 10
    item.progress_updates = []
    publish(item)
    response = client.get(plan.url + "feed/rss/")
    titles = [e.findtext("title") for e in ET.fromstring(response.content).iter("item")]
    (title,) = [t for t in titles if "Paviljonid" in t]
    assert "10%" not in title
    with translation.override("et"):  # the plan is in Estonian
        assert title == gettext("Action updated: %(title)s (%(status)s, not counted)") % {
            "title": "Paviljonid",
            "status": gettext("Cancelled"),
        }


def test_atom_feed(client, setup):
    programme, _plan, _item, _past, _upcoming = setup
    response = client.get(programme.url + "feed/atom/")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4  # the item, its update, two meetings
    assert all(entry.find(f"{ATOM}updated").text for entry in entries)
    # Its own address and every link are on the address it was fetched at (never the
    # sites framework's example.com, nor the Site record's localhost).
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"http://testserver{programme.url}feed/atom/"
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert len(links) == 6
    assert all(href.startswith("http://testserver/") for href in links)


def test_pages_link_their_feeds(client, setup):
    _programme, plan, *_ = setup
    html = client.get(plan.url).content.decode()
    assert f'href="{plan.url}feed/rss/"' in html
    assert f'href="{plan.url}calendar/"' in html
    assert 'type="application/atom+xml"' in html


def _build(programme, slug, n_items, updates_per_item):
    plan = make_plan(programme, slug=slug)
    for n in range(n_items):
        item = make_item(plan, n)
        item.milestones = [Milestone(title=f"M{n}", due_date=TODAY)]
        item.progress_updates = [
            ProgressUpdate(title=f"U{n}-{k}", date=TODAY - datetime.timedelta(days=k))
            for k in range(updates_per_item)
        ]
        publish(item)
    return plan


def test_feeds_of_200_entries_cost_the_same_queries_as_small_ones(client, home):
    programme = make_programme(home)
    for n in range(5):
        make_meeting(programme, n, n - 2)
    small = _build(programme, "small", 1, 1)
    large = _build(programme, "large", 40, 4)  # 40 items, 160 updates, 40 milestones
    for suffix in ("calendar/", "feed/rss/", "feed/atom/"):
        small_count, _ = page_queries(client, small.url + suffix)
        large_count, _ = page_queries(client, large.url + suffix)
        assert small_count == large_count, suffix
        assert large_count <= 15, suffix
