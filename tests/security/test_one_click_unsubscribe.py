"""Issue 13, point 13: follow e-mails carry RFC 8058 one-click unsubscribe headers, and the
unsubscribe POST works without a CSRF token (a mail client's click); a GET only asks."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from avp_wagtail.models import ItemFollower, ProgressUpdate
from tests.builders import make_item, make_plan, make_programme, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def followed(home, mailoutbox):
    """An item with one confirmed follower, and the progress-update e-mail it got."""
    item = make_item(make_plan(make_programme(home)), 1, title="Paviljonid")
    ItemFollower.objects.create(page=item, email="mari@example.ee")
    item.progress_updates = [
        ProgressUpdate(title="Hange tehtud", date=timezone.localdate(), kind="progress")
    ]
    publish(item)
    assert len(mailoutbox) == 1
    return item, mailoutbox[0]


def _one_click_path(message):
    header = message.extra_headers["List-Unsubscribe"]
    match = re.fullmatch(r"<https?://[^/]+(/avp/follow/unsubscribe/[^/>]+/)>", header)
    assert match, header
    return match.group(1)


def test_follow_email_has_the_rfc_8058_headers(followed):
    _item, message = followed
    headers = message.extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = _one_click_path(message)
    assert path in message.body  # the same link in the text


def test_one_click_post_without_csrf_token_unsubscribes(followed):
    _item, message = followed
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(_one_click_path(message), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not ItemFollower.objects.exists()
    # Again: nothing left to do, still no error.
    again = mail_client.post(_one_click_path(message), {"List-Unsubscribe": "One-Click"})
    assert again.status_code == 200


def test_get_only_asks_in_the_pages_language(followed):
    item, message = followed
    response = Client(enforce_csrf_checks=True).get(_one_click_path(message))
    assert response.status_code == 200
    assert response["Content-Language"] == item.locale.language_code
    html = response.content.decode()
    assert re.search(r'<form method="post" action="/avp/follow/unsubscribe/[^"]+/"', html)
    assert ItemFollower.objects.exists()  # a link preview unsubscribes nobody


def test_forged_token_changes_nothing_even_without_csrf(followed):
    _item, message = followed
    path = _one_click_path(message)
    forged = path[:-3] + ("AA" if path[-3:-1] != "AA" else "BB") + "/"
    response = Client(enforce_csrf_checks=True).post(forged)
    assert response.status_code == 400
    assert ItemFollower.objects.exists()


def test_the_pages_own_route_still_needs_a_csrf_token(followed):
    item, _message = followed
    from avp_wagtail.tracking.following.tokens import unsubscribe_token

    token = unsubscribe_token(ItemFollower.objects.get())
    response = Client(enforce_csrf_checks=True).post(f"{item.url}follow/unsubscribe/?t={token}")
    assert response.status_code == 403
    assert ItemFollower.objects.exists()


def test_comment_reply_unsubscribe_also_works_without_csrf(client, home):
    from django.contrib.contenttypes.models import ContentType

    from avp_wagtail.comments.models import AvpComment
    from avp_wagtail.comments.tokens import make_unsubscribe_token

    item = make_item(make_plan(make_programme(home)), 2)
    ct = ContentType.objects.get_for_model(item)
    AvpComment.objects.create(
        content_type=ct,
        object_pk=str(item.pk),
        site_id=1,
        user_name="Mari",
        user_email="mari@example.ee",
        comment="Jälgin",
        followup=True,
        is_public=True,
    )
    token = make_unsubscribe_token("mari@example.ee", ct.pk, item.pk)
    response = Client(enforce_csrf_checks=True).post(f"/comments/unsubscribe/{token}/")
    assert response.status_code == 200
    assert not AvpComment.objects.filter(followup=True).exists()
