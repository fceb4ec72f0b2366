"""A resident who sends the same comment again is recognised, and no second copy is stored."""

import pytest
from django.utils import translation

from avp_wagtail.comments.models import AvpComment

from .helpers import POST_URL, comment_data, confirmation_link, post_comment

pytestmark = pytest.mark.django_db

TEXT = "Palun pange bussipeatusesse pink."


def _et(text):
    with translation.override("et"):
        return translation.gettext(text)


def waiting_text():
    return _et(
        "You have sent this comment before: we have received it and it is waiting for "
        "moderation. There is no need to send it again."
    )


def test_second_link_of_a_resent_comment_stores_no_second_copy(client, item, mailoutbox):
    """She sends, sends again (she saw nothing appear), then opens both e-mailed links."""
    post_comment(client, item, comment=TEXT)
    first = confirmation_link(mailoutbox)
    post_comment(client, item, comment=f"  {TEXT.replace(' ', '  ')}\n")  # same, re-typed
    second = confirmation_link(mailoutbox)
    assert first != second

    assert client.get(first).status_code == 302
    response = client.get(second)
    assert response.status_code == 302
    assert response["Location"] == f"{item.url}?comment=waiting#comments"
    comment = AvpComment.objects.get()  # one comment, not a reply to her own
    assert comment.level == 0
    assert comment.parent_id == comment.pk
    html = client.get(response["Location"]).content.decode()
    assert waiting_text() in html


def test_resending_a_comment_held_for_moderation_says_it_is_waiting(client, item, mailoutbox):
    post_comment(client, item, comment=TEXT)
    client.get(confirmation_link(mailoutbox))
    sent = len(mailoutbox)

    response = post_comment(client, item, comment=TEXT)
    assert response.status_code == 302
    assert response["Location"] == f"{item.url}?comment=waiting#comments"
    assert len(mailoutbox) == sent  # no new confirmation e-mail
    html = client.get(response["Location"]).content.decode()
    assert waiting_text() in html
    # Not "the comment you replied to is no longer in the discussion", no reply anywhere.
    assert AvpComment.objects.count() == 1


def test_resending_a_published_comment_links_to_it(client, item, mailoutbox, post_moderation):
    post_comment(client, item, comment=TEXT)
    client.get(confirmation_link(mailoutbox))
    comment = AvpComment.objects.get()
    assert comment.is_public

    response = post_comment(client, item, comment=TEXT.upper().lower().capitalize())
    assert response["Location"] == f"{item.url}?comment=duplicate&cid={comment.pk}#comments"
    html = client.get(response["Location"]).content.decode()
    assert _et("You have sent this comment before: it is already published.") in html
    assert f'<a href="#c{comment.pk}">{_et("Read your comment")}</a>' in html
    assert AvpComment.objects.count() == 1


def test_second_link_after_publication_links_to_the_published_copy(
    client, item, mailoutbox, post_moderation
):
    post_comment(client, item, comment=TEXT)
    first = confirmation_link(mailoutbox)
    post_comment(client, item, comment=TEXT)
    second = confirmation_link(mailoutbox)
    client.get(first)
    comment = AvpComment.objects.get()
    response = client.get(second)
    assert response["Location"] == f"{item.url}?comment=duplicate&cid={comment.pk}#comments"
    assert AvpComment.objects.count() == 1


def test_same_text_as_a_reply_elsewhere_or_by_someone_else_is_a_new_comment(
    client, item, mailoutbox, post_moderation, resident
):
    client.force_login(resident)
    post_comment(client, item, comment="Esimene")
    post_comment(client, item, comment="Teine")
    first, second = AvpComment.objects.order_by("pk")
    client.logout()
    for parent in (first, second):
        url = f"{item.url}?reply_to={parent.pk}"
        post_comment(client, item, url=url, comment="Aitäh!")
        client.get(confirmation_link(mailoutbox))
    post_comment(client, item, comment="Aitäh!", email="teine@example.ee")
    client.get(confirmation_link(mailoutbox))
    replies = AvpComment.objects.filter(comment="Aitäh!")
    assert sorted(replies.values_list("parent_id", flat=True)) == sorted(
        [first.pk, second.pk, replies.get(level=0).pk]
    )


def test_logged_in_double_post_is_recognised(client, item, resident):
    client.force_login(resident)
    data = comment_data(client, item, comment=TEXT)
    assert client.post(POST_URL, data).status_code == 302
    again = comment_data(client, item, comment=f"{TEXT}  ")
    response = client.post(POST_URL, again)
    comment = AvpComment.objects.get()
    assert response["Location"] == f"{item.url}?comment=duplicate&cid={comment.pk}#comments"
