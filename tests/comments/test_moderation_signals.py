"""Moderation is per comment, through the comment's own save (docs/comments.md, "Why xtd's
pre_save handler is disconnected"): a reply nobody approved stays unpublished whatever
happens to the comment above it, and a host's signal receivers see every moderation act."""

import pytest
from django.conf import settings
from django.db.models.signals import post_save

from avp_wagtail.comments import moderation
from avp_wagtail.comments.checks import check_comment_settings
from avp_wagtail.comments.models import AvpComment

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(item):
    parent = AvpComment.objects.create(
        content_object=item, site_id=1, user_name="Mari", comment="Avalik", is_public=True
    )
    reply = AvpComment.objects.create(
        content_object=item,
        site_id=1,
        user_name="Jaan",
        comment="Ootab kinnitust",
        is_public=False,
        parent_id=parent.pk,
    )
    return parent, reply


def test_saving_or_approving_a_comment_does_not_publish_the_reply_under_it(
    client, item, thread, moderator
):
    parent, reply = thread
    parent.comment = "Avalik, parandatud"
    parent.save()
    moderation.hide([parent], moderator)
    moderation.approve([parent], moderator)

    reply.refresh_from_db()
    assert reply.is_public is False
    html = client.get(item.url).content.decode()
    assert "Avalik, parandatud" in html
    assert "Ootab kinnitust" not in html


def test_hiding_a_comment_keeps_the_approved_replies_under_it(client, item, thread, moderator):
    parent, reply = thread
    moderation.approve([reply], moderator)
    moderation.hide([parent], moderator)
    reply.refresh_from_db()
    assert reply.is_public is True
    assert "Ootab kinnitust" in client.get(item.url).content.decode()


def test_a_hosts_receiver_sees_each_moderation_act(thread, moderator):
    parent, reply = thread
    seen = []

    def receiver(sender, instance, update_fields=None, **kwargs):
        seen.append((instance.pk, frozenset(update_fields or ())))

    post_save.connect(receiver, sender=AvpComment)
    try:
        moderation.approve([reply], moderator)
        moderation.hide([parent], moderator)
    finally:
        post_save.disconnect(receiver, sender=AvpComment)
    assert (reply.pk, frozenset({"is_public", "is_removed", "hidden_by_flags"})) in seen
    assert (parent.pk, frozenset({"is_removed"})) in seen


def test_the_app_must_come_after_django_comments_xtd(monkeypatch):
    """Before it, xtd would connect its handler after the app disconnected it."""
    assert "avp_comments.E007" not in {error.id for error in check_comment_settings()}
    installed = [app for app in settings.INSTALLED_APPS if app != "avp_wagtail.comments"]
    installed.insert(installed.index("django_comments_xtd"), "avp_wagtail.comments")
    # The list as a developer would write it (no app registry reload: only the check reads it).
    monkeypatch.setattr(settings, "INSTALLED_APPS", installed)
    assert "avp_comments.E007" in {error.id for error in check_comment_settings()}
