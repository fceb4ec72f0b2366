"""The admin's "Erase personal data" page speaks only of the kinds of personal data the
installation has: its own text names no kind, and each kind (each ``avp_personal_data``
provider) describes itself. Without the optional comments app (scripts/test_core.sh) the page
says nothing of comments; with it, tests/comments/test_erasure.py."""

import re

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from avp_wagtail.models import ItemFollower
from avp_wagtail.privacy.retention import providers
from tests.builders import make_item, make_plan, make_programme

pytestmark = pytest.mark.django_db

URL = "/admin/avp/erase-personal-data/"
COMMENT = re.compile(r"comment", re.IGNORECASE)


@pytest.fixture
def eraser(client, django_user_model):
    """A superuser working in an English admin."""
    user = django_user_model.objects.create_superuser("andmekaitse", "a@vald.example", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def _main(response):
    """The view's own content (Wagtail's menu and shortcuts around it left out)."""
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _without_descriptions(main):
    """The page's own text: every provider's description taken out."""
    with translation.override("en"):  # the editor's language
        descriptions = [str(provider.description) for provider in providers()]
    for description in descriptions:
        main = main.replace(description, "")
    return main


def test_the_page_describes_the_installed_kinds_and_names_no_other(eraser):
    main = _main(eraser.get(URL))
    assert "Follows of actions are deleted" in main
    assert "Expressions of interest are deleted" in main
    assert "(in any letter case) is erased" in main  # the form's help text
    assert "never the address" in main
    # Comments are spoken of only by the comments app's own description (so, without the
    # app, not at all).
    assert not COMMENT.search(_without_descriptions(main))
    with translation.override("en"):
        shown = {str(provider.description) for provider in providers() if provider.description}
    assert all(description in main for description in shown)


def test_nothing_found_and_found_name_no_kind_that_is_not_there(eraser, home):
    main = _main(eraser.post(URL, {"email": "keegi@example.ee"}))
    assert "Nothing is stored under this address" in main
    assert "There are no records with this address that you may erase." in main
    assert not COMMENT.search(main)

    item = make_item(make_plan(make_programme(home)), 1)
    ItemFollower.objects.create(page=item, email="mari@example.ee")
    main = _main(eraser.post(URL, {"email": "mari@example.ee"}))
    assert "1 record holds this address" in main
    assert "1 follow of an action." in main
    assert not COMMENT.search(main)
