"""Feeds show text as text (issue 13, point 8) and link to the page's own site (point 12).

An RSS ``<description>`` and an Atom ``<summary type="html">`` are HTML once the XML is
decoded: a plain-text field holding markup must arrive there escaped, so that a feed reader
shows it instead of running it; rich text goes through Wagtail's rendering. The calendar
(plain text by definition), the JSON-LD and the meta tags keep it text too.
"""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Site

from avp_wagtail.models import AgendaItem, ProgressUpdate
from tests.builders import make_item, make_meeting, make_plan, make_programme, make_site, publish

pytestmark = pytest.mark.django_db

HOSTILE = "<img src=x onerror=alert(1)>"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def hostile(home):
    programme = make_programme(home)
    plan = make_plan(programme)
    item = make_item(plan, 1, title="Paviljonid", summary=HOSTILE)
    item.progress_updates = [
        ProgressUpdate(title="Hange", text=f"{HOSTILE}\nteine rida", date=timezone.localdate())
    ]
    publish(item)
    past = make_meeting(programme, 1, -3, title="Protokolliga", summary=HOSTILE)
    past.agenda_items = [
        AgendaItem(
            title=HOSTILE,
            decision=f'<p>Kinnitati <a linktype="page" id="{item.pk}">paviljonid</a>.</p>',
        )
    ]
    publish(past)
    make_meeting(programme, 2, 5, title="Tulemas", summary=HOSTILE)
    return programme, plan, item


def _rss_descriptions(content):
    root = ET.fromstring(content)
    return {
        entry.findtext("title"): entry.findtext("description") or "" for entry in root.iter("item")
    }


def _atom_summaries(content):
    root = ET.fromstring(content)
    summaries = {}
    for entry in root.iter(f"{ATOM}entry"):
        summary = entry.find(f"{ATOM}summary")
        assert summary is None or summary.get("type") == "html"
        summaries[entry.findtext(f"{ATOM}title")] = summary.text if summary is not None else ""
    return summaries


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_descriptions_escape_plain_text(client, hostile, kind):
    programme, _plan, item = hostile
    response = client.get(programme.url + f"feed/{kind}/")
    assert response.status_code == 200
    texts = (_rss_descriptions if kind == "rss" else _atom_summaries)(response.content)
    assert len(texts) == 4  # the action, its update, the protocol and the announcement
    for title, html in texts.items():
        # Decoded from the XML, the description is HTML showing the markup as text.
        assert "<img" not in html, title
        assert ESCAPED in html, title
    update = next(html for title, html in texts.items() if "Hange" in title)
    assert "<br>" in update  # its lines kept
    protocol = next(html for title, html in texts.items() if "Protokolliga" in title)
    # The decision's rich text rendered by Wagtail: its page link is a real, absolute link.
    assert f'<a href="http://testserver{item.url}">paviljonid</a>' in protocol
    assert "linktype" not in protocol


def test_calendar_json_ld_and_meta_keep_the_text_as_text(client, hostile):
    _programme, plan, item = hostile
    calendar = Calendar.from_ical(client.get(plan.url + "calendar/").content)
    descriptions = [str(event["description"]) for event in calendar.walk("VEVENT")]
    assert HOSTILE in descriptions  # text/calendar is plain text: the text as typed
    html = client.get(item.url).content.decode()
    assert HOSTILE not in html  # not in the page, its meta tags nor its JSON-LD
    assert f'content="{ESCAPED}"' in html  # og:description, escaped as an attribute


def _municipality(root, name):
    programme = make_programme(root, title=f"Avatud valitsemine {name}")
    plan = make_plan(programme, title=f"Kava {name}")
    item = make_item(plan, 1, title=f"Tegevus {name}")
    item.progress_updates = [ProgressUpdate(title="Uudis", date=timezone.localdate())]
    publish(item)
    make_meeting(programme, 1, 4, title=f"Koosolek {name}")
    return programme, plan, item


def _outputs(programme, plan, item):
    return [
        programme.url + "feed/rss/",
        programme.url + "feed/atom/",
        programme.url + "calendar/",
        plan.url + "feed/rss/",
        plan.url + "feed/atom/",
        plan.url + "calendar/",
        plan.url + "open-data/json/",
        plan.url + "open-data/csv/",
        item.url + "open-data/json/",
    ]


def _get(client, url, host):
    """``url`` is absolute (several sites) or a path (one site)."""
    if "://" in url:
        scheme_host, path = url.split("://", 1)[1].split("/", 1)
        return client.get("/" + path, HTTP_HOST=scheme_host)
    return client.get(url, HTTP_HOST=host)


def test_no_output_says_example_com_on_a_single_site_with_a_real_hostname(client, home):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "naidiku.ee", 80
    site.save()
    pages = _municipality(home, "Näidiku")
    for url in _outputs(*pages):
        response = _get(client, url, "naidiku.ee")
        body = response.content.decode("utf-8-sig")
        assert response.status_code == 200, url
        assert "example.com" not in body, url
        assert "http://naidiku.ee/" in body, url


def test_no_output_says_example_com_on_a_multi_site_install(client, home):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "naidiku.ee", 80
    site.save()
    ours = _municipality(home, "Näidiku")
    neighbour = make_site("naabri.ee")
    theirs = _municipality(neighbour.root_page, "Naabri")
    for pages, host in ((ours, "naidiku.ee"), (theirs, "naabri.ee")):
        for url in _outputs(*pages):
            response = _get(client, url, host)
            body = response.content.decode("utf-8-sig")
            assert response.status_code == 200, url
            assert "example.com" not in body, url
            assert f"http://{host}/" in body, url
    # Atom's self link: the feed's own address on its own site.
    atom = ET.fromstring(_get(client, theirs[0].url + "feed/atom/", "naabri.ee").content)
    links = {link.get("rel"): link.get("href") for link in atom.findall(f"{ATOM}link")}
    assert links["self"] == theirs[0].url + "feed/atom/"
    assert links["self"].startswith("http://naabri.ee/")
