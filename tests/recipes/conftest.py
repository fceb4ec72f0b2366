import pytest

from tests.helpers import english_admin


@pytest.fixture
def admin_client(admin_client, django_user_model):
    """The editor works in an English admin (messages are checked in English)."""
    english_admin(django_user_model.objects.get(username="editor"))
    return admin_client
