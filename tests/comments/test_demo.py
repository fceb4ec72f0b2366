"""The demo discussion shows every mark and an official response."""

import pytest

from avp_wagtail.comments.choices import CommentMark
from avp_wagtail.comments.models import AvpComment
from avp_wagtail.models import ActionItemPage

from .helpers import shown_comments

pytestmark = pytest.mark.django_db


def test_demo_item_has_a_discussion_with_every_mark_and_an_official_response(client, demo):
    item = ActionItemPage.objects.get(slug="kaasav-eelarve")
    comments = AvpComment.objects.filter(object_pk=str(item.pk))
    assert set(comments.values_list("mark", flat=True)) == set(CommentMark.values)
    assert comments.filter(is_official_response=True).count() == 1
    assert set(comments.values_list("language", flat=True)) == {"et", "en", "ru"}
    html = client.get(item.url).content.decode()
    assert len(shown_comments(html)) == comments.count()
    assert "avp-comment--official" in html


def test_rebuilding_the_demo_leaves_no_orphan_comments(demo):
    from demo.builder import build_demo

    build_demo(translate=False)
    item = ActionItemPage.objects.get(slug="kaasav-eelarve")
    assert AvpComment.objects.count() == AvpComment.objects.filter(object_pk=str(item.pk)).count()
