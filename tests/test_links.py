"""Links work on any host and port (issue 12, point 10).

The demo is built as ``scripts/demo.sh`` builds it for ``AVP_DEMO_ADDR=127.0.0.1:8123``
(two Wagtail sites, et/en/ru). Every live page of both sites is requested with the
site's own ``Host: host:8123``; every ``<a href>``, ``<link href>``, ``<form action>``,
``og:url`` and JSON-LD URL, and every link inside the calendars, RSS/Atom feeds and JSON/CSV
exports they lead to, is checked and followed: none leaves the installation's sites (no
``localhost`` on port 80, no ``example.com``), a link to another municipality goes to that
site's own address, feeds and documents use absolute URLs, and nothing is a 404 or 500.

The demo's own navigation is checked here too: its home page links the programme and the
network page in every language, and the network page shows the neighbouring municipality.
"""

import csv
import io
import json
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit
from xml.etree import ElementTree

import icalendar
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import timezone, translation
from wagtail.models import Page, Site

from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    MeetingProtocolPage,
    NetworkPage,
)
from demo.neighbour import NAME
from tests import linked_demo as fixtures
from tests.helpers import get_page, path_of
from tests.linked_demo import ADDRESS, PORT

pytestmark = pytest.mark.django_db
linked_demo_setup = fixtures.linked_demo_setup
linked_demo = fixtures.linked_demo
LANGUAGES = ("et", "en", "ru")

# Host names that mean "this installation" when they appear in a link.
LOCAL_HOSTNAMES = {"localhost", "127.0.0.1", "testserver", "example.com"}
ATOM = "{http://www.w3.org/2005/Atom}"


