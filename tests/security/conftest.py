"""Shared fixtures of tests/security (other modules may add theirs here)."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from avp_wagtail.models import ActionItemPage, OpenGovernmentPage
from tests.builders import make_site
from tests.factories import (
    ActionItemPageFactory,
    ActionPlanPageFactory,
    NetworkPageFactory,
    OpenGovernmentPageFactory,
    filled_programme,
    translate,
)


@pytest.fixture(scope="module")
def _security_programme_pk(django_db_setup, django_db_blocker):
    """A programme with every page type filled (``filled_programme``), a discussion on its
    first action and an English translation of that action; and a neighbouring municipality
    on its own site with its own network page. Built once per module inside a transaction
    that is rolled back afterwards (like TestCase.setUpTestData); each test runs in a
    savepoint within it, so tests cannot see each other's changes. Yields the programme's
    pk."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with disable_reference_index_auto_update():
                programme = filled_programme()
                item = ActionItemPage.objects.descendant_of(programme).order_by("path").first()
                _discussion(item)
                translate(item, "en")  # with the snippets it refers to
                neighbour = make_site("naaber.example", title="Naabri vald").root_page
                other = OpenGovernmentPageFactory(parent=neighbour, in_network=True)
                ActionItemPageFactory(parent=ActionPlanPageFactory(parent=other))
                NetworkPageFactory(parent=other)
            yield programme.pk
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _discussion(item):
    """Two public comments and a reply (the flag form needs a public comment); nothing
    when the optional comments app is not installed (the core-only suite)."""
    if not apps.is_installed("avp_wagtail.comments"):
        return
    comment_model = apps.get_model("avp_comments", "AvpComment")
    content_type = ContentType.objects.get_for_model(item)
    first = None
    for name, text in (
        ("Mari Maasikas", "Väga hea mõte."),
        ("Ivan Petrov", "Слишком мало денег."),
        ("Jaan Tamm", "Toetan!"),
    ):
        comment = comment_model.objects.create(
            content_type=content_type,
            object_pk=str(item.pk),
            site_id=1,
            user_name=name,
            user_email="",
            comment=text,
            mark="for",
            language="et",
            parent_id=first.pk if first and name == "Jaan Tamm" else 0,
        )
        first = first or comment


@pytest.fixture
def security_programme(_security_programme_pk, db):
    """The programme page (see ``_security_programme_pk``)."""
    return OpenGovernmentPage.objects.get(pk=_security_programme_pk)
