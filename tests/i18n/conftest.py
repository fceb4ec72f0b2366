import pytest

from avp_wagtail.models import OpenGovernmentPage
from tests.factories import translated_programme as build_translated_programme
from tests.helpers import rolled_back


@pytest.fixture(scope="module")
def _translated_programme_pk(django_db_setup, django_db_blocker):
    """A programme with every page type, translated into English and Russian
    (``tests.factories.translated_programme``), built once per module (``rolled_back``)."""
    with rolled_back(django_db_blocker):
        yield build_translated_programme().pk


@pytest.fixture
def translated_programme(_translated_programme_pk, db):
    """The Estonian programme (see ``_translated_programme_pk``)."""
    return OpenGovernmentPage.objects.get(pk=_translated_programme_pk)
