"""A municipality behind a CDN or caching proxy (issue 15): publishing purges every page
that shows what changed, not only the page itself."""

import pytest

from tests import purges
from tests.builders import make_item, make_meeting, make_plan, make_programme, publish
from tests.factories import NetworkPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged():
    purges.PURGED.clear()
    yield purges.PURGED
    purges.PURGED.clear()


@pytest.fixture
def pages(home):
    programme = make_programme(home)
    plan = make_plan(programme)
    item = make_item(plan, 1)
    return {"programme": programme, "plan": plan, "item": item}


def _paths(urls):
    return {url.split("://", 1)[1].split("/", 1)[1] for url in urls}


def test_publishing_an_item_purges_its_plan_programme_feeds_and_exports(pages, purged):
    item, plan, programme = pages["item"], pages["plan"], pages["programme"]
    purged.clear()

    publish(item)

    paths = _paths(purged)
    plan_path, programme_path = plan.url.lstrip("/"), programme.url.lstrip("/")
    item_path = item.url.lstrip("/")
    assert {item_path, item_path + "open-data/json/"} <= paths
    assert {
        plan_path,
        plan_path + "feed/rss/",
        plan_path + "feed/atom/",
        plan_path + "calendar/",
        plan_path + "open-data/json/",
        plan_path + "open-data/csv/",
    } <= paths
    assert {programme_path, programme_path + "feed/rss/", programme_path + "calendar/"} <= paths
    # Never a URL that answers one person (a follow confirmation, an unsubscribe link).
    assert not any("follow" in path for path in paths)


def test_unpublishing_an_item_purges_the_pages_that_listed_it(pages, purged):
    purged.clear()
    pages["item"].unpublish()
    assert pages["plan"].url.lstrip("/") in _paths(purged)


def test_publishing_a_meeting_purges_the_programme_and_the_plans_calendars(pages, purged):
    meeting = make_meeting(pages["programme"], 1, days_from_now=7)
    purged.clear()
    publish(meeting)
    paths = _paths(purged)
    assert pages["programme"].url.lstrip("/") in paths
    assert pages["plan"].url.lstrip("/") + "calendar/" in paths


def test_publishing_an_item_purges_the_network_page(home, pages, purged):
    network = NetworkPageFactory(parent=home, title="Võrgustik", slug="vorgustik")
    purged.clear()
    publish(pages["item"])
    assert network.url.lstrip("/") in _paths(purged)
