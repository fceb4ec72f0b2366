"""A discussion costs the same queries with 10 or 1,000 comments; posting is bounded."""

import pytest

from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.threads import COMMENTS_PER_SCREEN, THREADS_PER_SCREEN
from tests.builders import make_item
from tests.queries import page_queries

from .helpers import comment_data, shown_comments

pytestmark = pytest.mark.django_db

ITEM_PAGE_BUDGET = 35  # share meta, JSON-LD (site, locale), breadcrumbs, tags, view restrictions
POST_BUDGET = 30


def _add_comments(item, count, users):
    """Top-level comments with replies, from logged-in and anonymous residents."""
    parent = None
    for n in range(count):
        comment = AvpComment(
            content_object=item,
            site_id=1,
            user=users[n % len(users)] if n % 2 else None,
            user_name=f"Elanik {n}",
            user_email=f"elanik{n}@example.ee",
            comment=f"Kommentaar {n}",
            mark=["for", "against", "question", "neutral"][n % 4],
            is_official_response=n % 10 == 9,
            parent_id=parent.pk if parent is not None and n % 3 else 0,
        )
        comment.save()
        if n % 3 == 0:
            parent = comment


def _count(client, url):
    count, response = page_queries(client, url)
    return count, response.content.decode()


def test_item_page_queries_do_not_grow_with_comments(client, item, resident, moderator):
    other = make_item(item.get_parent(), 2)
    _add_comments(item, 10, [resident, moderator])
    _add_comments(other, 1000, [resident, moderator])
    client.force_login(moderator)  # moderators' permission is checked once, not per comment
    small, small_html = _count(client, item.url)
    large, large_html = _count(client, other.url)
    assert len(shown_comments(small_html)) == 10
    # One screen of the 1,000: a bounded page, and a link to the next screen.
    assert 0 < len(shown_comments(large_html)) <= COMMENTS_PER_SCREEN
    assert large_html.count('class="avp-comment-list"') <= THREADS_PER_SCREEN + 1
    assert f'href="{other.url}?comments=2#comments"' in large_html
    assert small == large
    assert large <= ITEM_PAGE_BUDGET


def test_a_later_screen_and_a_deep_link_cost_the_same_queries(client, item, resident):
    _add_comments(item, 1000, [resident])
    first, _ = _count(client, item.url)
    later, html = _count(client, f"{item.url}?comments=5")
    last = AvpComment.objects.order_by("-pk").first()
    linked, linked_html = _count(client, f"{item.url}?c={last.pk}")
    assert shown_comments(html)
    assert f'id="c{last.pk}"' in linked_html
    assert first == later
    # A link to one comment is not served from the discussion's cache: it builds the
    # thread (its skeleton and its screen: 2 queries) instead of reading the cache's data
    # version (1 query), whatever the discussion's size.
    assert linked <= first + 1


def test_plan_page_comment_counts_cost_the_same_for_any_number_of_items(client, item, resident):
    plan = item.get_parent()
    first, _ = _count(client, plan.url)
    for n in range(2, 12):
        _add_comments(make_item(plan, n), 3, [resident])
    more, html = _count(client, plan.url)
    assert more == first
    assert html.count('class="avp-comment-marks"') == 10


def test_posting_costs_a_bounded_number_of_queries(
    client, item, resident, django_assert_max_num_queries
):
    _add_comments(item, 50, [resident])
    client.force_login(resident)
    data = comment_data(client, item, comment="Piiratud päringud")
    with django_assert_max_num_queries(POST_BUDGET):
        assert client.post("/comments/post/", data).status_code == 302


def test_translated_item_costs_fixed_extra_queries_whatever_the_thread_size(client, item, resident):
    from wagtail.models import Locale

    ru = Locale.objects.create(language_code="ru")
    for ancestor in item.get_ancestors().filter(depth__gt=1).specific():
        ancestor.copy_for_translation(ru).save_revision().publish()
    ru_item = item.copy_for_translation(ru)
    ru_item.save_revision().publish()
    deltas = []
    for total in (5, 500):
        AvpComment.objects.all().delete()
        _add_comments(item, total, [resident])
        source, source_html = _count(client, item.url)
        translated, html = _count(client, ru_item.url)
        # The original's thread (its first screen), on the translation.
        assert shown_comments(html) == shown_comments(source_html)
        assert 0 < len(shown_comments(html)) <= min(total, COMMENTS_PER_SCREEN)
        assert len(shown_comments(html)) == total or "avp-comment-pages" in html
        deltas.append(translated - source)
    assert deltas[0] == deltas[1] <= 3
