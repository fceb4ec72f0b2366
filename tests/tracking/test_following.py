"""Follow one action by e-mail: double opt-in, an e-mail per new update, unsubscribe (I2)."""

import re

import pytest
from django.core import signing
from django.test import override_settings
from django.utils import timezone

from avp_wagtail.models import ItemFollower, ProgressUpdate
from avp_wagtail.tracking.following.tokens import read_confirm_token, read_unsubscribe_token
from tests.builders import make_item, make_plan, make_programme, publish

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def item(home):
    return make_item(make_plan(make_programme(home)), 1, title="Paviljonid")


def link(message, kind):
    """The path of the confirm link (the page's route) or of the unsubscribe link (the
    one-click view of avp_wagtail.urls) in ``message``."""
    return re.search(rf"https?://[^/\s]+(/\S*follow/{kind}/\S+)", message.body).group(1)


def follow(client, item, mailoutbox, email="mari@example.ee"):
    response = client.post(item.url + "follow/", {"follow-email": email})
    assert response.status_code == 302
    return link(mailoutbox[-1], "confirm")


def test_double_opt_in_then_an_email_per_new_update(client, item, mailoutbox):
    confirm = follow(client, item, mailoutbox)
    assert not ItemFollower.objects.exists()  # nothing stored before the link is opened
    assert client.get(confirm).status_code == 302
    assert ItemFollower.objects.get().email == "mari@example.ee"
    assert client.get(confirm).status_code == 409  # a replayed link changes nothing
    assert ItemFollower.objects.count() == 1

    item.progress_updates = [ProgressUpdate(title="Hange tehtud", date=TODAY, kind="progress")]
    publish(item)
    message = mailoutbox[-1]
    assert message.to == ["mari@example.ee"]
    assert "Hange tehtud" in message.body
    count = len(mailoutbox)
    item.title = "Paviljonid (uus nimi)"
    publish(item)  # no new update: no e-mail
    assert len(mailoutbox) == count

    unsubscribe = link(message, "unsubscribe")
    assert client.get(unsubscribe).status_code == 200
    assert ItemFollower.objects.exists()  # GET only asks
    assert client.post(unsubscribe).status_code == 200
    assert not ItemFollower.objects.exists()


def test_malformed_email_is_a_400_with_the_error_on_the_field(client, item, mailoutbox):
    response = client.post(item.url + "follow/", {"follow-email": "not-an-address"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "not-an-address" in html
    assert mailoutbox == []
    assert not ItemFollower.objects.exists()


def test_tampered_expired_or_foreign_links_change_nothing(client, home, item, mailoutbox):
    confirm = follow(client, item, mailoutbox)
    assert client.get(confirm.replace("?t=", "?t=x")).status_code == 400
    with override_settings(AVP_WAGTAIL={"FOLLOW_CONFIRMATION_MAX_AGE": -1}):
        assert client.get(confirm).status_code == 400
    other = make_item(item.get_parent(), 2)
    token = confirm.split("?t=")[1]
    assert client.get(f"{other.url}follow/confirm/?t={token}").status_code == 400
    assert not ItemFollower.objects.exists()
    assert client.post(item.url + "follow/unsubscribe/?t=forged").status_code == 400


def test_links_e_mailed_before_core_signing_still_work(client, item):
    """Tokens signed the old way (a TimestampSigner salted "avp_wagtail.follow.<purpose>")
    still open the confirm and unsubscribe links."""

    def old_token(purpose, data):
        return signing.TimestampSigner(salt=f"avp_wagtail.follow.{purpose}").sign_object(data)

    data = {"page": item.pk, "email": "mari@example.ee", "nonce": "0123456789abcdef"}
    assert read_confirm_token(old_token("confirm", data)) == data
    assert (
        client.get(f"{item.url}follow/confirm/?t={old_token('confirm', data)}").status_code == 302
    )
    follower = ItemFollower.objects.get(page=item, email="mari@example.ee")

    unsubscribe = {"id": follower.pk, "email": follower.email, "page": item.pk}
    token = old_token("unsubscribe", unsubscribe)
    assert read_unsubscribe_token(token) == unsubscribe
    assert client.post(f"{item.url}follow/unsubscribe/?t={token}").status_code == 200
    assert not ItemFollower.objects.exists()
