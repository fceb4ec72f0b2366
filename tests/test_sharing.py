"""Links shared on social media look right; pages describe themselves to search engines
(schema.org JSON-LD); share links are plain links; the plan prints cleanly (D4)."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.factories import (
    ActionItemPageFactory,
    ActionPlanPageFactory,
    CallToParticipatePageFactory,
    MeetingProtocolPageFactory,
    NetworkPageFactory,
    OpenGovernmentPageFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(db):
    """One published page of each AVP type, each with a text for its description."""
    programme = OpenGovernmentPageFactory(common_goal="Otsustame koos.")
    plan = ActionPlanPageFactory(parent=programme, summary="Kava kahe aasta tegevustega.")
    return {
        "programme": programme,
        "call": CallToParticipatePageFactory(parent=programme),
        "plan": plan,
        "item": ActionItemPageFactory(parent=plan),
        "meeting": MeetingProtocolPageFactory(
            parent=programme,
            location="Rahvamaja saal",
            organiser=OrganisationFactory(name="Vallavalitsus"),
            summary="Arutame kava seiret.",
        ),
        "network": NetworkPageFactory(parent=programme, intro="<p>Kõigi valdade kavad.</p>"),
    }


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.json_ld, self.scripts, self.links = {}, [], [], []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")
        if tag == "script":
            self.scripts.append(attrs)
            self._in_ld = attrs.get("type") == "application/ld+json"
        if tag == "link":
            self.links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(json.loads(data))


def _head(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    parser = _Head()
    parser.feed(response.content.decode())
    return parser


@pytest.mark.parametrize("kind", ["programme", "call", "plan", "item", "meeting", "network"])
def test_every_avp_page_has_open_graph_and_twitter_meta(client, pages, kind):
    page = pages[kind]
    head = _head(client, page)
    assert head.meta["og:title"] == page.title
    assert head.meta["og:url"].startswith("http")
    assert head.meta["og:url"].endswith(page.url)
    assert head.meta["og:description"]
    assert head.meta["og:locale"] == "et"
    assert head.meta["twitter:card"] == "summary"
    assert head.meta["twitter:title"] == page.title
    # No third-party scripts: the only <script> elements are JSON-LD data.
    assert all(s.get("type") == "application/ld+json" for s in head.scripts)
    assert not any("src" in s for s in head.scripts)


def test_share_image_is_optional_and_absolute(client, pages, settings):
    plan = pages["plan"]
    assert "og:image" not in _head(client, plan).meta
    settings.AVP_WAGTAIL = {"SHARE_IMAGE": "avp_wagtail/css/avp_wagtail.css"}  # any static file
    meta = _head(client, plan).meta
    assert meta["og:image"] == "http://testserver/static/avp_wagtail/css/avp_wagtail.css"
    assert meta["twitter:image"] == meta["og:image"]
    settings.AVP_WAGTAIL = {"SHARE_IMAGE": "https://naidiku.example/vapp.png"}
    assert _head(client, plan).meta["og:image"] == "https://naidiku.example/vapp.png"


def test_meeting_is_a_schema_org_event(client, pages):
    meeting = pages["meeting"]
    (event,) = _head(client, meeting).json_ld
    assert event["@context"] == "https://schema.org"
    assert event["@type"] == "Event"
    assert event["name"] == meeting.title
    assert event["startDate"] == meeting.start.isoformat()
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    locations = event["location"] if isinstance(event["location"], list) else [event["location"]]
    assert {"@type": "Place", "name": meeting.location, "address": meeting.location} in locations
    assert event["organizer"]["name"]
    assert event["inLanguage"] == "et"


def test_online_meeting_has_a_virtual_location(client, pages):
    meeting = pages["meeting"]
    meeting.location, meeting.online_url = "", "https://meet.example/avp"
    meeting.save()
    (event,) = _head(client, meeting).json_ld
    assert event["location"] == {"@type": "VirtualLocation", "url": "https://meet.example/avp"}
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_programme_and_plan_describe_the_municipality_and_the_plan(client, pages):
    (programme,) = _head(client, pages["programme"]).json_ld
    assert programme["about"]["@type"] == "GovernmentOrganization"
    plan = pages["plan"]
    (data,) = _head(client, plan).json_ld
    assert data["@type"] == "CreativeWork"
    assert data["temporalCoverage"] == f"{plan.start_date}/{plan.end_date}"
    assert data["publisher"]["@type"] == "GovernmentOrganization"


def test_json_ld_cannot_break_out_of_its_script_element(client, pages):
    plan = pages["plan"]
    plan.summary = "</script><script>alert(1)</script> & more"
    plan.save()
    html = client.get(plan.url).content.decode()
    assert "<script>alert(1)" not in html
    (data,) = _head(client, plan).json_ld
    assert data["description"].startswith("</script><script>alert(1)</script> & more")


def test_share_links_are_plain_links_and_configurable(client, pages, settings):
    plan = pages["plan"]
    html = client.get(plan.url).content.decode()
    share = re.search(r'<section class="avp-share".*?</section>', html, re.S).group(0)
    hrefs = re.findall(r'href="([^"]+)"', share)
    assert hrefs[0].startswith("mailto:?subject=")
    assert any(h.startswith("https://www.facebook.com/sharer/sharer.php?u=http") for h in hrefs)
    settings.AVP_WAGTAIL = {"SHARE_LINKS": []}
    assert 'class="avp-share"' not in client.get(plan.url).content.decode()


def test_plan_links_a_print_stylesheet_for_a4(client, pages):
    plan = pages["plan"]
    head = _head(client, plan)
    (link,) = [link for link in head.links if link.get("media") == "print"]
    assert link["href"].endswith("avp_wagtail/css/avp_wagtail_print.css")
    css = Path(finders.find("avp_wagtail/css/avp_wagtail_print.css")).read_text(encoding="utf-8")
    assert "size: A4" in css
    assert 'content: " <" attr(href) ">"' in css  # addresses of links are printed
    assert "nav," in css  # the host's navigation is not
