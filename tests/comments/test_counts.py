"""One discussion per translation group: the same count in every language, on every page
that shows it, and a discussion that outlives the page that held it."""

import re

import pytest
from django.db import transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from avp_wagtail.comments.models import AvpComment
from avp_wagtail.models import ActionItemPage, OpenGovernmentPage
from demo.builder import build_demo

pytestmark = pytest.mark.django_db

LANGUAGES = ("et", "en", "ru")


@pytest.fixture(scope="module")
def _translated_demo_pk(django_db_setup, django_db_blocker):
    """The demo with its en/ru translations, built once per module and rolled back after."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with disable_reference_index_auto_update():
                yield build_demo(translate=True).pk
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def items(_translated_demo_pk, db):
    """The commented demo item in each language, by language code."""
    original = ActionItemPage.objects.get(slug="kaasav-eelarve", locale__language_code="et")
    pages = ActionItemPage.objects.filter(translation_key=original.translation_key).live()
    found = {page.locale.language_code: page for page in pages.select_related("locale")}
    assert set(found) == set(LANGUAGES)
    return found


def _visible_count():
    return AvpComment.objects.filter(is_public=True, is_removed=False).count()


def item_page_count(client, item):
    html = client.get(item.url).content.decode()
    match = re.search(r'<p class="avp-comment-summary">\s*(\d+)', html)
    assert match, "the item page shows no comment summary"
    return int(match.group(1))


def plan_page_count(client, item):
    """The number in the plan table's "Comments" column of the item's row."""
    plan = item.get_parent()
    html = client.get(plan.url).content.decode()
    href = item.relative_url(item.get_site())
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        if f'href="{href}"' in row:
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            text = re.sub(r"<[^>]+>", " ", cells[-1])
            return int(text.split()[0])
    raise AssertionError(f"the plan page lists no row for {href}")


def test_counts_are_the_same_on_every_language_version_of_plan_and_item(client, items):
    expected = _visible_count()
    assert expected >= 6
    for language in LANGUAGES:
        assert item_page_count(client, items[language]) == expected, language
        assert plan_page_count(client, items[language]) == expected, language


def test_deleting_the_original_keeps_the_discussion_on_its_translations(client, items):
    expected = _visible_count()
    texts = set(AvpComment.objects.values_list("comment", flat=True))
    items["et"].delete()

    assert AvpComment.objects.count() == len(texts)  # nothing lost
    for language in ("en", "ru"):
        assert item_page_count(client, items[language]) == expected, language
        assert plan_page_count(client, items[language]) == expected, language
        html = client.get(items[language].url).content.decode()
        assert all(text.split()[0] in html for text in texts)
    holder = min(items["en"].pk, items["ru"].pk)
    assert set(AvpComment.objects.values_list("object_pk", flat=True)) == {str(holder)}


def test_deleting_a_whole_language_tree_hands_the_discussion_on(client, items):
    """Deleting the original programme (and the plan and items under it) in one go: the
    comments go to a translation that survives, not to a page deleted in the same delete."""
    programme = OpenGovernmentPage.objects.get(
        translation_key=items["et"].get_parent().get_parent().translation_key,
        locale__language_code="et",
    )
    programme.delete()
    survivors = {items["en"].pk, items["ru"].pk}
    assert {int(pk) for pk in AvpComment.objects.values_list("object_pk", flat=True)} <= survivors
    assert item_page_count(client, items["ru"]) == _visible_count()
