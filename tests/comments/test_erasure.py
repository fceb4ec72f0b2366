"""With the comments app, the admin's "Erase personal data" page says what erasing does to
comments: the app's kind of personal data describes itself (its ``avp_personal_data``
provider); the page's own text names no kind (tests/admin/test_erasure.py)."""

import pytest
from wagtail.users.models import UserProfile

from avp_wagtail.comments.models import AvpComment
from tests.builders import make_item, make_plan, make_programme

pytestmark = pytest.mark.django_db

URL = "/admin/avp/erase-personal-data/"


def _eraser(client, django_user_model, language):
    user = django_user_model.objects.create_superuser("andmekaitse", "a@vald.example", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def _main(response):
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_the_page_says_what_happens_to_comments(client, django_user_model):
    main = _main(_eraser(client, django_user_model, "en").get(URL))
    assert "Erased comments disappear from the page" in main
    assert "Official responses of the municipality are not erased." in main
    assert "Follows of actions are deleted" in main  # the core's kinds as well


def test_found_comments_are_counted_as_comments(client, django_user_model, home):
    item = make_item(make_plan(make_programme(home)), 1)
    AvpComment.objects.create(
        content_object=item,
        site_id=1,
        user_name="Mari",
        user_email="mari@example.ee",
        comment="Hea mõte",
        is_public=True,
    )
    main = _main(_eraser(client, django_user_model, "en").post(URL, {"email": "mari@example.ee"}))
    assert "1 record holds this address" in main
    assert "1 comment." in main
