"""Residents flag comments; enough flags hide one until a moderator looks."""

import pytest
from django.test import override_settings

from avp_wagtail.comments.models import AvpComment, CommentFlagReport

from .helpers import flag_url, post_comment, shown_comments

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(client, item, resident):
    client.force_login(resident)
    post_comment(client, item, comment="Kõik on lollid")
    client.logout()
    return AvpComment.objects.get()


def _flag(client, comment, ip, reason="offensive", next_url="/"):
    return client.post(flag_url(comment), {"reason": reason, "next": next_url}, REMOTE_ADDR=ip)


def test_three_flags_hide_a_comment_until_a_moderator_approves(client, item, comment, moderator):
    assert _flag(client, comment, "10.0.0.1", next_url=item.url).status_code == 302
    _flag(client, comment, "10.0.0.1")  # the same resident again counts once
    _flag(client, comment, "10.0.0.2")
    assert "Kõik on lollid" in shown_comments(client.get(item.url).content.decode())
    _flag(client, comment, "10.0.0.3", reason="spam")
    assert CommentFlagReport.objects.filter(comment=comment).count() == 3
    comment.refresh_from_db()
    assert comment.hidden_by_flags
    assert not comment.is_public
    assert shown_comments(client.get(item.url).content.decode()) == []

    from avp_wagtail.comments.moderation import approve

    approve([comment], moderator)
    comment.refresh_from_db()
    assert comment.is_public
    assert not comment.hidden_by_flags
    # Old flags were reviewed: one new flag does not hide it again.
    _flag(client, comment, "10.0.0.4")
    comment.refresh_from_db()
    assert comment.is_public


@override_settings(AVP_WAGTAIL={"COMMENT_FLAG_THRESHOLD": 1})
def test_threshold_is_configurable(client, comment):
    _flag(client, comment, "10.0.0.9")
    comment.refresh_from_db()
    assert comment.hidden_by_flags


def test_flag_on_a_missing_comment_is_a_400(client, comment):
    response = client.post("/comments/flag/999999/", {"reason": "spam"})
    assert response.status_code == 400
    assert not CommentFlagReport.objects.exists()


def test_flag_without_a_reason_is_a_400(client, comment):
    assert _flag(client, comment, "10.0.0.1", reason="boring").status_code == 400
    assert not CommentFlagReport.objects.exists()


def test_flag_never_redirects_to_another_host(client, comment):
    response = _flag(client, comment, "10.0.0.1", next_url="https://evil.example/")
    assert response["Location"].startswith("/?")
