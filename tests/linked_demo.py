"""The whole demo (en/ru translations and the neighbouring municipality) with its Wagtail
sites on a port other than 80, as ``scripts/demo.sh`` builds it for AVP_DEMO_ADDR.

Use the fixtures in a test module by naming them there:
``linked_demo = fixtures.linked_demo`` and ``linked_demo_setup = fixtures.linked_demo_setup``."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from avp_wagtail.models import OpenGovernmentPage
from demo import content

PORT = 8123
ADDRESS = f"127.0.0.1:{PORT}"


@pytest.fixture(scope="module")
def linked_demo_setup(django_db_setup, django_db_blocker):
    """Built by ``manage.py load_demo --address 127.0.0.1:8123`` (what scripts/demo.sh runs)
    once per module, inside a transaction rolled back afterwards (like
    TestCase.setUpTestData); each test runs in a savepoint within it. Yields the
    programme's pk and what the command printed."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            output = io.StringIO()
            with disable_reference_index_auto_update():
                call_command("load_demo", "--address", ADDRESS, "--no-admin", stdout=output)
            home = Site.objects.get(is_default_site=True).root_page
            programme = OpenGovernmentPage.objects.child_of(home).get(
                slug=content.PROGRAMME["slug"]
            )
            yield programme.pk, output.getvalue()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def linked_demo(linked_demo_setup, db):
    """The demo programme page (Estonian); its site answers at 127.0.0.1:8123."""
    return OpenGovernmentPage.objects.get(pk=linked_demo_setup[0])
