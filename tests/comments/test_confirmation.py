"""The e-mailed confirmation link: signed JSON with an expiry, usable once."""

import pytest
from django.core import signing
from django.test import override_settings

from avp_wagtail.comments.models import AvpComment

from .helpers import confirmation_link, post_comment

pytestmark = pytest.mark.django_db


def test_link_works_once(client, item, mailoutbox, post_moderation):
    post_comment(client, item, comment="Üks kord")
    link = confirmation_link(mailoutbox)
    assert client.get(link).status_code == 302
    replay = client.get(link)
    assert replay.status_code == 409
    assert AvpComment.objects.count() == 1


def test_tampered_link_is_a_400(client, item, mailoutbox):
    post_comment(client, item, comment="Muudetud")
    link = confirmation_link(mailoutbox)
    token = link.split("/")[-2]
    payload, rest = token.split(":", 1)
    forged = link.replace(
        token, payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB") + ":" + rest
    )
    assert client.get(forged).status_code == 400
    assert not AvpComment.objects.exists()


def test_link_of_the_stock_pickled_format_is_refused(client, item):
    # django-comments-xtd's own links are pickled; ours never unpickle anything.
    pickled = signing.dumps({"comment": "x"}, serializer=signing.JSONSerializer)
    assert client.get(f"/comments/confirm/{pickled}/").status_code == 400
    assert not AvpComment.objects.exists()


def test_expired_link_publishes_nothing_and_gives_the_text_back(client, item, mailoutbox):
    post_comment(client, item, comment="Hiline kinnitus")
    link = confirmation_link(mailoutbox)
    with override_settings(AVP_WAGTAIL={"COMMENT_CONFIRMATION_MAX_AGE": -1}):
        response = client.get(link)
    assert response.status_code == 400
    assert "Hiline kinnitus" in response.content.decode()
    assert not AvpComment.objects.exists()


def test_link_for_a_page_closed_meanwhile_is_refused(client, item, mailoutbox):
    post_comment(client, item, comment="Vahepeal suleti")
    item.comments_open = False
    item.save_revision().publish()
    response = client.get(confirmation_link(mailoutbox))
    assert response.status_code == 403
    assert "Vahepeal suleti" in response.content.decode()
    assert not AvpComment.objects.exists()
