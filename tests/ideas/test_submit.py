"""A resident sends an idea, confirms it by the e-mailed link, and it appears (post-
moderation) or waits for a moderator (pre-moderation). Nothing is public before that."""

import datetime
import re

import pytest
from django.utils import timezone

from avp_wagtail.ideas.choices import IdeaState, ModerationMode
from avp_wagtail.ideas.models import Idea

from .helpers import html, idea_data, link_path

pytestmark = pytest.mark.django_db


def send(client, plan, **fields):
    return client.post(f"{plan.url}ideas/new/", idea_data(plan, **fields))


def test_the_form_is_shown_while_the_collection_is_open(client, plan, collection):
    response = client.get(f"{plan.url}ideas/new/")
    assert response.status_code == 200
    body = html(response)
    assert 'name="title"' in body
    assert 'name="email"' in body
    assert "Liikumine" in body
    assert "Haridus" in body
    assert not re.search(r"<script(?![^>]*application/ld\+json)", body)  # no inline JS
    assert response["Content-Language"] == "et"


def test_a_sent_idea_is_not_public_until_its_author_confirms_it(
    client, plan, collection, mailoutbox
):
    response = send(client, plan)
    assert response.status_code == 302
    assert response["Location"] == f"{plan.url}ideas/?notice=sent"
    idea = Idea.objects.get()
    assert idea.state == IdeaState.UNCONFIRMED
    assert idea.language == "et"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["mari@example.ee"]
    assert "Kergliiklustee kooli juurde" not in html(client.get(f"{plan.url}ideas/"))
    assert client.get(f"{plan.url}ideas/{idea.pk}/").status_code == 404

    path = link_path(mailoutbox[0].body, "ideas/confirm/")
    asked = client.get(path)  # a mail scanner opening the link confirms nothing
    assert asked.status_code == 200
    assert Idea.objects.get().state == IdeaState.UNCONFIRMED
    confirmed = client.post(path)
    assert confirmed.status_code == 302
    idea.refresh_from_db()
    assert idea.state == IdeaState.PUBLIC
    assert idea.confirmed_at is not None
    page = html(client.get(confirmed["Location"]))
    assert "Kergliiklustee kooli juurde" in page
    assert "mari@example.ee" not in page
    # The link works once.
    assert client.post(path).status_code == 400


def test_pre_moderation_keeps_a_confirmed_idea_for_a_moderator(
    client, plan, collection, mailoutbox
):
    collection.moderation = ModerationMode.PRE
    collection.save()
    send(client, plan)
    client.post(link_path(mailoutbox[0].body, "ideas/confirm/"))
    idea = Idea.objects.get()
    assert idea.state == IdeaState.PENDING
    assert "Kergliiklustee" not in html(client.get(f"{plan.url}ideas/"))
    assert client.get(f"{plan.url}ideas/{idea.pk}/").status_code == 404


def test_a_forged_or_expired_confirmation_link_changes_nothing(
    client, plan, collection, mailoutbox, settings
):
    send(client, plan)
    path = link_path(mailoutbox[0].body, "ideas/confirm/")
    assert client.post(path[:-3] + "abc").status_code == 400
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "IDEA_CONFIRMATION_MAX_AGE": -1}
    assert client.post(path).status_code == 400
    assert Idea.objects.get().state == IdeaState.UNCONFIRMED


def test_errors_are_listed_in_a_summary_and_nothing_is_stored(client, plan, collection):
    response = send(client, plan, title="", email="not-an-address")
    assert response.status_code == 400
    body = html(response)
    assert 'id="avp-idea-errors"' in body
    assert 'role="alert"' in body
    assert 'href="#id_title"' in body
    assert 'href="#id_email"' in body
    assert 'action="#avp-idea-errors"' in body
    assert not Idea.objects.exists()


def test_the_honeypot_refuses_a_robot(client, plan, collection, mailoutbox):
    response = send(client, plan, website="http://spam.example")
    assert response.status_code == 400
    assert not Idea.objects.exists()
    assert mailoutbox == []


def test_a_flood_of_ideas_is_refused_and_the_text_kept(client, plan, collection, settings):
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "IDEA_RATE_ADDRESS_LIMIT": 1}
    assert send(client, plan).status_code == 302
    response = send(client, plan, title="Teine idee")
    assert response.status_code == 429
    assert "Teine idee" in html(response)
    assert Idea.objects.count() == 1


def test_control_characters_are_dropped(client, plan, collection):
    send(client, plan, title="Pink\x00 pargis\x1b")
    assert Idea.objects.get().title == "Pink pargis"


@pytest.mark.parametrize("days", [(3, 10), (-10, -3)])
def test_no_idea_is_taken_outside_the_collection_dates(client, plan, collection, days):
    today = timezone.localdate()
    collection.opens_on = today + datetime.timedelta(days=days[0])
    collection.closes_on = today + datetime.timedelta(days=days[1])
    collection.save()
    assert 'name="title"' not in html(client.get(f"{plan.url}ideas/new/"))
    assert send(client, plan).status_code == 409
    assert not Idea.objects.exists()


def test_a_plan_without_a_collection_has_no_idea_pages(client, plan):
    assert client.get(f"{plan.url}ideas/").status_code == 404
    assert client.get(f"{plan.url}ideas/new/").status_code == 404


def test_a_theme_of_another_plan_is_refused(client, plan, collection):
    from tests.builders import make_plan

    other = make_plan(plan.get_parent(), themes=("Muu",), title="Muu", slug="muu")
    response = send(client, plan, theme=other.themes.first().pk)
    assert response.status_code == 400
    assert not Idea.objects.exists()
