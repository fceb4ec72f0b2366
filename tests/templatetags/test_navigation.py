"""A resident can find the programme (issue 12, point 11): breadcrumbs lead from every AVP
page up through the programme, in every language, and the programme links the network page
(when its site has one).

The demo's home page and its neighbouring municipality are tested with the demo's links, in
tests/test_links.py."""

import pytest

from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    NetworkPage,
    OpenGovernmentPage,
)
from tests.builders import make_site
from tests.factories import OpenGovernmentPageFactory, translated_programme
from tests.helpers import get_page, path_of, rolled_back

pytestmark = pytest.mark.django_db
LANGUAGES = ("et", "en", "ru")


@pytest.fixture(scope="module")
def _programme_pk(django_db_setup, django_db_blocker):
    """A programme with every page type in Estonian, English and Russian, built once per
    module (``rolled_back``)."""
    with rolled_back(django_db_blocker):
        yield translated_programme().pk


@pytest.fixture
def programme(_programme_pk, db):
    """The Estonian programme (see ``_programme_pk``)."""
    return OpenGovernmentPage.objects.get(pk=_programme_pk)


def _programme(programme, language):
    return programme.get_translations(inclusive=True).get(locale__language_code=language).specific


@pytest.mark.parametrize("language", LANGUAGES)
def test_breadcrumbs_lead_up_through_the_programme(client, programme, language):
    programme = _programme(programme, language)
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
        nav = get_page(client, page).breadcrumbs
        assert nav is not None, name
        assert nav["attrs"].get("aria-label"), name  # a named navigation landmark
        paths = [path for path, _attrs, _text in nav["links"]]
        assert paths == [path_of(p) for p in [*above, page]], name
        *up, current = nav["links"]
        assert current[1].get("aria-current") == "page", name
        assert current[2] == page.title
        assert all("aria-current" not in attrs for _path_, attrs, _text in up), name
        assert [text for _path_, _attrs, text in up] == [p.title for p in above], name


@pytest.mark.parametrize("language", LANGUAGES)
def test_programme_page_links_the_network_page(client, programme, language):
    programme = _programme(programme, language)
    network = NetworkPage.objects.live().child_of(programme).get()
    links = get_page(client, programme).links
    assert (path_of(network), network.title) in {(path, text) for path, _attrs, text in links}


def test_programme_without_a_network_page_links_none(client, programme):
    """A neighbouring municipality on its own site, which has no network page of its own
    (this site's programme, which has one, links it)."""
    neighbour = OpenGovernmentPageFactory(
        parent=make_site("naaber.example", title="Naabri vald").root_page, in_network=True
    )
    html = get_page(client, neighbour).html
    assert 'id="avp-network-heading"' not in html
    assert not NetworkPage.objects.live().descendant_of(neighbour.get_parent()).exists()
    assert 'id="avp-network-heading"' in get_page(client, programme).html
