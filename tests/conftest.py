import pytest
from wagtail.models import Site

from demo.builder import build_demo


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def demo(db):
    """The demo programme page, with everything under it built by ``load_demo``."""
    return build_demo(translate=False)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.ee", "pw")
    client.force_login(user)
    return client
