"""Posting through the real django-comments-xtd form: hidden fields read from the page."""

import time

import pytest
from django.utils import translation

from avp_wagtail.comments.models import AvpComment

from .helpers import POST_URL, comment_data, confirmation_link, hidden_fields, post_comment

pytestmark = pytest.mark.django_db


def test_anonymous_comment_waits_for_the_emailed_link_then_for_approval(client, item, mailoutbox):
    response = post_comment(client, item, comment="Noortele rohkem raha!")
    assert response.status_code == 302
    assert response["Location"] == f"{item.url}?comment=sent#comments"
    assert not AvpComment.objects.exists()  # nothing is stored before the address is confirmed
    assert mailoutbox[-1].to == ["mari@example.ee"]
    assert "Noortele rohkem raha!" in mailoutbox[-1].body

    response = client.get(confirmation_link(mailoutbox))
    assert response.status_code == 302
    assert response["Location"] == f"{item.url}?comment=pending#comments"
    comment = AvpComment.objects.get()
    assert (comment.mark, comment.is_public, comment.language) == ("for", False, "et")
    page = client.get(item.url).content.decode()
    assert "Noortele rohkem raha!" not in page  # pre-moderation (the default)


def test_post_moderation_publishes_a_confirmed_comment(client, item, mailoutbox, post_moderation):
    post_comment(client, item, comment="Väga vajalik.", mark="against")
    response = client.get(confirmation_link(mailoutbox))
    comment = AvpComment.objects.get()
    # ?c= makes the page show the screen of the discussion that holds it
    assert response["Location"] == f"{item.url}?comment=confirmed&c={comment.pk}#c{comment.pk}"
    html = client.get(item.url).content.decode()
    assert "Väga vajalik." in html
    with translation.override("et"):
        assert str(comment.get_mark_display()) in html


def test_logged_in_resident_comments_at_once_under_the_account_name(client, item, resident):
    client.force_login(resident)
    html = client.get(item.url).content.decode()
    form = html[html.index('id="comment-form"') :]
    form = form[: form.index("</form>")]
    assert 'name="email"' not in form
    assert 'name="name"' not in form
    # Whatever name and address are sent, the account's are used.
    response = post_comment(client, item, comment="Toetan.", name="Keegi Teine")
    comment = AvpComment.objects.get()
    assert response["Location"] == f"{item.url}?comment=posted&c={comment.pk}#c{comment.pk}"
    assert comment.is_public
    assert comment.user == resident
    assert comment.user_name == "Jaan Tamm"
    assert "Jaan Tamm" in client.get(item.url).content.decode()


def test_double_submit_stores_one_comment(client, item, resident):
    client.force_login(resident)
    data = comment_data(client, item, comment="Sama tekst")
    client.post(POST_URL, data)
    client.post(POST_URL, data)
    assert AvpComment.objects.count() == 1


def test_moderator_posts_an_official_response_residents_cannot(client, item, resident, moderator):
    client.force_login(resident)
    post_comment(client, item, comment="Millal?", mark="question", official_response="on")
    question = AvpComment.objects.get()
    assert not question.is_official_response
    client.force_login(moderator)
    url = f"{item.url}?reply_to={question.pk}"
    post_comment(client, item, url=url, comment="Sügisel.", mark="neutral", official_response="on")
    answer = AvpComment.objects.exclude(pk=question.pk).get()
    assert answer.is_official_response
    assert answer.parent_id == question.pk
    html = client.get(item.url).content.decode()
    assert "avp-comment--official" in html


@pytest.mark.parametrize(
    "change",
    [
        {"security_hash": "0" * 40},
        {"security_hash": ""},
        {"object_pk": "999999"},
        {"honeypot": "I am a bot"},
        {"content_type": "auth.user"},
    ],
    ids=["forged hash", "missing hash", "other object", "honeypot", "not a page"],
)
def test_tampered_or_robot_posts_are_a_400_and_store_nothing(client, item, change, mailoutbox):
    data = comment_data(client, item)
    data.update(change)
    response = client.post(POST_URL, data)
    assert response.status_code == 400
    assert not AvpComment.objects.exists()
    assert not mailoutbox


