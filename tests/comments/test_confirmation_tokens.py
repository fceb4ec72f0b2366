"""Issue 13, point 11: the confirmation link carries only a signed random key; the comment
waits on the server (PendingComment) and is deleted once confirmed or expired."""

import base64
import contextlib
import datetime

import pytest
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from avp_wagtail.comments import tokens
from avp_wagtail.comments.models import AvpComment, PendingComment
from avp_wagtail.comments.pending import delete_expired_pending, delete_pending_of
from tests.builders import make_item, make_plan, make_programme
from tests.comments.helpers import confirmation_link, post_comment

pytestmark = pytest.mark.django_db

TEXT = "Salajane tekst"
EMAIL = "mari.maasikas@example.ee"
NAME = "Mari Maasikas"


@pytest.fixture
def item(home):
    return make_item(make_plan(make_programme(home)), 1)


def _decoded(token):
    """Every part of the token, as text, base64-decoded where it decodes."""
    texts = [token]
    for part in token.split(":"):
        with contextlib.suppress(ValueError):
            texts.append(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode("latin-1"))
    return " ".join(texts)


def test_link_carries_no_personal_data_the_comment_waits_on_the_server(client, item, mailoutbox):
    post_comment(client, item, comment=TEXT, email=EMAIL, name=NAME)
    link = confirmation_link(mailoutbox)
    token = link.split("/")[-2]
    readable = _decoded(token)
    for secret in (TEXT, EMAIL, NAME, "Maasikas", "127.0.0.1", "mari"):
        assert secret not in readable
    assert len(token) < 100
    pending = PendingComment.objects.get()
    assert (pending.comment, pending.user_email, pending.user_name) == (TEXT, EMAIL, NAME)
    assert pending.ip_address == "127.0.0.1"
    assert pending.key_hash not in token  # only a hash of the key is stored
    assert not AvpComment.objects.exists()

    assert client.get(link).status_code == 302
    comment = AvpComment.objects.get()
    assert (comment.comment, comment.user_email, comment.ip_address) == (TEXT, EMAIL, "127.0.0.1")
    assert not PendingComment.objects.exists()  # nothing left once confirmed
    assert client.get(link).status_code == 409


def test_old_link_with_the_whole_comment_asks_to_send_again(client, item):
    old_payload = {
        "ct": 1,
        "pk": str(item.pk),
        "from": item.pk,
        "name": NAME,
        "email": EMAIL,
        "comment": TEXT,
        "mark": "for",
        "reply_to": 0,
        "language": "et",
        "ip": "127.0.0.1",
        "nonce": "0" * 32,
    }
    old_token = tokens._signer("confirm").sign_object(old_payload, compress=True)
    response = client.get(f"/comments/confirm/{old_token}/")
    assert response.status_code == 410
    html = response.content.decode()
    with translation.override("et"):  # the language of the page she wrote on
        expected = _(
            "This link is no longer valid: links sent before an update of the website do "
            "not work any more. Your comment was not published; please send it again."
        )
    assert escape(expected) in html
    assert TEXT in html  # her text back, to send again
    assert not AvpComment.objects.exists()


def test_a_key_that_is_not_waiting_is_refused_without_an_error(client, item):
    token = tokens.make_confirmation_token("never-stored")
    response = client.get(f"/comments/confirm/{token}/")
    assert response.status_code == 410
    assert not AvpComment.objects.exists()


def test_pending_past_its_expiry_is_not_published(client, item, mailoutbox):
    post_comment(client, item, comment=TEXT)
    PendingComment.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(confirmation_link(mailoutbox))
    assert response.status_code == 400
    assert TEXT in response.content.decode()
    assert not AvpComment.objects.exists()


def test_delete_expired_pending_is_idempotent_and_has_a_dry_run(client, item, mailoutbox):
    post_comment(client, item, comment="Vana")
    post_comment(client, item, comment="Uus")
    PendingComment.objects.filter(comment="Vana").update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    assert delete_expired_pending(dry_run=True) == 1
    assert PendingComment.objects.count() == 2
    assert delete_expired_pending() == 1
    assert delete_expired_pending() == 0
    assert list(PendingComment.objects.values_list("comment", flat=True)) == ["Uus"]


def test_delete_pending_of_one_address(client, item, mailoutbox):
    post_comment(client, item, comment="Minu", email=EMAIL)
    post_comment(client, item, comment="Teise", email="teine@example.ee")
    assert delete_pending_of(EMAIL.upper()) == 1
    assert list(PendingComment.objects.values_list("comment", flat=True)) == ["Teise"]


@override_settings(AVP_WAGTAIL={"COMMENT_CONFIRMATION_MAX_AGE": 60})
def test_expiry_follows_the_setting(client, item, mailoutbox):
    post_comment(client, item, comment=TEXT)
    pending = PendingComment.objects.get()
    assert pending.expires_at - pending.created_at < datetime.timedelta(seconds=61)


def test_message_of_an_unknown_link_is_translated(client, item):
    response = client.get("/comments/confirm/nonsense/")
    assert response.status_code == 400
    assert _("The link is not valid. Nothing has been saved.") in response.content.decode()
