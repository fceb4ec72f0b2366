"""axe-core (WCAG 2.1 A and AA rules) on every public AVP page type, in et, en and ru."""

import pytest

from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    OpenGovernmentPage,
)
from demo.builder import build_demo
from tests.browser.conftest import screenshot
from tests.browser.helpers import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_every_page_type_in_every_language_has_no_axe_violations(page):
    build_demo(translate=True)
    urls = []
    for model in (
        OpenGovernmentPage,
        CallToParticipatePage,
        ActionPlanPage,
        ActionItemPage,
        MeetingProtocolPage,
    ):
        for language in ("et", "en", "ru"):
            for instance in model.objects.filter(locale__language_code=language).order_by("path")[
                :2
            ]:
                urls.append((f"{model.__name__}-{language}-{instance.slug}", instance.url))
    assert len(urls) == 7 * 3  # programme, call, plan, two items, two meetings; three languages
    problems = []
    for name, url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        problems += axe_violations(page)
        screenshot(page, f"axe-{name}")
    assert problems == [], "\n".join(problems)


def test_interest_form_in_its_error_state_has_no_axe_violations(page):
    build_demo(translate=False)
    call = CallToParticipatePage.objects.get()
    page.goto(call.url)
    page.locator('input[name="email"]').fill("not-an-address")
    page.locator("form.avp-form button[type=submit]").click()
    page.wait_for_selector(".avp-notice--error")
    screenshot(page, "axe-interest-form-errors")
    assert axe_violations(page) == []
