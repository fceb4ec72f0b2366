"""What the form, the notice and the e-mail promise matches the moderation of the page's site
(a resident's walk found "published once you open it" under pre-moderation, where the link
leads to "will appear once a moderator has approved it"). The page is Estonian."""

import pytest
from django.utils.html import escape

from tests.helpers import et

from .helpers import post_comment

pytestmark = pytest.mark.django_db

PRE_FORM = (
    "Your e-mail address is never shown. After sending, open the link we e-mail you; then a "
    "moderator looks at the comment before it is published."
)
POST_FORM = (
    "Your e-mail address is never shown. After sending, open the link we e-mail you to "
    "publish the comment."
)
PRE_SENT = (
    "Thank you! We have e-mailed you a link: once you open it, a moderator looks at your "
    "comment before it is published."
)
POST_SENT = "Thank you! We have e-mailed you a link: your comment is published once you open it."
PRE_MAIL = "To confirm it, open this link; then a moderator looks at it before it is published:"
POST_MAIL = "To publish it, open this link:"


def _shown(client, url):
    return client.get(url).content.decode()


def test_under_pre_moderation_nothing_promises_publication_on_confirmation(
    client, item, mailoutbox
):
    page = _shown(client, item.url)
    assert escape(et(PRE_FORM)) in page
    assert escape(et(POST_FORM)) not in page
    post_comment(client, item, comment="Noortele rohkem raha!")
    sent = _shown(client, f"{item.url}?comment=sent")
    assert escape(et(PRE_SENT)) in sent
    assert escape(et(POST_SENT)) not in sent
    assert et(PRE_MAIL) in mailoutbox[-1].body


def test_under_post_moderation_confirmation_publishes(client, item, mailoutbox, post_moderation):
    page = _shown(client, item.url)
    assert escape(et(POST_FORM)) in page
    assert escape(et(PRE_FORM)) not in page
    post_comment(client, item, comment="Noortele rohkem raha!")
    assert escape(et(POST_SENT)) in _shown(client, f"{item.url}?comment=sent")
    assert et(POST_MAIL) in mailoutbox[-1].body
