"""An editor builds a plan with two action items in the Wagtail admin, in Chromium."""

import pytest

from avp_wagtail.models import ActionItemPage, ActionPlanPage, Organisation
from tests.browser.conftest import screenshot
from tests.browser.helpers import home_page
from tests.builders import make_programme

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def log_in(page, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@vald.example", "parool-123")
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "parool-123")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def publish(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(lambda url: "/pages/add/" not in url)


def fill_date(page, selector, value):
    """Set a date field's text without opening Wagtail's date picker pop-up (which would
    cover the footer in a headless window); the form posts it exactly as typed."""
    page.eval_on_selector(
        selector,
        "(el, value) => { el.value = value;"
        " el.dispatchEvent(new Event('change', {bubbles: true})); }",
        value,
    )


def test_editor_creates_plan_and_items_and_the_public_page_shows_them(page, django_user_model):
    programme = make_programme(home_page())
    Organisation.objects.create(name="Näidiku Vallavalitsus", kind="municipality")
    log_in(page, django_user_model)

    page.goto(f"/admin/pages/add/avp_wagtail/actionplanpage/{programme.pk}/")
    page.fill("#id_title", "Tegevuskava 2026–2027")
    page.fill("#id_summary", "Mida me koos teeme.")
    fill_date(page, "#id_start_date", "2026-01-01")
    fill_date(page, "#id_end_date", "2027-12-31")
    page.select_option("#id_status", "in_progress")
    page.fill("#id_themes-0-title", "Avatud eelarve")
    page.locator("#id_themes-ADD").click()
    page.fill("#id_themes-1-title", "Noored")
    screenshot(page, "editor-1-plan-form")
    publish(page)
    plan = ActionPlanPage.objects.get()
    assert plan.live
    assert [t.title for t in plan.themes.all()] == ["Avatud eelarve", "Noored"]

    items = [
        ("Kaasav eelarve", "Avatud eelarve", "in_progress", "40"),
        ("Noortekogu", "Noored", "completed", "100"),
    ]
    for title, theme, status, progress in items:
        page.goto(f"/admin/pages/add/avp_wagtail/actionitempage/{plan.pk}/")
        page.fill("#id_title", title)
        page.fill("#id_summary", f"{title}: kokkuvõte.")
        page.select_option("#id_theme", label=theme)
        page.select_option("#id_status", status)
        page.fill("#id_progress", progress)
        fill_date(page, "#id_planned_start", "2026-02-01")
        fill_date(page, "#id_planned_end", "2026-12-31")
        # Lead implementer through the snippet chooser.
        page.locator("[data-chooser-action-choose]").first.click()
        page.locator(".modal").get_by_role("link", name="Näidiku Vallavalitsus").click()
        page.locator(".modal").wait_for(state="hidden")
        # One milestone.
        page.locator("#id_milestones-ADD").click()
        page.fill("#id_milestones-0-title", "Esimene samm")
        fill_date(page, "#id_milestones-0-due_date", "2026-06-01")
        screenshot(page, f"editor-2-item-{progress}")
        publish(page)

    created = {item.title: item for item in ActionItemPage.objects.all()}
    assert set(created) == {"Kaasav eelarve", "Noortekogu"}
    assert created["Kaasav eelarve"].lead_implementer.name == "Näidiku Vallavalitsus"
    assert [m.title for m in created["Kaasav eelarve"].milestones.all()] == ["Esimene samm"]

    page.goto(plan.url)
    screenshot(page, "editor-3-public-plan")
    overall = page.locator("header .avp-progress progress")
    assert overall.get_attribute("value") == "70"  # (40 + 100) / 2
    table_text = page.locator("table.avp-items").all_inner_texts()
    assert any("Kaasav eelarve" in text and "40%" in text for text in table_text)
    assert any("Noortekogu" in text and "100%" in text for text in table_text)
