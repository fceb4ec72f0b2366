import pytest
from django.core.cache import cache
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


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (the comment rate limit counts in it)."""
    cache.clear()
    yield
    cache.clear()
