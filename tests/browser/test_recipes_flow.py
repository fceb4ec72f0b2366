"""The recipes in the admin, in Chromium: an editor opens the programme's checklist, follows
an unmet item's link (D6, the monitoring cadence) to the plan's editor, fixes it, publishes
and sees it met; the ids in help texts are links with the recommendation's text on focus;
axe finds nothing on the checklist and recipes screens in et, en and ru."""

import pytest
from wagtail.users.models import UserProfile

from tests.browser.conftest import screenshot
from tests.browser.helpers import axe_violations, home_page
from tests.builders import make_plan, make_programme

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def log_in(page, django_user_model, language="en"):
    user = django_user_model.objects.create_superuser("editor", "editor@vald.example", "parool-123")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "parool-123")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    return user


def publish(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_load_state()


def test_editor_fixes_an_unmet_item_from_the_checklist(page, django_user_model):
    programme = make_programme(home_page(), principles="<p>Avatus.</p>", common_goal="Koos.")
    plan = make_plan(programme, title="Tegevuskava", slug="kava")
    log_in(page, django_user_model)

    page.goto(f"/admin/avp/recipes/checklists/{programme.pk}/")
    d6 = page.locator("#tick-D6")
    assert "Not yet" in d6.inner_text()
    screenshot(page, "recipes-1-checklist")
    d6.get_by_role("link", name="Fix D6").click()
    page.wait_for_url(f"**/admin/pages/{plan.pk}/edit/")

    # The ids in help texts and headings are links with the text, on focus too.
    page.locator("html[data-avp-recipes-ready]").wait_for(state="attached")
    link = page.locator("a.avp-recipe-ref[data-avp-recipe='D6']").first
    assert link.get_attribute("href").endswith("/admin/avp/recipes/#recipe-D6")
    link.focus()
    tip = page.locator("#avp-recipe-tip-D6")
    tip.wait_for(state="visible")
    assert "Agree how progress will be followed" in tip.inner_text()
    assert link.get_attribute("aria-describedby") == "avp-recipe-tip-D6"
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")

    page.fill("#id_monitoring_every", "2")
    page.select_option("#id_monitoring_unit", "months")
    publish(page)
    plan.refresh_from_db()
    assert plan.monitoring_every == 2

    page.goto(f"/admin/avp/recipes/checklists/{programme.pk}/")
    assert "Met" in page.locator("#tick-D6").inner_text()
    assert "every 2 months" in page.locator("#tick-D6").inner_text()
    screenshot(page, "recipes-2-checklist-fixed")


@pytest.mark.parametrize("language", ["et", "en", "ru"])
def test_recipes_screens_have_no_axe_violations(page, django_user_model, language):
    programme = make_programme(home_page(), principles="<p>Avatus.</p>", common_goal="Koos.")
    make_plan(programme, title="Tegevuskava", slug="kava")
    log_in(page, django_user_model, language)
    problems = []
    for url in (
        "/admin/avp/recipes/",
        "/admin/avp/recipes/checklists/",
        f"/admin/avp/recipes/checklists/{programme.pk}/",
        "/admin/avp/recipes/start/",
        f"/admin/pages/{programme.pk}/edit/",
    ):
        page.goto(url)
        page.locator("html[data-avp-recipes-ready]").wait_for(state="attached")
        assert page.locator("html").get_attribute("lang").startswith(language)
        # Wagtail's own rich text editor (Draftail: its text box is named by a placeholder
        # element axe does not follow) is not this feature's; everything else counts.
        problems += [p for p in axe_violations(page) if "placeholder-" not in p]
    # An invalid tick: the error is announced with its field.
    page.goto(f"/admin/avp/recipes/checklists/{programme.pk}/")
    form = page.locator("#tick-C4 form")
    form.locator("input[type=checkbox]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_C4-note[aria-invalid=true]").count() == 1
    problems += axe_violations(page)
    screenshot(page, f"recipes-axe-{language}")
    assert not problems, "\n".join(problems)
