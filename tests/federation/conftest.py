"""Fixtures of the network tests: Näidiku (the default site) and the neighbour's
installation on a loopback port (``tests.federation.neighbour``)."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from avp_wagtail.models import NetworkPage
from tests.builders import make_item, make_plan, make_programme, publish
from tests.federation.neighbour import Neighbour


@pytest.fixture
def loopback(settings):
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "NETWORK_ALLOW_LOOPBACK": True}


@pytest.fixture
def neighbour(db, loopback):
    server = Neighbour()
    try:
        yield server.build()
    finally:
        server.stop()


@pytest.fixture
def home(db):
    """Näidiku: the default site, with its own programme, plan, action and network page."""
    site = Site.objects.get(is_default_site=True)
    programme = make_programme(site.root_page, in_network=True, title="Näidiku avatud valitsemine")
    plan = make_plan(programme, themes=("Noored",), title="Näidiku kava")
    item = make_item(plan, 1, title="Avatud eelarve", summary="Elanikud otsustavad.")
    network = NetworkPage(title="Võrgustik", slug="vorgustik")
    programme.add_child(instance=network)
    publish(network)
    return {"site": site, "programme": programme, "plan": plan, "item": item, "network": network}
