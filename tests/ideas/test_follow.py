"""Following an idea without supporting it: by e-mail (double opt-in, a link to stop in
every e-mail) or with one button when logged in; followers hear of a new response."""

import pytest

from avp_wagtail.ideas.choices import IdeaState, ResponseState
from avp_wagtail.ideas.models import IdeaFollower, IdeaSupport
from avp_wagtail.ideas.retention import IdeaData
from avp_wagtail.ideas.tasks import send_response_changed

from .helpers import html, link_path, make_idea

pytestmark = pytest.mark.django_db


def follow(client, plan, idea, **data):
    return client.post(f"{plan.url}ideas/{idea.pk}/follow/", {"follow-website": "", **data})


def respond(idea, state=ResponseState.CONSIDERING, text="Vaatame."):
    idea.response_state = state
    idea.response_text = text
    idea.save()
    return send_response_changed.call(idea.pk)


def test_the_idea_page_has_a_follow_form_without_javascript(client, plan, collection):
    idea = make_idea(plan, 1)
    body = html(client.get(f"{plan.url}ideas/{idea.pk}/"))
    assert f'action="{plan.url}ideas/{idea.pk}/follow/#avp-follow-errors"' in body
    assert 'name="follow-email"' in body
    assert 'id="id_support-email"' in body  # the support form's
    assert 'id="id_follow-email"' in body  # neither clashes with the comment form's id_email


def test_following_by_e_mail_is_stored_only_once_confirmed(client, plan, collection, mailoutbox):
    idea = make_idea(plan, 1)
    response = follow(client, plan, idea, **{"follow-email": "jalgija@example.ee"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"ideas/{idea.pk}/?notice=follow_sent")
    assert not IdeaFollower.objects.exists()
    assert mailoutbox[0].to == ["jalgija@example.ee"]
    assert "Idee 1" in mailoutbox[0].subject

    confirm = link_path(mailoutbox[0].body, "ideas/follow/confirm/")
    page = client.get(confirm)
    assert page.status_code == 200
    assert "<form" in html(page)
    assert not IdeaFollower.objects.exists()  # opening the link only asks
    response = client.post(confirm)
    assert response["Location"].endswith("?notice=following")
    client.post(confirm)  # twice: still one follow
    assert IdeaFollower.objects.get().email == "jalgija@example.ee"
    assert not IdeaSupport.objects.exists()  # following is not supporting
    assert "jalgija@example.ee" not in html(client.get(f"{plan.url}ideas/{idea.pk}/"))


def test_a_repeated_follow_answers_like_a_new_one(client, plan, collection, mailoutbox):
    idea = make_idea(plan, 1)
    IdeaFollower.objects.create(idea=idea, email="jalgija@example.ee")
    new = follow(client, plan, idea, **{"follow-email": "uus@example.ee"})
    again = follow(client, plan, idea, **{"follow-email": "jalgija@example.ee"})
    assert (new.status_code, new["Location"]) == (again.status_code, again["Location"])
    assert len(mailoutbox) == 2


def test_a_bad_address_the_honeypot_and_a_flood_are_refused(
    client, plan, collection, mailoutbox, settings
):
    idea = make_idea(plan, 1)
    response = follow(client, plan, idea, **{"follow-email": "nope"})
    assert response.status_code == 400
    assert 'id="avp-follow-errors"' in html(response)
    assert 'href="#id_follow-email"' in html(response)
    honeypot = {"follow-email": "a@example.ee", "follow-website": "x"}
    assert follow(client, plan, idea, **honeypot).status_code == 400
    assert mailoutbox == []
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "IDEA_RATE_ADDRESS_LIMIT": 1}
    assert follow(client, plan, idea, **{"follow-email": "a@example.ee"}).status_code == 302
    flood = follow(client, plan, idea, **{"follow-email": "a@example.ee"})
    assert flood.status_code == 429
    assert 'value="a@example.ee"' in html(flood)  # the address is kept
    assert len(mailoutbox) == 1


def test_only_public_ideas_can_be_followed(client, plan, collection, mailoutbox):
    idea = make_idea(plan, 1, state=IdeaState.PENDING)
    assert follow(client, plan, idea, **{"follow-email": "a@example.ee"}).status_code == 404
    assert mailoutbox == []


def test_a_logged_in_user_follows_and_stops_with_one_button(
    client, plan, collection, django_user_model
):
    idea = make_idea(plan, 1)
    client.force_login(
        django_user_model.objects.create_user("elanik", "elanik@example.ee", password="pw")
    )
    response = follow(client, plan, idea)
    assert response["Location"].endswith("?notice=following")
    follow(client, plan, idea)
    assert IdeaFollower.objects.filter(idea=idea).count() == 1
    body = html(client.get(response["Location"]))
    assert 'name="unfollow"' in body
    follow(client, plan, idea, unfollow="1")
    assert not IdeaFollower.objects.exists()