def _json_strings(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from _json_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _json_strings(value)
    elif isinstance(data, str):
        yield data


class _Links(HTMLParser):
    """(kind, url) of every link, form action, og:url and JSON-LD URL of an HTML text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(("a", attrs["href"]))
        elif tag == "link" and attrs.get("href"):
            self.links.append((f"link rel={attrs.get('rel')}", attrs["href"]))
        elif tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.links.append((f"form-{method}", attrs.get("action") or ""))
        elif tag == "meta" and attrs.get("property") == "og:url":
            self.links.append(("og:url", attrs.get("content", "")))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            for text in _json_strings(json.loads("".join(self._script))):
                if text.startswith(("http://", "https://", "/")):
                    self.links.append(("json-ld", text))
            self._script = None


def html_links(text):
    parser = _Links()
    parser.feed(text)
    return parser.links


def document_links(content_type, body):
    """(kind, url) of the links in a feed, calendar or open data document."""
    if "rss" in content_type:
        root = ElementTree.fromstring(body)
        links = [("rss link", el.text or "") for el in root.iter("link")]
        links += [("rss atom:link", el.get("href")) for el in root.iter(f"{ATOM}link")]
        return links
    if "atom" in content_type:
        root = ElementTree.fromstring(body)
        return [("atom link", el.get("href")) for el in root.iter(f"{ATOM}link")]
    if "calendar" in content_type:
        calendar = icalendar.Calendar.from_ical(body)
        return [("ical URL", str(event["url"])) for event in calendar.walk("VEVENT")]
    if "json" in content_type:
        links = []
        for text in _json_strings(json.loads(body)):
            if text.startswith(("http://", "https://", "/")):
                links.append(("json", text))
            elif "href=" in text:
                links += [("json rich text", url) for _kind, url in html_links(text)]
        return links
    if "csv" in content_type:
        rows = csv.reader(io.StringIO(body.decode("utf-8-sig")))
        return [("csv", cell) for row in rows for cell in row if cell.startswith("http")]
    return []


class Crawl:
    def __init__(self, client, sites):
        self.client = client
        self.netlocs = {f"{site.hostname}:{site.port}" for site in sites}
        self.hostnames = LOCAL_HOSTNAMES | {site.hostname for site in sites}
        self.queue = deque()
        self.seen = set()
        self.problems = []
        self.fetched = Counter()

    def problem(self, source, text):
        self.problems.append(f"{source}: {text}")

    def link(self, source, kind, url, absolute=False):
        """Check one link found at ``source`` and queue it when it is internal."""
        target = urljoin(source, url.strip())
        parts = urlsplit(target)
        if parts.scheme in ("mailto", "tel"):
            return
        if parts.hostname not in self.hostnames:
            # Another website (a share service, an organisation): the page address it
            # carries (?u=..., ?url=..., body=...) must be a working one.
            for _name, value in parse_qsl(parts.query):
                if value.startswith(("http://", "https://")):
                    self.link(source, f"{kind} (shared address)", value, absolute=True)
            return
        if absolute and not urlsplit(url).scheme:
            self.problem(source, f"{kind} {url!r} is not an absolute URL")
        if parts.netloc not in self.netlocs:
            self.problem(source, f"{kind} {url!r} leaves the sites {sorted(self.netlocs)}")
            return
        self.enqueue(target, kind, source)

    def enqueue(self, url, kind, source):
        parts = urlsplit(url)
        key = (parts.netloc, parts.path, parts.query, kind.startswith("form-post"))
        if key not in self.seen:
            self.seen.add(key)
            self.queue.append((url, kind, source))

    def run(self):
        while self.queue:
            self.visit(*self.queue.popleft())
        return self

    def visit(self, url, kind, source):
        parts = urlsplit(url)
        where = f"{url} ({kind} on {source})"
        if parts.path.startswith(settings.STATIC_URL):
            if not finders.find(parts.path[len(settings.STATIC_URL) :]):
                self.problem(source, f"{kind} {url!r}: no such static file")
            return
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = self.client.get(path, HTTP_HOST=parts.netloc)
        status = response.status_code
        self.fetched[response.get("Content-Type", "").split(";")[0]] += 1
        if status in (301, 302, 303, 307, 308):
            self.link(url, "redirect", response["Location"])
            return
        if kind.startswith("form-post") and status == 405:
            return  # a form that only accepts POST: the action exists
        if status != 200:
            self.problem(source, f"{kind} {url!r} answers {status}")
            return
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html"):
            for link_kind, link in html_links(response.content.decode()):
                if link.startswith("#"):
                    continue
                must = link_kind.startswith(("link rel=['canonical']", "og:url", "json-ld"))
                must = must or ("alternate" in link_kind and "hreflang" in link_kind)
                self.link(url, link_kind, link, absolute=must)
        else:
            for link_kind, link in document_links(content_type, response.content):
                self.link(url, f"{link_kind} in {where}", link, absolute=True)


@pytest.fixture
def sites(linked_demo):
    return list(Site.objects.select_related("root_page"))


def test_demo_sites_take_the_port_of_the_demo_address(sites, linked_demo_setup):
    assert {(site.hostname, site.port) for site in sites} == {
        ("127.0.0.1", PORT),
        ("naaber.localhost", PORT),
    }
    # What load_demo prints (scripts/demo.sh shows it) is where the pages are.
    output = linked_demo_setup[1]
    printed = [line.split(": ", 1)[1] for line in output.splitlines() if ": h" in line]
    assert f"http://{ADDRESS}/" in printed
    assert f"http://naaber.localhost:{PORT}/" in printed
    assert any(url.endswith("/vorgustik/") for url in printed)
    assert all(f":{PORT}/" in url for url in printed)


def test_every_link_of_both_sites_stays_on_the_host_and_port_and_works(client, sites):
    crawl = Crawl(client, sites)
    start = 0
    for site in sites:
        netloc = f"{site.hostname}:{site.port}"
        for root in site.root_page.get_translations(inclusive=True):
            for page in Page.objects.descendant_of(root, inclusive=True).live():
                url = page.get_full_url()
                assert urlsplit(url).netloc == netloc, url
                crawl.enqueue(url, "page", "the site's page tree")
                start += 1
    assert start >= 50  # both sites, three languages
    crawl.run()
    assert crawl.problems == [], "\n".join(crawl.problems)
    # The crawl reached the feeds, calendars and open data documents, too.
    for content_type in (
        "text/html",
        "application/rss+xml",
        "application/atom+xml",
        "text/calendar",
        "application/json",
        "text/csv",
    ):
        assert crawl.fetched[content_type], (content_type, crawl.fetched)


def test_a_page_served_under_another_address_keeps_the_reader_there(client, sites, linked_demo):
    """The request decides: AVP pages reached through another name of the default site (here
    "localhost:8123", not its 127.0.0.1) link, post forms and announce their feeds, open
    data and canonical address on that name (no absolute link to another host or port).

    (Not the home page: links inside rich text are Wagtail's, built without the request,
    so on an installation with several sites they are absolute on the page's Site.)"""
    host = f"localhost:{PORT}"
    checked = 0
    for programme in linked_demo.get_translations(inclusive=True):
        for page in Page.objects.descendant_of(programme, inclusive=True).live():
            checked += _links_stay_on(client, host, urlsplit(page.get_full_url()).path)
    assert checked > 1000


def _links_stay_on(client, host, path):
    checked = 0
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, path
    for kind, link in html_links(response.content.decode()):
        parts = urlsplit(urljoin(f"http://{host}{path}", link))
        if parts.hostname in LOCAL_HOSTNAMES:
            assert parts.netloc == host, (path, kind, link)
            checked += 1
    return checked


# The demo's navigation (issue 12, point 11): its home page links the programme and the
# network page in every language, and the network page shows the neighbouring municipality
# untranslated, in its own language. (Breadcrumbs and the programme's link to the network
# page are tested on built pages in tests/templatetags/test_navigation.py.)


def _get(client, page):
    """``page`` on its own site, which answers at the demo's port."""
    assert urlsplit(page.get_full_url()).port == PORT
    return get_page(client, page)


def _programme(demo, language):
    return demo.get_translations(inclusive=True).get(locale__language_code=language).specific


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_links_the_programme_and_the_network_page(client, linked_demo, language):
    programme = _programme(linked_demo, language)
    network = NetworkPage.objects.live().child_of(programme).get()
    home = _get(client, programme.get_parent())
    paths = {path for path, _attrs, _text in home.links}
    assert path_of(programme) in paths
    assert path_of(network) in paths


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_blocks_show_the_pages_in_the_home_pages_language(client, linked_demo, language):
    """The AVP blocks of a translated home page show the translated plan and the
    programme's upcoming meetings, as the programme page does (the blocks chose the
    Estonian pages)."""
    programme = _programme(linked_demo, language)
    plan = ActionPlanPage.objects.live().child_of(programme).first()
    home = _get(client, programme.get_parent())
    paths = {path for path, _attrs, _text in home.links}
    assert path_of(plan) in paths
    other_languages = plan.get_translations().live()
    assert not paths & {path_of(other) for other in other_languages}
    upcoming = (
        MeetingProtocolPage.objects.live().child_of(programme).filter(start__gte=timezone.now())
    )
    assert upcoming.exists()
    for meeting in upcoming:
        assert path_of(meeting) in paths, meeting.title


@pytest.mark.parametrize("language", ["en", "ru"])
def test_network_page_does_not_hide_the_untranslated_neighbour(client, linked_demo, language):
    network = NetworkPage.objects.live().child_of(_programme(linked_demo, language)).get()
    page = _get(client, network)
    assert NAME in page.html
    by_path = {path: (attrs, text) for path, attrs, text in page.links}
    # The neighbour's plan and actions exist only in Estonian: listed in Estonian, marked
    # as such (lang for screen readers, a note for everyone).
    neighbour_pages = Page.objects.live().filter(
        path__startswith=Page.objects.get(title=NAME, depth=2).path, depth__gt=3
    )
    assert neighbour_pages.count() == 3  # the plan, its own action and the borrowed one
    for neighbour_page in neighbour_pages:
        _attrs, text = by_path[path_of(neighbour_page)]
        assert text == neighbour_page.title
        # lang="et" on the link or on what wraps it in its list item / table row
        link = page.html.index(f'href="{neighbour_page.get_full_url()}"')
        before = page.html[:link]
        start = max(before.rfind("<li"), before.rfind("<th"))
        entry = page.html[start : page.html.index(">", link) + 1]  # up to the <a>'s end
        assert 'lang="et"' in entry, entry
    with translation.override(language):
        estonian = translation.get_language_info("et")["name_translated"]
    assert f"{str(estonian)[1:]})</small>" in page.html
    # Näidiku's own actions appear once, in the reader's language (not also in Estonian).
    translated = ActionItemPage.objects.live().filter(locale__language_code=language)
    assert translated.count() >= 8
    for item in translated:
        assert by_path[path_of(item)][1] == item.title
    estonian_items = ActionItemPage.objects.live().filter(
        locale__language_code="et", translation_key__in=translated.values("translation_key")
    )
    assert not any(path_of(item) in by_path for item in estonian_items)
    rows = page.html.count("<tr>") - 1  # minus the header row
    assert rows == translated.count() + 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_speaks_its_language_and_switches_languages(client, linked_demo, language):
    """The example site's own strings are translated and the home page offers the other
    language versions, as every AVP page does."""
    home_page = _programme(linked_demo, language).get_parent()
    home = _get(client, home_page)
    with translation.override(language):
        assert translation.gettext("Skip to content") in home.html
    switcher = {path for path, attrs, _text in home.links if attrs.get("hreflang")}
    others = {path_of(page) for page in home_page.get_translations().live()}
    assert len(others) == 2
    assert others <= switcher
