"""Bad input in the discussion is a 4xx with a clear message, or is cleaned: never a server
error, never half-written (issue 13, point 9; the core's part is in
tests/security/test_bad_input.py)."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from avp_wagtail.comments.models import AvpComment, CommentFlagReport
from tests.builders import make_item, make_plan, make_programme
from tests.comments.helpers import comment_data, confirmation_link

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

HUGE = "9" * 30


@pytest.fixture
def programme(home):
    return make_programme(home)


@pytest.fixture
def plan(programme):
    return make_plan(programme, themes=("Kaasamine",))


@pytest.fixture
def item(plan):
    return make_item(plan, 1)


@pytest.fixture
def comment(item, django_user_model):
    user = django_user_model.objects.create_user("jaan", "jaan@example.ee", "pw")
    return AvpComment.objects.create(
        content_type_id=item.content_type_id,
        object_pk=str(item.pk),
        site_id=1,
        user=user,
        user_name="Jaan",
        user_email="jaan@example.ee",
        comment="Esimene",
        is_public=True,
    )


# -- integer overflow: comment ids, page ids, URL converter --------------------------------


def test_reply_to_of_30_digits_is_a_400_with_the_text_kept(client, item, comment, mailoutbox):
    data = comment_data(client, item, reply_to=HUGE, comment="Minu vastus")
    response = client.post("/comments/post/", data)
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override(item.locale.language_code):  # errors in the page's language
        error = gettext("The comment you are replying to is not part of this discussion.")
    assert error in html
    assert "Minu vastus" in html
    assert AvpComment.objects.count() == 1
    assert mailoutbox == []


@pytest.mark.parametrize("field", ["object_pk", "from_page", "content_type"])
def test_page_ids_of_30_digits_are_a_400(client, item, field):
    data = comment_data(client, item)
    data[field] = HUGE
    response = client.post("/comments/post/", data)
    assert response.status_code == 400
    with translation.override(item.locale.language_code):
        title = gettext("Your comment could not be accepted")
    assert title in response.content.decode()
    assert not AvpComment.objects.exists()


def test_flag_of_a_25_digit_comment_id_is_a_400(client, comment):
    url = "/comments/flag/" + "9" * 25 + "/"
    response = client.post(url, {"reason": "spam", "next": "/en/"})  # answered in English
    assert response.status_code == 400
    assert "This comment does not exist or is no longer shown." in response.content.decode()
    assert not CommentFlagReport.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        f"reply_to={HUGE}",
        f"comment=duplicate&cid={HUGE}",
        "reply_to=-1&cid=abc",
        "mark=%00for",
        f"follow=%00&comment=%1b{HUGE}",
    ],
)
def test_item_page_with_bad_query_values_is_shown(client, item, comment, query):
    response = client.get(f"{item.url}?{query}")
    assert response.status_code == 200
    assert "Esimene" in response.content.decode()


def test_control_characters_in_a_comment_are_removed(client, item, mailoutbox):
    data = comment_data(
        client, item, name="Mari\x00 Maasikas", comment="Hea\x00 mõte\x1b!\nTeine rida"
    )
    response = client.post("/comments/post/", data)
    assert response.status_code == 302
    assert client.get(confirmation_link(mailoutbox)).status_code in (200, 302)
    comment = AvpComment.objects.get()
    assert comment.user_name == "Mari Maasikas"
    assert comment.comment == "Hea mõte!\nTeine rida"
