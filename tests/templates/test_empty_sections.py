"""No heading is followed by nothing: a section whose content is empty is left out.

Each page type is built with only its required fields (and a few optional fields an editor
filled and then cleared), rendered, and every h2/h3/h4 on it must have something under it
before the next heading of the same or a higher level.
"""

import datetime

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from django.utils import timezone

from avp_wagtail.models import AgendaItem, NetworkPage
from tests.builders import make_call, make_item, make_meeting, make_plan, make_programme, publish

pytestmark = pytest.mark.django_db

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CONTENT_TAGS = ("input", "select", "textarea", "button", "img", "progress", "iframe", "video")


def _level(tag):
    return int(tag.name[1])


def empty_headings(html):
    """The text of every heading in the AVP content with nothing under it."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one(".avp")
    assert main is not None
    empty = []
    for heading in main.find_all(["h2", "h3", "h4"]):
        # Look inside the heading's own section when it opens one, else up to the end of
        # the AVP content.
        scope = heading.parent if heading.parent.name in ("section", "aside", "div") else main
        found = False
        for element in heading.next_elements:
            if isinstance(element, Tag):
                if element is scope or scope not in element.parents:
                    break  # left the section
                if element.name in HEADINGS and _level(element) <= _level(heading):
                    break
                if element.name in CONTENT_TAGS:
                    found = True
                    break
            elif isinstance(element, NavigableString):
                if heading in element.parents or scope not in element.parents:
                    continue
                if element.parent.name in HEADINGS:
                    continue
                if element.strip() and type(element) is NavigableString:
                    found = True
                    break
        if not found:
            empty.append(heading.get_text(" ", strip=True))
    return empty


def test_the_check_itself_finds_a_heading_with_nothing_under_it():
    html = (
        '<main class="avp"><section><h2>Who is behind the plan</h2><dl></dl></section>'
        "<section><h2>Filled</h2><p>Text</p></section></main>"
    )
    assert empty_headings(html) == ["Who is behind the plan"]


def test_pages_with_only_their_required_fields_show_no_empty_section(client, home):
    programme = make_programme(home)
    call = make_call(programme)
    plan = make_plan(programme, themes=())
    item = make_item(plan, 1)
    meeting = make_meeting(programme, 1, days_from_now=7)
    network = NetworkPage(title="Network", slug="network")
    programme.add_child(instance=network)
    publish(network)
    for page in (programme, call, plan, item, meeting, network):
        response = client.get(page.url)
        assert response.status_code == 200, page
        assert empty_headings(response.content.decode()) == [], page.specific_class.__name__


def test_who_is_behind_the_plan_is_left_out_when_no_role_is_filled(client, home):
    plan = make_plan(make_programme(home))
    html = client.get(plan.url).content.decode()
    assert 'id="avp-roles-heading"' not in html


def test_an_item_without_implementer_or_resources_has_no_such_sections(client, home):
    item = make_item(make_plan(make_programme(home)), 1)
    html = client.get(item.url).content.decode()
    assert 'id="avp-who-heading"' not in html
    assert 'id="avp-resources-heading"' not in html


def test_rich_text_an_editor_cleared_does_not_keep_its_heading(client, home):
    programme = make_programme(home, intro="<p></p>")
    call = make_call(
        programme,
        what_is_avp="<p><br/></p>",
        why_cooperate="<p>Because.</p>",
        benefits="<p> &nbsp; </p>",
    )
    html = client.get(call.url).content.decode()
    assert 'id="avp-what-heading"' not in html
    assert 'id="avp-benefits-heading"' not in html
    assert 'id="avp-why-heading"' in html
    assert empty_headings(html) == []
    assert empty_headings(client.get(programme.url).content.decode()) == []


def test_a_protocol_point_with_only_a_title_says_nothing_was_recorded(client, home):
    programme = make_programme(home)
    meeting = make_meeting(programme, 1, days_from_now=-7)
    meeting.agenda_items = [AgendaItem(title="Budget"), AgendaItem(title="Roads", decision="")]
    meeting.end = meeting.start + datetime.timedelta(hours=1)
    assert meeting.start < timezone.now()
    publish(meeting)
    html = client.get(meeting.url).content.decode()
    assert empty_headings(html) == []
