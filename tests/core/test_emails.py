"""E-mails are plain text: what residents and editors wrote reads as written in them."""

import pytest
from django.utils import timezone

from avp_wagtail.models import ProgressUpdate
from tests.builders import make_item, make_plan, make_programme, publish

pytestmark = pytest.mark.django_db

TITLE = 'Kooli "Päike" & raamatukogu <uus> maja'


def test_a_title_with_quotes_ampersand_and_brackets_is_not_html_escaped(client, home, mailoutbox):
    item = make_item(make_plan(make_programme(home)), 1, title=TITLE)
    client.post(item.url + "follow/", {"follow-email": "mari@example.ee"})
    [message] = mailoutbox
    for text in (message.subject, message.body):
        for escaped in ("&quot;", "&amp;", "&lt;"):
            assert escaped not in text
    assert TITLE in message.subject + message.body
    # And in the e-mail a follower gets for a new update.
    confirm = message.body.split("/follow/confirm/")[1].split()[0]
    client.get(f"{item.url}follow/confirm/{confirm}")
    item.progress_updates = [
        ProgressUpdate(title="Hange & leping", date=timezone.localdate(), kind="progress")
    ]
    publish(item)
    update = mailoutbox[-1]
    assert "Hange & leping" in update.body
    assert "&amp;" not in update.body
