"""A screen of a discussion is the same for every reader: the second reader gets it from
the cache (no thread built, no comment rendered), and what changes it (a new comment, a
moderator hiding one) shows at once. Links to one comment are never served a cached screen."""

from unittest import mock

import pytest
from django.test import Client

from avp_wagtail.comments import context as comment_context_module
from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.threads import CommentThread

from .helpers import post_comment, shown_comments
from .test_query_counts import _add_comments

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds(monkeypatch):
    """How many times a request built a discussion's thread."""
    counter = mock.Mock(side_effect=CommentThread)
    monkeypatch.setattr(comment_context_module, "CommentThread", counter)
    return counter


def test_the_second_reader_of_a_screen_gets_it_from_the_cache(client, item, resident, builds):
    _add_comments(item, 120, [resident])
    first = client.get(item.url).content.decode()
    assert builds.call_count == 1
    other_reader = Client()
    second = other_reader.get(item.url).content.decode()
    assert builds.call_count == 1  # not built again
    assert shown_comments(second) == shown_comments(first)
    assert second.count('class="avp-comment"') == first.count('class="avp-comment"')
    # Another screen is another entry.
    other_reader.get(f"{item.url}?comments=2")
    assert builds.call_count == 2


def test_a_new_comment_shows_at_once_on_a_cached_screen(client, item, resident):
    _add_comments(item, 5, [resident])
    reader = Client()
    assert "Uus mõte" not in reader.get(item.url).content.decode()
    client.force_login(resident)
    post_comment(client, item, comment="Uus mõte")
    shown = shown_comments(reader.get(item.url).content.decode())
    assert len(shown) == 6
    assert "Uus mõte" in shown


def test_a_hidden_comment_leaves_the_cached_screen_at_once(client, item, resident):
    _add_comments(item, 5, [resident])
    comment = AvpComment.objects.get(comment="Kommentaar 4")
    assert "Kommentaar 4" in client.get(item.url).content.decode()
    comment.is_public = False  # as a moderator's "Hide" saves it
    comment.save(update_fields=["is_public"])
    assert "Kommentaar 4" not in client.get(item.url).content.decode()


def test_a_link_to_a_comment_shows_its_screen_past_the_cached_first_one(
    client, item, resident, builds
):
    _add_comments(item, 1000, [resident])
    client.get(item.url)  # the first screen, cached
    last = AvpComment.objects.order_by("-pk").first()
    html = client.get(f"{item.url}?c={last.pk}").content.decode()
    assert f'id="c{last.pk}"' in html
    assert builds.call_count == 2


def test_screens_past_the_cached_ones_are_rendered_each_time(client, item, resident, builds):
    _add_comments(item, 30, [resident])
    for _ in range(2):
        assert client.get(f"{item.url}?comments=9999").status_code == 200
    assert builds.call_count == 2  # ?comments= junk cannot fill the cache


def test_names_anonymised_by_the_retention_period_leave_the_cached_screen(
    client, item, resident, django_capture_on_commit_callbacks
):
    from avp_wagtail.comments.retention import anonymise

    AvpComment.objects.create(
        content_object=item, site_id=1, user_name="Jaan Tamm", comment="Tekst", is_public=True
    )
    assert "Jaan Tamm" in client.get(item.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        anonymise(AvpComment.objects.all())
    assert "Jaan Tamm" not in client.get(item.url).content.decode()
