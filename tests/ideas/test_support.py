"""Supporting an idea: by e-mail (confirmed by a signed link, withdrawable by another) or
at once when logged in; one support per confirmed address or user."""

import pytest

from avp_wagtail.ideas.choices import IdeaState
from avp_wagtail.ideas.models import IdeaSupport

from .helpers import html, link_path, make_idea

pytestmark = pytest.mark.django_db


def support(client, plan, idea, **data):
    return client.post(f"{plan.url}ideas/{idea.pk}/support/", {"website": "", **data})


def test_a_resident_supports_by_e_mail_once_confirmed_and_withdraws(
    client, plan, collection, mailoutbox
):
    idea = make_idea(plan, 1)
    response = support(client, plan, idea, email="toetaja@example.ee")
    assert response.status_code == 302
    assert response["Location"].endswith("?notice=support_sent")
    assert not IdeaSupport.objects.exists()  # nothing stored before confirmation
    assert mailoutbox[0].to == ["toetaja@example.ee"]

    confirm = link_path(mailoutbox[0].body, "ideas/support/confirm/")
    assert client.get(confirm).status_code == 200
    assert not IdeaSupport.objects.exists()  # opening the link asks first
    client.post(confirm)
    client.post(confirm)  # twice: still one support
    assert IdeaSupport.objects.filter(idea=idea, email="toetaja@example.ee").count() == 1
    body = html(client.get(f"{plan.url}ideas/{idea.pk}/"))
    assert "<dd>1</dd>" in body
    assert "toetaja@example.ee" not in body

    withdraw = link_path(mailoutbox[0].body, "ideas/support/withdraw/")
    assert client.get(withdraw).status_code == 200
    assert client.post(withdraw).status_code == 302
    assert not IdeaSupport.objects.exists()


def test_a_confirmation_link_cannot_withdraw_and_a_forged_one_does_nothing(
    client, plan, collection, mailoutbox
):
    idea = make_idea(plan, 1)
    support(client, plan, idea, email="toetaja@example.ee")
    confirm = link_path(mailoutbox[0].body, "ideas/support/confirm/")
    token = confirm.split("?t=")[1]
    assert client.post(f"{plan.url}ideas/support/withdraw/?t={token}").status_code == 400
    assert client.post(confirm + "x").status_code == 400
    assert not IdeaSupport.objects.exists()


def test_a_logged_in_user_supports_at_once_and_withdraws(
    client, plan, collection, django_user_model
):
    idea = make_idea(plan, 1)
    client.force_login(django_user_model.objects.create_user("elanik", password="pw"))
    support(client, plan, idea)
    support(client, plan, idea)
    assert IdeaSupport.objects.filter(idea=idea).count() == 1
    body = html(client.get(f"{plan.url}ideas/{idea.pk}/"))
    assert 'name="withdraw"' in body
    support(client, plan, idea, withdraw="1")
    assert not IdeaSupport.objects.exists()


def test_only_public_ideas_can_be_supported(client, plan, collection, mailoutbox):
    idea = make_idea(plan, 1, state=IdeaState.PENDING)
    assert support(client, plan, idea, email="toetaja@example.ee").status_code == 404
    assert mailoutbox == []


def test_a_bad_address_or_the_honeypot_is_refused_on_the_idea_page(
    client, plan, collection, mailoutbox
):
    idea = make_idea(plan, 1)
    response = support(client, plan, idea, email="nope")
    assert response.status_code == 400
    assert 'id="avp-support-errors"' in html(response)
    assert support(client, plan, idea, email="a@example.ee", website="x").status_code == 400
    assert mailoutbox == []


def test_a_flood_of_supports_is_refused(client, plan, collection, mailoutbox, settings):
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "IDEA_RATE_ADDRESS_LIMIT": 1}
    idea = make_idea(plan, 1)
    assert support(client, plan, idea, email="a@example.ee").status_code == 302
    assert support(client, plan, idea, email="a@example.ee").status_code == 429
    assert len(mailoutbox) == 1


def test_a_merged_idea_sends_supporters_to_the_idea_it_joined(client, plan, collection):
    from avp_wagtail.ideas.choices import ResponseState

    joined = make_idea(plan, 1, title="Suurem idee")
    merged = make_idea(plan, 2, response_state=ResponseState.MERGED, merged_into=joined)
    page = html(client.get(f"{plan.url}ideas/{merged.pk}/"))
    assert f'href="{plan.url}ideas/{joined.pk}/"' in page
    assert 'id="avp-idea-support"' not in page  # no form on the merged one
    assert 'id="avp-idea-support"' in html(client.get(f"{plan.url}ideas/{joined.pk}/"))