def test_expired_form_gives_the_text_back_in_a_fresh_form(client, item):
    from unittest import mock

    three_hours_ago = time.time() - 3 * 60 * 60
    with mock.patch("django_comments.forms.time.time", return_value=three_hours_ago):
        data = comment_data(client, item, comment="Pikk läbimõeldud tekst")
    response = client.post(POST_URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Pikk läbimõeldud tekst" in html
    fresh = hidden_fields(html)
    assert int(fresh["timestamp"]) > three_hours_ago + 60  # sending again works
    assert not AvpComment.objects.exists()
    assert client.post(POST_URL, {**data, **fresh}).status_code == 302


@pytest.mark.parametrize(
    ("comment", "error"),
    [("", "This field is required."), ("x" * 3001, "at most 3000 characters")],
    ids=["empty", "too long"],
)
def test_invalid_comment_is_a_400_that_keeps_the_text(client, item, comment, error):
    response = post_comment(client, item, comment=comment)
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override("et"):
        assert "comment-form" in html
        assert 'aria-invalid="true"' in html
    if comment:
        assert comment in html  # the typed text is still in the textarea
    assert not AvpComment.objects.exists()


def test_rate_limit_answers_429_and_keeps_the_text(client, item, resident):
    client.force_login(resident)
    for n in range(5):
        assert post_comment(client, item, comment=f"Kommentaar {n}").status_code == 302
    response = post_comment(client, item, comment="Kuues kommentaar")
    assert response.status_code == 429
    assert "Kuues kommentaar" in response.content.decode()
    assert AvpComment.objects.count() == 5


def test_closed_discussion_rejects_posts_and_says_why(client, item, resident):
    client.force_login(resident)
    data = comment_data(client, item, comment="Liiga hilja?")
    item.comments_open = False
    item.save_revision().publish()
    response = client.post(POST_URL, data)
    assert response.status_code == 403
    assert "Liiga hilja?" in response.content.decode()
    assert not AvpComment.objects.exists()


def test_discussion_closes_after_its_end_date_but_stays_readable(client, item, resident):
    import datetime

    client.force_login(resident)
    post_comment(client, item, comment="Enne tähtaega.")
    item.comments_open_until = datetime.date.today() - datetime.timedelta(days=1)
    item.save_revision().publish()
    html = client.get(item.url).content.decode()
    assert "Enne tähtaega." in html
    assert 'id="comment-form"' in html
    assert "security_hash" not in html
    with translation.override("et"):
        assert item.comments_closed_reason() is not None


def test_replies_go_two_levels_deep_and_no_deeper(client, item, resident):
    client.force_login(resident)
    post_comment(client, item, comment="Tase 0")
    parent = AvpComment.objects.get()
    for level in (1, 2):
        post_comment(client, item, url=f"{item.url}?reply_to={parent.pk}", comment=f"Tase {level}")
        parent = AvpComment.objects.get(comment=f"Tase {level}")
        assert parent.level == level
    # The page offers no reply to level 2, and a forged reply_to is refused.
    data = comment_data(client, item, comment="Tase 3")
    data["reply_to"] = str(parent.pk)
    response = client.post(POST_URL, data)
    assert response.status_code == 400
    assert "Tase 3" in response.content.decode()
    assert not AvpComment.objects.filter(comment="Tase 3").exists()


def test_reply_to_a_comment_on_another_page_is_refused(client, item, resident):
    from tests.builders import make_item

    other = make_item(item.get_parent(), 2)
    client.force_login(resident)
    post_comment(client, other, comment="Teisel lehel")
    foreign = AvpComment.objects.get()
    data = comment_data(client, item, comment="Vastus")
    data["reply_to"] = str(foreign.pk)
    assert client.post(POST_URL, data).status_code == 400
    assert AvpComment.objects.count() == 1


def test_form_of_another_page_is_refused(client, item, resident):
    from tests.builders import make_item

    other = make_item(item.get_parent(), 2)
    client.force_login(resident)
    data = comment_data(client, item)
    data["from_page"] = str(other.pk)
    assert client.post(POST_URL, data).status_code == 400
    assert not AvpComment.objects.exists()


def test_get_is_not_allowed(client):
    assert client.get(POST_URL).status_code == 405
