"""The demo's two municipalities follow each other (seeded while the demo is built)."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from avp_wagtail.federation.borrowing import changes_of
from avp_wagtail.federation.models import Borrowing, FollowedItem, FollowedSource
from avp_wagtail.models import ActionItemPage, NetworkPage
from demo.builder import build_demo
from demo.neighbour import HOSTNAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_pair(db):
    return build_demo(translate=False, neighbour=True, address="127.0.0.1:8000")


def test_each_demo_municipality_follows_the_other_over_the_demo_address(demo_pair):
    home = Site.objects.get(is_default_site=True)
    neighbour = Site.objects.get(hostname=HOSTNAME)
    mine = FollowedSource.objects.get(site=home)
    theirs = FollowedSource.objects.get(site=neighbour)
    assert mine.document_url == "http://naaber.localhost:8000/.well-known/avp-network.json"
    assert theirs.document_url == "http://127.0.0.1:8000/.well-known/avp-network.json"
    assert mine.municipality == "Naabri vald"
    assert mine.fetched_at is not None
    assert not mine.last_error
    assert FollowedItem.objects.filter(plan__source=mine, title="Külavanemate ümarlaud").exists()
    assert FollowedItem.objects.filter(plan__source=theirs).count() >= 5


def test_the_demo_shows_the_network_borrowed_by_and_a_changed_original(client, demo_pair):
    network = NetworkPage.objects.get(locale=demo_pair.locale)
    page = client.get(network.url).content.decode()
    followed = page.split('class="avp-network-followed"')[1]
    assert "Külavanemate ümarlaud" in followed
    assert "http://naaber.localhost:8000/" in followed  # links to the originals
    copy = Borrowing.objects.get().item
    original = ActionItemPage.objects.get(
        translation_key=ActionItemPage.objects.filter(slug="eelarve-lihtsas-keeles")
        .first()
        .translation_key,
        locale=demo_pair.locale,
    )
    html = client.get(original.url).content.decode()
    assert copy.title in html  # "borrowed by" the neighbour
    assert [change["key"] for change in changes_of(Borrowing.objects.get())] == ["summary"]
