import pytest
from django.db import transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from avp_wagtail.models import OpenGovernmentPage
from demo.builder import build_demo


@pytest.fixture(scope="module")
def _translated_demo_pk(django_db_setup, django_db_blocker):
    """Build the demo with its en/ru translations once per module, inside a transaction
    that is rolled back afterwards (like TestCase.setUpTestData); each test runs in a
    savepoint within it, so tests still cannot see each other's changes."""
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
def translated_demo(_translated_demo_pk, db):
    return OpenGovernmentPage.objects.get(pk=_translated_demo_pk)
