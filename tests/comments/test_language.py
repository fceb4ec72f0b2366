"""Errors, messages and e-mails of the comment and follow forms are in the language of the
page the resident wrote on, not in her browser's (the comment URLs have no language prefix)."""

import pytest
from wagtail.models import Locale

from avp_wagtail.comments.models import AvpComment
from tests.helpers import et, ru

from .helpers import POST_URL, comment_data, confirmation_link, flag_url, post_comment

pytestmark = pytest.mark.django_db

ESTONIAN_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "et"}


@pytest.fixture
def ru_item(item):
    russian = Locale.objects.create(language_code="ru")
    for ancestor in item.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.has_translation(russian):
            ancestor.copy_for_translation(russian).save_revision().publish()
    target = item.copy_for_translation(russian)
    target.title = "Пункт 1"
    target.save_revision().publish()
    return target


def test_invalid_comment_on_the_russian_page_is_answered_in_russian(client, ru_item):
    data = comment_data(client, ru_item, comment="", name="Иван")
    response = client.post(POST_URL, data, **ESTONIAN_BROWSER)
    assert response.status_code == 400
    assert response["Content-Language"] == "ru"
    html = response.content.decode()
    required = ru("This field is required.")
    assert required != "This field is required."
    assert required in html
    assert et("This field is required.") not in html
    assert 'id="comment-errors" tabindex="-1"' in html
    assert 'value="Иван"' in html  # what she typed is kept


def test_confirmation_email_is_in_the_language_of_the_page(client, ru_item, mailoutbox):
    data = comment_data(client, ru_item, comment="Хорошо")
    client.post(POST_URL, data, **ESTONIAN_BROWSER)
    subject = ru('Please confirm your comment on "%(title)s"', title=ru_item.title)
    assert mailoutbox[-1].subject == subject


def test_confirmation_messages_are_in_the_language_of_the_page(client, item, ru_item, mailoutbox):
    client.post(POST_URL, comment_data(client, ru_item, comment="Хорошо"), **ESTONIAN_BROWSER)
    link = confirmation_link(mailoutbox)
    client.get(link, **ESTONIAN_BROWSER)
    response = client.get(link, **ESTONIAN_BROWSER)  # used twice: a message page
    assert response.status_code == 409
    assert response["Content-Language"] == "ru"
    assert ru("This comment has already been confirmed.") in response.content.decode()


def test_flag_errors_are_in_the_language_of_the_page(client, item, ru_item, resident):
    client.force_login(resident)
    post_comment(client, item, comment="Tere")
    comment = AvpComment.objects.get()
    response = client.post(flag_url(comment), {"next": ru_item.url}, **ESTONIAN_BROWSER)
    assert response.status_code == 400
    assert response["Content-Language"] == "ru"


def test_follow_errors_on_the_russian_page_are_in_russian(client, ru_item):
    response = client.post(
        f"{ru_item.url}follow/", {"follow-email": "не-адрес"}, **ESTONIAN_BROWSER
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert ru("Enter a valid email address.") in html
    assert 'id="follow-errors" tabindex="-1"' in html
    assert 'href="#id_follow-email"' in html
    assert 'value="не-адрес"' in html
