"""One discussion per translation group: the same count in every language, on every page
that shows it, and a discussion that outlives the page that held it."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType

from avp_wagtail.comments.models import AvpComment
from avp_wagtail.models import ActionItemPage, OpenGovernmentPage
from tests.factories import translated_programme
from tests.helpers import rolled_back

pytestmark = pytest.mark.django_db

LANGUAGES = ("et", "en", "ru")

# (name, language, text, reply to the comment at this index): a discussion in three
# languages, with replies, on the Estonian action.
DISCUSSION = [
    ("Mari Maasikas", "et", "Bussiootepaviljon oleks minu ettepanek.", None),
    ("Ivan Petrov", "ru", "Слишком мало денег на все деревни.", None),
    ("Vallavalitsus", "et", "Aitäh! Jagame eelarve kolme piirkonna vahel.", 1),
    ("Liis Kask", "et", "Kas ideid saab esitada ka paberil?", None),
    ("Anna Smith", "en", "Please publish the voting rules in English.", None),
    ("Jaan Tamm", "et", "Toetan! Paviljon on ammu vajalik.", 0),
]


@pytest.fixture(scope="module")
def _programme_pk(django_db_setup, django_db_blocker):
    """A programme translated into English and Russian, with a discussion on its first
    action, built once per module and rolled back after."""
    with rolled_back(django_db_blocker):
        programme = translated_programme()
        item = ActionItemPage.objects.descendant_of(programme).order_by("path").first()
        comments = []
        for name, language, text, reply_to in DISCUSSION:
            comments.append(
                AvpComment.objects.create(
                    content_type=ContentType.objects.get_for_model(item),
                    object_pk=str(item.pk),
                    site_id=1,
                    user_name=name,
                    user_email="",
                    comment=text,
                    language=language,
                    parent_id=0 if reply_to is None else comments[reply_to].pk,
                )
            )
        yield programme.pk


@pytest.fixture
def items(_programme_pk, db):
    """The commented action in each language, by language code."""
    programme = OpenGovernmentPage.objects.get(pk=_programme_pk)
    original = ActionItemPage.objects.descendant_of(programme).order_by("path").first()
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
    # The items table (the timeline's table lists the items too, without the counts).
    tables = re.findall(r'<table class="avp-items[^"]*">(.*?)</table>', html, re.S)
    for row in re.findall(r"<tr>(.*?)</tr>", "".join(tables), re.S):
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
