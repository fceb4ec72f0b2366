"""The network page lists the plans and actions of every opted-in municipality on the
installation (I3), and the demo runs two municipalities on one install."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from avp_wagtail.models import ActionItemPage, ActionPlanPage, NetworkPage, OpenGovernmentPage
from demo.builder import build_demo
from demo.neighbour import HOSTNAME, NAME
from tests.builders import make_item, make_plan, make_programme, make_site, publish

pytestmark = pytest.mark.django_db
# build_demo() without an address: the neighbour's site has the default site's port (80).
NEIGHBOUR = {"HTTP_HOST": HOSTNAME}


@pytest.fixture
def network_demo(db):
    build_demo(translate=False, neighbour=True)
    return NetworkPage.objects.get()


def _rows(html):
    table = html[html.index("<tbody>") : html.index("</tbody>")]
    return table.count("<tr>")


def test_network_page_lists_both_municipalities(client, network_demo):
    html = client.get(network_demo.url).content.decode()
    assert "Näidiku vald" in html and NAME in html
    assert "Naabri valla avatud valitsemise tegevuskava" in html
    # Links to the neighbour's pages are absolute: they live on its own site.
    assert f'href="http://{HOSTNAME}/et/avatud-valitsemine/tegevuskava/"' in html
    assert _rows(html) == ActionItemPage.objects.live().filter(locale__language_code="et").count()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("status=completed", {"status": "completed"}),
        ("ogp=civic_participation", {"ogp_civic_participation": True}),
        ("tag=noored", {"tagged_items__tag__slug": "noored"}),
        ("theme=Kaasamine", {"theme__title": "Kaasamine"}),
    ],
)
def test_network_filters(client, network_demo, query, expected):
    html = client.get(f"{network_demo.url}?{query}").content.decode()
    matching = ActionItemPage.objects.live().filter(locale__language_code="et", **expected)
    assert matching.exists()
    assert _rows(html) == matching.distinct().count()
    for item in matching:
        assert f">{item.title}</a>" in html


def test_a_programme_that_did_not_opt_in_is_not_listed(client, network_demo):
    neighbour = OpenGovernmentPage.objects.get(title__contains="Naabri")
    neighbour.in_network = False
    publish(neighbour)
    html = client.get(network_demo.url).content.decode()
    assert "Naabri valla avatud valitsemise tegevuskava" not in html
    assert "Külavanemate ümarlaud" not in html


def test_an_invalid_filter_shows_no_actions_and_no_error(client, network_demo):
    response = client.get(f"{network_demo.url}?status=nonsense")
    assert response.status_code == 200
    assert "<tbody>" not in response.content.decode()


def test_neighbour_site_shows_its_own_plan_with_the_borrowed_action(client, network_demo):
    plan = ActionPlanPage.objects.get(title__contains="Naabri")
    html = client.get("/et/avatud-valitsemine/tegevuskava/", **NEIGHBOUR).content.decode()
    assert "Külavanemate ümarlaud" in html and "Eelarve lihtsas keeles" in html
    assert "Kaasava eelarve menetlus" not in html  # Näidiku's own action stays at home
    borrowed = ActionItemPage.objects.child_of(plan).get(title="Eelarve lihtsas keeles")
    assert borrowed.adapted_from_municipality == "Näidiku vald"
    export = client.get("/et/avatud-valitsemine/tegevuskava/open-data/json/", **NEIGHBOUR).json()
    assert export["publisher"]["name"] == NAME
    assert {item["title"] for item in export["items"]} == {
        "Külavanemate ümarlaud",
        "Eelarve lihtsas keeles",
    }
    assert export["items"][1]["adapted_from"]["municipality"] == "Näidiku vald"


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
