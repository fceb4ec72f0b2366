"""Shared fixtures of tests/security (other modules may add theirs here)."""

import pytest
from django.db import transaction
from wagtail.models import Locale
from wagtail.signal_handlers import disable_reference_index_auto_update

from avp_wagtail.models import ActionItemPage
from demo import content
from demo.builder import build_demo


@pytest.fixture(scope="module")
def _security_demo_pk(django_db_setup, django_db_blocker):
    """The demo (Estonian, with the neighbouring municipality's site) plus an English
    translation of the commented action, built once per module inside a transaction that
    is rolled back afterwards (like TestCase.setUpTestData); each test runs in a savepoint
    within it, so tests cannot see each other's changes. Yields the programme's pk."""
    from demo.localize import translate_instance

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with disable_reference_index_auto_update():
                programme = build_demo(translate=False, neighbour=True)
                item = ActionItemPage.objects.descendant_of(programme).get(
                    slug=content.COMMENTED_ITEM
                )
                english = Locale.objects.get_or_create(language_code="en")[0]
                # The snippets the action refers to first, then the action itself.
                people = [item.contact_person]
                orgs = {item.lead_implementer, item.contact_person.organisation}
                orgs |= {partner.organisation for partner in item.partners.all()}
                tags = list(item.tags.all())
                for snippet in [*orgs, *people, *tags]:
                    translate_instance(snippet, [english])
                translate_instance(item, [english])
            yield programme.pk
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def security_demo(_security_demo_pk, db):
    """The demo programme page (see ``_security_demo_pk``)."""
    from avp_wagtail.models import OpenGovernmentPage

    return OpenGovernmentPage.objects.get(pk=_security_demo_pk)
