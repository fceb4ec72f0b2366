"""The network page lists the plans and actions of every opted-in municipality on the
installation (I3); two municipalities (two Wagtail sites) share one install."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from avp_wagtail.models import ActionItemPage, NetworkPage, OpenGovernmentPage
from tests.builders import make_item, make_plan, make_programme, make_site, publish
from tests.factories import (
    ActionItemPageFactory,
    ActionPlanPageFactory,
    NetworkPageFactory,
    OpenGovernmentPageFactory,
    PlanThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(home):
    """Two municipalities in the network, each with a plan: the home site's ("Näidiku vald",
    which has the network page) and a neighbour's on its own site, naaber.example."""
    Site.objects.filter(is_default_site=True).update(site_name="Näidiku vald")
    programme = OpenGovernmentPageFactory(parent=home, in_network=True)
    plan = ActionPlanPageFactory(
        parent=programme,
        title="Näidiku tegevuskava",
        themes=[PlanThemeFactory.build(title="Kaasamine"), PlanThemeFactory.build(title="Muu")],
    )
    together, other = plan.themes.all()
    for title, fields, tags in (
        ("Kaasav eelarve", {"status": "completed", "theme": together}, ["noored"]),
        ("Otseülekanded", {"ogp_civic_participation": True, "theme": other}, ["eelarve"]),
        ("Noortekogu", {"status": "in_progress", "ogp_civic_participation": True}, ["noored"]),
    ):
        ActionItemPageFactory(parent=plan, title=title, tags=tags, **fields)

    neighbour_site = make_site("naaber.example", title="Naabri vald")
    neighbour = OpenGovernmentPageFactory(
        parent=neighbour_site.root_page, slug="avatud-valitsemine", in_network=True
    )
    neighbour_plan = ActionPlanPageFactory(
        parent=neighbour,
        title="Naabri valla avatud valitsemise tegevuskava",
        slug="tegevuskava",
        themes=[PlanThemeFactory.build(title="Kaasamine")],
    )
    ActionItemPageFactory(
        parent=neighbour_plan,
        title="Külavanemate ümarlaud",
        status="in_progress",
        ogp_civic_participation=True,
        theme=neighbour_plan.themes.first(),
        tags=["külad"],
    )
    ActionItemPageFactory(parent=neighbour_plan, title="Valla info", status="completed")
    return NetworkPageFactory(parent=programme)


def _rows(html):
    table = html[html.index("<tbody>") : html.index("</tbody>")]
    return table.count("<tr>")


def test_network_page_lists_both_municipalities(client, network):
    html = client.get(network.url).content.decode()
    assert "Näidiku vald" in html
    assert "Naabri vald" in html
    assert "Naabri valla avatud valitsemise tegevuskava" in html
    # Links to the neighbour's pages are absolute: they live on its own site.
    assert 'href="http://naaber.example/et/avatud-valitsemine/tegevuskava/"' in html
    assert _rows(html) == ActionItemPage.objects.live().filter(locale__language_code="et").count()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=completed", {"status": "completed"}),
        ("ogp=civic_participation", {"ogp_civic_participation": True}),
        ("tag=noored", {"tagged_items__tag__slug": "noored"}),
        ("theme=Kaasamine", {"theme__title": "Kaasamine"}),
    ],
)
def test_network_filters(client, network, query, expected):
    html = client.get(f"{network.url}?{query}").content.decode()
    matching = ActionItemPage.objects.live().filter(locale__language_code="et", **expected)
    assert matching.exists()
    assert _rows(html) == matching.distinct().count()
    for item in matching:
        assert f">{item.title}</a>" in html


def test_a_programme_that_did_not_opt_in_is_not_listed(client, network):
    neighbour = OpenGovernmentPage.objects.get(slug="avatud-valitsemine")
    neighbour.in_network = False
    publish(neighbour)
    html = client.get(network.url).content.decode()
    assert "Naabri valla avatud valitsemise tegevuskava" not in html
    assert "Külavanemate ümarlaud" not in html


def test_an_invalid_filter_shows_no_actions_and_no_error(client, network):
    response = client.get(f"{network.url}?status=nonsense")
    assert response.status_code == 200
    assert "<tbody>" not in response.content.decode()


def test_network_page_queries_do_not_grow_with_actions(client, home):
    network = NetworkPage(title="Võrgustik", slug="vorgustik")
    programme = make_programme(home, in_network=True)
    programme.add_child(instance=network)
    publish(network)
    plan = make_plan(programme)
    other = make_plan(
        make_programme(make_site("naaber.example").root_page, in_network=True), slug="p2"
    )
    for page in (make_item(plan, 1), make_item(other, 1)):
        page.tags.add("t")
        publish(page)
    client.get(network.url)
    with CaptureQueriesContext(connection) as few:
        client.get(network.url)
    for n in range(2, 30):
        item = make_item(plan if n % 2 else other, n)
        item.tags.add(f"t{n}")
        publish(item)
    with CaptureQueriesContext(connection) as many:
        html = client.get(network.url).content.decode()
    assert _rows(html) == 30
    assert len(many) == len(few) <= 30
