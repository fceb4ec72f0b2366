"""Reply notifications by e-mail, with a signed, expiring one-click unsubscribe."""

import re

import pytest
from django.test import override_settings

from avp_wagtail.comments.models import AvpComment

from .helpers import post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def followed(client, item, resident):
    client.force_login(resident)
    post_comment(client, item, comment="Teavitage mind", followup="on")
    return AvpComment.objects.get()


def _reply(client, user, item, parent, text):
    client.force_login(user)
    return post_comment(client, item, url=f"{item.url}?reply_to={parent.pk}", comment=text)


def _unsubscribe_path(message):
    return re.search(r"https?://[^/\s]+(/comments/unsubscribe/[^\s]+/)", message.body).group(1)


def test_reply_notifies_the_follower_who_can_unsubscribe(
    client, item, followed, moderator, mailoutbox
):
    _reply(client, moderator, item, followed, "Vastame peagi.")
    assert [m.to for m in mailoutbox] == [["resident@example.ee"]]
    message = mailoutbox[0]
    assert "Vastame peagi." in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = _unsubscribe_path(message)
    client.logout()
    page = client.get(path)
    assert page.status_code == 200
    assert "<form" in page.content.decode()
    followed.refresh_from_db()
    assert followed.followup  # a GET (e.g. a mail scanner) changes nothing
    assert client.post(path).status_code == 200
    followed.refresh_from_db()
    assert not followed.followup
    _reply(client, moderator, item, followed, "Veel üks vastus.")
    assert len(mailoutbox) == 1


def test_no_mail_to_the_replier_themself_or_without_followup(client, item, followed, mailoutbox):
    _reply(client, followed.user, item, followed, "Enda vastus")
    assert mailoutbox == []


def test_expired_or_forged_unsubscribe_link_is_a_400(client, item, followed, moderator, mailoutbox):
    _reply(client, moderator, item, followed, "Vastus")
    path = _unsubscribe_path(mailoutbox[0])
    with override_settings(AVP_WAGTAIL={"COMMENT_UNSUBSCRIBE_MAX_AGE": -1}):
        assert client.post(path).status_code == 400
    assert client.post(path.replace(":", "x", 1)).status_code == 400
    followed.refresh_from_db()
    assert followed.followup