def test_followers_hear_of_a_new_response_with_a_link_that_stops_it(
    client, plan, collection, mailoutbox
):
    idea = make_idea(plan, 1, email="autor@example.ee")
    IdeaFollower.objects.create(idea=idea, email="jalgija@example.ee", language="en")
    assert respond(idea) == 2
    by_address = {mail.to[0]: mail for mail in mailoutbox}
    author, follower = by_address["autor@example.ee"], by_address["jalgija@example.ee"]
    assert "ideas/follow/stop/" not in author.body
    assert "The municipality's response to the idea" in follower.body  # in English
    stop = link_path(follower.body, "ideas/follow/stop/")
    assert follower.extra_headers["List-Unsubscribe"].endswith(f"{stop}>")
    assert client.get(stop).status_code == 200
    assert IdeaFollower.objects.exists()  # opening the link only asks
    assert client.post(stop).status_code == 200
    assert not IdeaFollower.objects.exists()
    mailoutbox.clear()
    assert respond(idea, ResponseState.ALREADY, "") == 1
    assert mailoutbox[0].to == ["autor@example.ee"]


def test_each_address_gets_one_e_mail_with_the_links_that_apply(
    client, plan, collection, mailoutbox
):
    idea = make_idea(plan, 1, email="autor@example.ee")
    IdeaSupport.objects.create(idea=idea, email="toetaja@example.ee", language="et")
    IdeaFollower.objects.create(idea=idea, email="Toetaja@example.ee", language="et")
    IdeaFollower.objects.create(idea=idea, email="AUTOR@example.ee", language="et")
    assert respond(idea) == 2
    assert sorted(mail.to[0] for mail in mailoutbox) == ["autor@example.ee", "toetaja@example.ee"]
    both = next(mail for mail in mailoutbox if mail.to == ["toetaja@example.ee"])
    assert "ideas/support/withdraw/" in both.body
    assert "ideas/follow/stop/" in both.body


def test_a_confirm_link_cannot_stop_and_a_forged_one_does_nothing(client, plan, collection):
    from avp_wagtail.ideas.tokens import CONFIRM_FOLLOW, follow_token

    idea = make_idea(plan, 1)
    token = follow_token(idea.pk, "a@example.ee", "et", CONFIRM_FOLLOW)
    assert client.post(f"{plan.url}ideas/follow/stop/?t={token}").status_code == 400
    assert client.post(f"{plan.url}ideas/follow/confirm/?t={token}x").status_code == 400
    assert not IdeaFollower.objects.exists()


def test_follows_are_erased_with_the_persons_data_and_past_the_period(plan, collection):
    import datetime

    from django.utils import timezone

    idea = make_idea(plan, 1)
    IdeaFollower.objects.create(idea=idea, email="jalgija@example.ee")
    provider = IdeaData()
    rows = provider.of_person("JALGIJA@example.ee")
    assert provider.count("idea_followers", rows["idea_followers"]) == 1
    assert provider.erase("idea_followers", rows["idea_followers"]) == 1
    assert not IdeaFollower.objects.exists()

    now = timezone.now()
    IdeaFollower.objects.create(idea=idea, email="vana@example.ee", confirmed_at=now)
    assert (
        provider.erase_expired(30, now + datetime.timedelta(days=31), dry_run=True)[
            "idea_followers_deleted"
        ]
        == 1
    )
    assert (
        provider.erase_expired(30, now + datetime.timedelta(days=29))["idea_followers_deleted"] == 0
    )
    assert (
        provider.erase_expired(30, now + datetime.timedelta(days=31))["idea_followers_deleted"] == 1
    )
    assert not IdeaFollower.objects.exists()


def test_the_links_lead_to_the_plan_in_the_followers_language(client, plan, collection, mailoutbox):
    from tests.factories import translate

    idea = make_idea(plan, 1, language="et", email="autor@example.ee")
    english = translate(plan, "en")
    client.post(
        f"{english.url}ideas/{idea.pk}/follow/",
        {"follow-email": "reader@example.com", "follow-website": ""},
    )
    confirm = link_path(mailoutbox[0].body, "ideas/follow/confirm/")
    assert confirm.startswith(f"{english.url}ideas/follow/confirm/")
    assert "Open this link to follow the idea" in mailoutbox[0].body
    assert client.post(confirm)["Location"] == f"{english.url}ideas/{idea.pk}/?notice=following"
    mailoutbox.clear()
    respond(idea)
    mail = next(mail for mail in mailoutbox if mail.to == ["reader@example.com"])
    assert f"{english.url}ideas/{idea.pk}/" in mail.body
    assert link_path(mail.body, "ideas/follow/stop/").startswith(english.url)
