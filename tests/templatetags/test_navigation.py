"""A resident can find the programme (issue 12, point 11): the home page links the
programme and the network page, breadcrumbs lead from every AVP page up through the
programme, the programme links the network page, and the network page shows the
neighbouring municipality in every language (untranslated, in its own language)."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.utils import timezone, translation
from wagtail.models import Page

from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    NetworkPage,
    OpenGovernmentPage,
)
from demo.neighbour import NAME
from tests import linked_demo as fixtures
from tests.linked_demo import PORT

pytestmark = pytest.mark.django_db
linked_demo_setup = fixtures.linked_demo_setup
linked_demo = fixtures.linked_demo
LANGUAGES = ("et", "en", "ru")


class _Page(HTMLParser):
    """The links of a page, and the breadcrumb nav's links with their attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []  # (href, attrs, text)
        self.breadcrumbs = None  # the nav's attrs and links
        self._nav = None
        self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and "avp-breadcrumbs" in (attrs.get("class") or ""):
            self._nav = {"attrs": attrs, "links": []}
        elif tag == "a" and attrs.get("href") is not None:
            self._link = [attrs["href"], attrs, ""]

    def handle_data(self, data):
        if self._link is not None:
            self._link[2] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            href, attrs, text = self._link
            link = (urlsplit(href).path, attrs, " ".join(text.split()))
            self.links.append(link)
            if self._nav is not None:
                self._nav["links"].append(link)
            self._link = None
        elif tag == "nav" and self._nav is not None:
            self.breadcrumbs = self._nav
            self._nav = None


def _get(client, page):
    url = urlsplit(page.get_full_url())  # on the page's own site
    assert url.port == PORT
    response = client.get(url.path, HTTP_HOST=url.netloc)
    assert response.status_code == 200, page.url
    parsed = _Page()
    parsed.feed(response.content.decode())
    parsed.html = response.content.decode()
    return parsed


def _path(page):
    return urlsplit(page.get_full_url()).path


def _in(language, model, **filters):
    return model.objects.live().get(locale__language_code=language, **filters)


def _programme(demo, language):
    return demo.get_translations(inclusive=True).get(locale__language_code=language).specific


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_links_the_programme_and_the_network_page(client, linked_demo, language):
    programme = _programme(linked_demo, language)
    network = NetworkPage.objects.live().child_of(programme).get()
    home = _get(client, programme.get_parent())
    paths = {path for path, _attrs, _text in home.links}
    assert _path(programme) in paths
    assert _path(network) in paths


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_blocks_show_the_pages_in_the_home_pages_language(client, linked_demo, language):
    """The AVP blocks of a translated home page show the translated plan and the
    programme's upcoming meetings, as the programme page does (the blocks chose the
    Estonian pages)."""
    programme = _programme(linked_demo, language)
    plan = ActionPlanPage.objects.live().child_of(programme).first()
    home = _get(client, programme.get_parent())
    paths = {path for path, _attrs, _text in home.links}
    assert _path(plan) in paths
    other_languages = plan.get_translations().live()
    assert not paths & {_path(other) for other in other_languages}
    upcoming = (
        MeetingProtocolPage.objects.live().child_of(programme).filter(start__gte=timezone.now())
    )
    assert upcoming.exists()
    for meeting in upcoming:
        assert _path(meeting) in paths, meeting.title


@pytest.mark.parametrize("language", LANGUAGES)
def test_breadcrumbs_lead_up_through_the_programme(client, linked_demo, language):
    programme = _programme(linked_demo, language)
    plan = ActionPlanPage.objects.live().child_of(programme).get()
    home = programme.get_parent()
    pages = {
        "item": (ActionItemPage.objects.live().child_of(plan).first(), [home, programme, plan]),
        "plan": (plan, [home, programme]),
        "meeting": (MeetingProtocolPage.objects.live().child_of(programme).first(), None),
        "call": (CallToParticipatePage.objects.live().child_of(programme).first(), None),
        "network": (NetworkPage.objects.live().child_of(programme).first(), None),
    }
    for name, (page, above) in pages.items():
        above = above or [home, programme]
        nav = _get(client, page).breadcrumbs
        assert nav is not None, name
        assert nav["attrs"].get("aria-label"), name  # a named navigation landmark
        paths = [path for path, _attrs, _text in nav["links"]]
        assert paths == [_path(p) for p in [*above, page]], name
        *up, current = nav["links"]
        assert current[1].get("aria-current") == "page", name
        assert current[2] == page.title
        assert all("aria-current" not in attrs for _path_, attrs, _text in up), name
        assert [text for _path_, _attrs, text in up] == [p.title for p in above], name


@pytest.mark.parametrize("language", LANGUAGES)
def test_programme_page_links_the_network_page(client, linked_demo, language):
    programme = _programme(linked_demo, language)
    network = NetworkPage.objects.live().child_of(programme).get()
    links = _get(client, programme).links
    assert (_path(network), network.title) in {(path, text) for path, _attrs, text in links}


def test_programme_without_a_network_page_links_none(client, linked_demo):
    neighbour = OpenGovernmentPage.objects.live().get(title__contains="Naabri")
    html = _get(client, neighbour).html
    # The neighbour's site has no network page of its own.
    assert 'id="avp-network-heading"' not in html
    assert not NetworkPage.objects.live().descendant_of(neighbour.get_parent()).exists()


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
        _attrs, text = by_path[_path(neighbour_page)]
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
        assert by_path[_path(item)][1] == item.title
    estonian_items = ActionItemPage.objects.live().filter(
        locale__language_code="et", translation_key__in=translated.values("translation_key")
    )
    assert not any(_path(item) in by_path for item in estonian_items)
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
    others = {_path(page) for page in home_page.get_translations().live()}
    assert len(others) == 2
    assert others <= switcher
