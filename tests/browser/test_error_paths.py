"""What a resident meets when something is not there: a closed call, a missing translation."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from avp_wagtail.models import ActionPlanPage, InterestSubmission, OpenGovernmentPage
from demo.builder import build_demo
from tests.browser.conftest import screenshot
from tests.browser.helpers import axe_violations, home_page
from tests.builders import make_call, make_item, make_meeting, make_programme

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_closed_call_shows_why_and_what_happened_since(page):
    programme = make_programme(home_page())
    make_meeting(programme, 1, -3, summary="Leppisime kokku kolm teemat.")
    call = make_call(programme, deadline=timezone.localdate() - datetime.timedelta(days=1))
    page.goto(call.url)
    screenshot(page, "closed-call")
    assert page.locator("form.avp-form").count() == 0
    with translation.override("et"):
        closed = gettext("This call closed on %(deadline)s. Thank you to everyone who took part.")
    notice = page.get_by_role("status").inner_text()
    assert closed.split("%(deadline)s")[0].strip() in notice
    assert "Leppisime kokku kolm teemat." in page.content()
    assert axe_violations(page) == []
    assert InterestSubmission.objects.count() == 0


def test_language_without_a_translation_leads_to_the_programme(page):
    build_demo(translate=True)
    plan = ActionPlanPage.objects.get(locale__language_code="et")
    untranslated = make_item(plan, 42, title="Uus tegevus, veel tõlkimata")
    page.goto(untranslated.url)
    page.locator("nav.avp-languages").get_by_role("link", name="Русский").click()
    ru_programme = OpenGovernmentPage.objects.get(locale__language_code="ru")
    page.wait_for_url(f"**{ru_programme.url}")
    assert page.locator("h1").inner_text() == ru_programme.title
    screenshot(page, "untranslated-fallback-ru")
    # Asking for the Russian page directly is a 404, not a server error.
    response = page.goto(untranslated.url.replace("/et/", "/ru/", 1))
    assert response.status == 404
