"""The public listing and an idea's page: filters, order, pagination, constant queries,
the municipality's response and where the idea went, the reader's language."""

import pytest

from avp_wagtail.ideas.choices import IdeaState, ResponseState
from avp_wagtail.ideas.models import IdeaSupport
from tests.builders import make_item
from tests.queries import page_queries

from .helpers import html, make_idea

pytestmark = pytest.mark.django_db


def titles(response):
    import re

    return re.findall(r'<h3 lang="\w+"><a href="[^"]+">([^<]+)</a></h3>', html(response))


def test_only_public_ideas_are_listed(client, plan, collection):
    for n, state in enumerate(IdeaState.values, start=1):
        make_idea(plan, n, state=state)
    response = client.get(f"{plan.url}ideas/")
    assert titles(response) == ["Idee 3"]  # the public one
    assert "elanik3@example.ee" not in html(response)


def test_filters_by_theme_and_response_and_orders_by_support(client, plan, collection):
    movement, education = plan.themes.all()
    first = make_idea(plan, 1, theme=movement)
    second = make_idea(plan, 2, theme=education, response_state=ResponseState.CONSIDERING)
    IdeaSupport.objects.create(idea=first, email="a@example.ee")
    IdeaSupport.objects.create(idea=first, email="b@example.ee")
    url = f"{plan.url}ideas/"
    assert titles(client.get(url)) == ["Idee 2", "Idee 1"]  # newest first
    assert titles(client.get(url, {"order": "supported"})) == ["Idee 1", "Idee 2"]
    assert titles(client.get(url, {"theme": str(education.translation_key)})) == ["Idee 2"]
    assert titles(client.get(url, {"response": "considering"})) == ["Idee 2"]
    assert titles(client.get(url, {"response": "nonsense", "theme": "x"})) == ["Idee 2", "Idee 1"]
    assert second.pk


def test_the_listing_is_paginated(client, plan, collection, settings):
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "IDEA_PER_PAGE": 2}
    for n in range(1, 6):
        make_idea(plan, n)
    url = f"{plan.url}ideas/"
    assert titles(client.get(url)) == ["Idee 5", "Idee 4"]
    assert titles(client.get(url, {"page": "3"})) == ["Idee 1"]
    assert titles(client.get(url, {"page": "999"})) == ["Idee 1"]  # the last page
    assert titles(client.get(url, {"page": "99999999999999999999"})) == ["Idee 5", "Idee 4"]
    assert 'rel="next"' in html(client.get(url))


def test_the_listing_queries_do_not_grow_with_ideas_and_supports(client, plan, collection):
    url = f"{plan.url}ideas/"
    for n in range(1, 6):
        IdeaSupport.objects.create(idea=make_idea(plan, n), email=f"s{n}@example.ee")
    few, _response = page_queries(client, url)
    for n in range(6, 201):
        idea = make_idea(plan, n)
        IdeaSupport.objects.create(idea=idea, email=f"s{n}@example.ee")
        IdeaSupport.objects.create(idea=idea, email=f"t{n}@example.ee")
    many, _response = page_queries(client, url)
    assert many == few
    assert page_queries(client, f"{url}?order=supported&page=3")[0] == few


def test_an_idea_shows_the_municipalitys_response_and_the_actions_it_became(
    client, plan, collection
):
    item = make_item(plan, 1, title="Kergliiklustee ehitus")
    idea = make_idea(
        plan,
        1,
        response_state=ResponseState.ACCEPTED,
        response_text="Võtame selle kavasse.",
    )
    idea.action_items.add(item)
    IdeaSupport.objects.create(idea=idea, email="a@example.ee")
    body = html(client.get(f"{plan.url}ideas/{idea.pk}/"))
    assert "Võtame selle kavasse." in body
    assert f'href="{item.url}"' in body
    assert "Kergliiklustee ehitus" in body
    assert "Home" in body  # signed as the municipality (the site's name)
    assert "<dd>1</dd>" in body  # one supporter
    assert "@example.ee" not in body


def test_an_action_under_a_view_restriction_is_not_named_on_the_idea(client, plan, collection):
    from wagtail.models import PageViewRestriction

    public = make_item(plan, 1, title="Avalik tegevus")
    hidden = make_item(plan, 2, title="Kinnine tegevus")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    idea = make_idea(plan, 1, response_state=ResponseState.ACCEPTED, response_text="Jah.")
    idea.action_items.add(public, hidden)
    body = html(client.get(f"{plan.url}ideas/{idea.pk}/"))
    assert "Avalik tegevus" in body
    assert "Kinnine tegevus" not in body
    assert hidden.url not in body


def test_a_merged_idea_links_to_the_idea_it_was_merged_with(client, plan, collection):
    target = make_idea(plan, 1)
    merged = make_idea(plan, 2, response_state=ResponseState.MERGED, merged_into=target)
    body = html(client.get(f"{plan.url}ideas/{merged.pk}/"))
    assert f'href="{plan.url}ideas/{target.pk}/"' in body


def test_the_idea_pages_of_another_plan_or_a_bad_id_are_not_found(client, plan, collection):
    idea = make_idea(plan, 1)
    assert client.get(f"{plan.url}ideas/{idea.pk + 1}/").status_code == 404
    assert client.get(f"{plan.url}ideas/99999999999999999999/").status_code == 404


def test_a_translation_of_the_plan_shares_the_ideas_with_its_theme_titles(client, plan, collection):
    from tests.factories import translate

    idea = make_idea(plan, 1, language="et")
    english = translate(plan, "en")
    theme = english.themes.get(translation_key=plan.themes.first().translation_key)
    theme.title = "Mobility"
    theme.save()
    response = client.get(f"{english.url}ideas/")
    body = html(response)
    assert response["Content-Language"] == "en"
    assert "Idee 1" in body
    assert "Mobility" in body
    assert "Liikumine" not in body
    detail = html(client.get(f"{english.url}ideas/{idea.pk}/"))
    assert '<h1 id="avp-idea-title" lang="et">Idee 1</h1>' in detail


def test_an_anonymised_idea_is_shown_as_a_residents(client, plan, collection):
    idea = make_idea(plan, 1, author_name="", email="")
    body = html(client.get(f"{plan.url}ideas/{idea.pk}/"))
    assert "<dd>A resident, <time" in body or "<dd>Elanik, <time" in body
