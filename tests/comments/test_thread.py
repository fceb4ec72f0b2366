"""One discussion per item: marks, counts, filters, official responses, all languages."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from avp_wagtail.comments.models import AvpComment
from tests.builders import make_item

from .helpers import POST_URL, comment_data, mark_summary, post_comment, shown_comments

pytestmark = pytest.mark.django_db


def _post_as(client, user, page, **fields):
    client.force_login(user)
    response = post_comment(client, page, **fields)
    assert response.status_code == 302, response.content.decode()[:500]


@pytest.fixture
def ru_item(item):
    """A Russian translation of the item (and of its parents), published."""
    ru = Locale.objects.create(language_code="ru")
    for ancestor in item.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.has_translation(ru):
            ancestor.copy_for_translation(ru).save_revision().publish()
    translation_ = item.copy_for_translation(ru)
    translation_.title = "Пункт 1"
    translation_.save_revision().publish()
    return translation_


def test_counts_and_mark_filter(client, item, resident):
    for mark, text in [
        ("for", "Poolt 1"),
        ("for", "Poolt 2"),
        ("against", "Vastu"),
        ("question", "Küsimus"),
    ]:
        _post_as(client, resident, item, mark=mark, comment=text)
    html = client.get(item.url).content.decode()
    assert mark_summary("et", 2, 1, 1) in html
    filtered = client.get(f"{item.url}?mark=against").content.decode()
    assert shown_comments(filtered) == ["Vastu"]


def test_comment_on_a_translation_joins_the_one_thread(client, item, ru_item, resident):
    _post_as(client, resident, ru_item, comment="Хорошая идея", mark="for")
    comment = AvpComment.objects.get()
    assert comment.object_pk == str(item.pk)  # attached to the original, not the translation
    assert comment.language == "ru"
    et_html = client.get(item.url).content.decode()
    assert "Хорошая идея" in et_html
    with translation.override("et"):
        assert "vene" in et_html.lower()  # "written in Russian", in Estonian
    # An Estonian reply to it shows on the Russian page, and counts match.
    _post_as(
        client, resident, item, url=f"{item.url}?reply_to={comment.pk}", comment="Nõus", mark="for"
    )
    ru_html = client.get(ru_item.url).content.decode()
    et_html = client.get(item.url).content.decode()
    assert "Nõus" in ru_html
    assert "Хорошая идея" in ru_html
    assert shown_comments(ru_html) == shown_comments(et_html)
    assert mark_summary("ru", 2, 0, 0) in ru_html  # the same counts, in Russian
    assert AvpComment.objects.get(comment="Nõus").parent_id == comment.pk


def test_form_from_a_translation_of_another_item_is_refused(client, item, ru_item, resident):
    other = make_item(item.get_parent(), 2)
    client.force_login(resident)
    data = comment_data(client, other)
    data["from_page"] = str(ru_item.pk)  # a translation of a different group
    assert client.post(POST_URL, data).status_code == 400
    assert not AvpComment.objects.exists()


def test_comments_awaiting_an_official_response_are_listed(client, item, resident, moderator):
    _post_as(client, resident, item, comment="Miks nii kallis?", mark="question")
    question = AvpComment.objects.get()
    with translation.override("et"):
        from django.utils.translation import ngettext

        waiting = ngettext(
            "%(counter)s comment awaits the municipality's response",
            "%(counter)s comments await the municipality's response",
            1,
        ) % {"counter": 1}
    assert waiting in client.get(item.url).content.decode()
    _post_as(
        client,
        moderator,
        item,
        url=f"{item.url}?reply_to={question.pk}",
        comment="Hind tuleb hangetest.",
        official_response="on",
    )
    assert waiting not in client.get(item.url).content.decode()


def test_plan_page_shows_counts_per_item(client, item, resident):
    _post_as(client, resident, item, comment="A", mark="for")
    _post_as(client, resident, item, comment="B", mark="against")
    html = client.get(item.get_parent().url).content.decode()
    marks = mark_summary("et", 1, 1)
    assert f'2 <span class="avp-comment-marks">({marks})</span>' in html


def test_plan_takes_comments_only_during_consultation(client, item, resident):
    from avp_wagtail.core.choices import PlanStatus

    plan = item.get_parent().specific
    client.force_login(resident)
    assert 'id="comment-form"' not in client.get(plan.url).content.decode()
    plan.status = PlanStatus.CONSULTATION
    plan.save_revision().publish()
    assert (
        client.post(POST_URL, comment_data(client, plan, comment="Kava kohta")).status_code == 302
    )
    plan.status = PlanStatus.ADOPTED
    plan.save_revision().publish()
    html = client.get(plan.url).content.decode()
    assert "Kava kohta" in html
    assert "security_hash" not in html


def test_meeting_and_call_comments_only_when_switched_on(client, home, resident):
    from tests.builders import make_call, make_programme

    call = make_call(make_programme(home))
    client.force_login(resident)
    assert "security_hash" not in client.get(call.url).content.decode()
    call.comments_open = True
    call.save_revision().publish()
    assert client.post(POST_URL, comment_data(client, call, comment="Tulen!")).status_code == 302
    # A rejected comment shows the whole call again: the interest form is still there.
    rejected = client.post(POST_URL, comment_data(client, call, comment=""))
    assert rejected.status_code == 400
    assert 'name="consent"' in rejected.content.decode()
