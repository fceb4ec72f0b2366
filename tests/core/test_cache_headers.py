"""HTTP caching headers (issue 15): what is the same for every anonymous visitor may be kept
by a shared cache; anything personal, restricted or erroneous never is."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from avp_wagtail.models import CallContactPerson, ContactPerson
from tests.builders import make_call, make_item, make_plan, make_programme, publish

pytestmark = pytest.mark.django_db

PUBLIC = "s-maxage=300"


@pytest.fixture
def pages(home):
    programme = make_programme(home)
    plan = make_plan(programme)
    return {"programme": programme, "plan": plan, "item": make_item(plan, 1)}


def _cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


def _is_public(response):
    return "public" in _cache_control(response) and PUBLIC in _cache_control(response)


def _is_private(response):
    control = _cache_control(response)
    return "private" in control and "no-store" in control and "public" not in control


@pytest.mark.parametrize(
    ("page", "suffix"),
    [
        ("programme", ""),
        ("plan", ""),
        ("plan", "feed/rss/"),
        ("plan", "feed/atom/"),
        ("plan", "calendar/"),
        ("plan", "open-data/json/"),
        ("plan", "open-data/csv/"),
        ("programme", "calendar/"),
    ],
)
def test_public_pages_feeds_and_exports_may_be_kept_by_a_shared_cache(client, pages, page, suffix):
    response = client.get(pages[page].url + suffix)
    assert response.status_code == 200
    assert _is_public(response), response.get("Cache-Control")
    assert "max-age=0" in _cache_control(response)  # browsers ask again every time
    assert "Cookie" in response.get("Vary", "")
    assert not response.cookies


def test_a_page_with_a_form_is_private(client, pages):
    """The follow form carries a CSRF token tied to the visitor's cookie."""
    response = client.get(pages["item"].url)
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert _is_private(response)


def test_a_call_with_its_interest_form_is_private(client, pages):
    person = ContactPerson.objects.create(name="Kaja Kask", email="kaja@vald.example")
    call = make_call(pages["programme"], deadline=timezone.localdate() + datetime.timedelta(days=7))
    call.contact_people = [CallContactPerson(person=person)]
    publish(call)
    response = client.get(call.url)
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert _is_private(response)


def test_a_logged_in_visitor_gets_private_pages(client, pages, django_user_model):
    client.force_login(django_user_model.objects.create_user("mari", "mari@example.ee", "pw"))
    for url in (pages["plan"].url, pages["plan"].url + "feed/rss/"):
        assert _is_private(client.get(url)), url


def test_a_restricted_plan_is_never_public_even_after_its_password(client, pages):
    plan = pages["plan"]
    PageViewRestriction.objects.create(
        page=plan, restriction_type=PageViewRestriction.PASSWORD, password="salasona"
    )
    response = client.get(plan.url)
    assert response.status_code == 200  # the password form
    assert "salasona" not in response.content.decode()
    assert not _is_public(response)
    # Having given the password in this session, she sees the plan: still not shareable.
    action_url = client.get(plan.url).context["action_url"]
    client.post(action_url, {"password": "salasona", "return_url": plan.url})
    response = client.get(plan.url)
    assert plan.title in response.content.decode()
    assert _is_private(response)
    assert _is_private(client.get(plan.url + "open-data/json/"))


def test_form_errors_and_posts_are_private(client, pages):
    response = client.post(pages["item"].url + "follow/", {"follow-email": "not an address"})
    assert response.status_code == 400
    assert _is_private(response)


def test_missing_sub_url_is_not_public(client, pages):
    response = client.get(pages["plan"].url + "no-such-thing/")
    assert response.status_code == 404
    assert not _is_public(response)


@override_settings(AVP_WAGTAIL={"HTTP_CACHE_SECONDS": 0})
def test_switched_off_every_answer_is_private(client, pages):
    assert _is_private(client.get(pages["plan"].url))
