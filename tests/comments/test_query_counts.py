"""A discussion costs the same queries with 5 or 500 comments; posting is bounded."""

import pytest

from avp_wagtail.comments.models import AvpComment
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
    _add_comments(item, 5, [resident, moderator])
    _add_comments(other, 500, [resident, moderator])
    client.force_login(moderator)  # moderators' permission is checked once, not per comment
    small, small_html = _count(client, item.url)
    large, large_html = _count(client, other.url)
    assert len(shown_comments(small_html)) == 5
    assert len(shown_comments(large_html)) == 500
    assert small == large
    assert large <= ITEM_PAGE_BUDGET


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
        source, _ = _count(client, item.url)
        translated, html = _count(client, ru_item.url)
        assert len(shown_comments(html)) == total  # the original's thread, on the translation
        deltas.append(translated - source)
    assert deltas[0] == deltas[1] <= 3
