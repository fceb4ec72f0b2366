import pytest

from tests.builders import make_programme
from tests.helpers import english_admin

from .helpers import past_meeting


@pytest.fixture
def programme(home):
    return make_programme(home)


@pytest.fixture
def world(programme):
    return past_meeting(programme)


@pytest.fixture
def superuser(django_user_model):
    """An editor working in an English admin (admin messages are checked in English)."""
    return english_admin(
        django_user_model.objects.create_superuser("toimetaja", "t@vald.example", "pw")
    )


@pytest.fixture
def admin_client(admin_client, django_user_model):
    """The editor works in an English admin (messages are checked in English)."""
    english_admin(django_user_model.objects.get(username="editor"))
    return admin_client
