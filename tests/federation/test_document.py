"""What an installation publishes: the network documents and the discovery link."""

from __future__ import annotations

import json

import pytest
from wagtail.models import Site

from avp_wagtail.federation.schema import NETWORK_SCHEMA
from tests.factories import filled_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(db):
    return filled_programme(Site.objects.get(is_default_site=True).root_page)


def test_the_programme_page_links_its_network_document(client, programme):
    page = client.get(programme.url).content.decode()
    link = (
        '<link rel="alternate" type="application/json" title="AVP KOV network" '
        f'href="{programme.url}network/json/">'
    )
    assert link in page


def test_the_programme_document_lists_its_public_plans_without_personal_data(client, programme):
    response = client.get(programme.url + "network/json/")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    assert document["schema"] == NETWORK_SCHEMA
    assert document["schema_version"] == "1.0"
    (entry,) = document["programmes"]
    assert entry["title"] == programme.title
    plans = entry["plans"]
    assert plans
    assert all(plan["open_data"]["json"].endswith("/open-data/json/") for plan in plans)
    assert all(plan["open_data"]["json"].startswith("http://") for plan in plans)
    text = response.content.decode()
    for person in ("Kaja Kask", "Liis Lepp", "@"):
        assert person not in text


def test_a_programme_not_in_the_network_publishes_nothing(client, programme):
    programme.in_network = False
    programme.save_revision().publish()
    assert client.get(programme.url + "network/json/").status_code == 404
    assert 'title="AVP KOV network"' not in client.get(programme.url).content.decode()
    document = json.loads(client.get("/.well-known/avp-network.json").content)
    assert document["programmes"] == []


def test_the_well_known_document_and_its_304(client, programme):
    response = client.get("/.well-known/avp-network.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert [p["title"] for p in document["programmes"]] == [programme.title]
    again = client.get("/.well-known/avp-network.json", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_draft_plan_is_not_published(client, programme):
    from avp_wagtail.models import ActionPlanPage

    plan = ActionPlanPage.objects.child_of(programme).first()
    plan.unpublish()
    document = json.loads(client.get(programme.url + "network/json/").content)
    assert plan.title not in [p["title"] for p in document["programmes"][0]["plans"]]
