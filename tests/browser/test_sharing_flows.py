"""Sharing beyond the municipality in Chromium (D4, I3): an editor imports actions from CSV
and borrows one from the neighbouring municipality in the real admin; the home page
blocks, the network page and the neighbour's site pass axe; the plan prints cleanly."""

import json

import pytest

from avp_wagtail.models import ActionItemPage, ActionPlanPage, NetworkPage
from demo.builder import build_demo
from tests.browser.conftest import screenshot
from tests.browser.helpers import axe_violations
from tests.browser.test_editor_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _path(page):
    """The page's path on its own site (with several sites, page.url is absolute)."""
    return page.get_url_parts()[2]


HEADER = "Commitment Title,Commitment Description,Policy Area,Start Date\n"


def test_editor_imports_csv_after_fixing_the_reported_row(page, django_user_model, tmp_path):
    build_demo(translate=False)
    plan = ActionPlanPage.objects.get()
    theme = plan.themes.first().title
    before = ActionItemPage.objects.child_of(plan).count()
    log_in(page, django_user_model)

    page.goto(f"/admin/pages/{plan.pk}/")
    page.locator("#w-slim-header-buttons [data-w-dropdown-target='toggle']").click()
    page.locator(f"#w-slim-header-buttons a[href='/admin/avp/plans/{plan.pk}/import/']").click()
    bad = tmp_path / "tegevused.csv"
    bad.write_text(HEADER + f"Uus tegevus,Kirjeldus,{theme},31.02.2027\n", encoding="utf-8")
    page.set_input_files("#id_file", str(bad))
    page.locator("form#w-editor-form button[type=submit]").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "Row 2, column Start Date" in alert.inner_text()
    screenshot(page, "import-csv-errors")
    assert ActionItemPage.objects.child_of(plan).count() == before

    good = tmp_path / "tegevused-parandatud.csv"
    good.write_text(HEADER + f"Uus tegevus,Kirjeldus,{theme},28.02.2027\n", encoding="utf-8")
    page.set_input_files("#id_file", str(good))
    page.locator("form#w-editor-form button[type=submit]").click()
    page.wait_for_url(f"**/admin/pages/{plan.pk}/")
    assert "1 action created" in page.content()  # ngettext: the singular
    assert ActionItemPage.objects.child_of(plan).get(title="Uus tegevus").live is False


def test_editor_borrows_an_action_from_the_neighbour(page, django_user_model, tmp_path):
    build_demo(translate=False, neighbour=True)
    plan = ActionPlanPage.objects.get(title__contains="Naabri")
    ours = ActionPlanPage.objects.exclude(pk=plan.pk).get()
    log_in(page, django_user_model)
    export = page.request.get(_path(ours) + "open-data/json/")
    path = tmp_path / "naidiku.json"
    path.write_text(json.dumps(export.json()), encoding="utf-8")

    page.goto(f"/admin/avp/plans/{plan.pk}/borrow/")
    page.set_input_files("#id_file", str(path))
    page.locator("form#w-editor-form button[type=submit]").click()
    page.get_by_label("Volikogu istungite otseülekanded").check()
    screenshot(page, "borrow-choose")
    page.locator("form#w-editor-form button[type=submit]").click()
    page.wait_for_url(f"**/admin/pages/{plan.pk}/")
    copy = ActionItemPage.objects.child_of(plan).get(title="Volikogu istungite otseülekanded")
    assert copy.adapted_from_municipality == "Näidiku vald"


def test_home_blocks_network_and_neighbour_pages_have_no_axe_violations(page, live_server):
    build_demo(translate=False, neighbour=True)
    network = NetworkPage.objects.get()
    problems = []
    for name, url in [
        ("home-blocks", "/et/"),
        ("network", _path(network)),
        ("network-filtered", _path(network) + "?ogp=civic_participation&status=in_progress"),
    ]:
        assert page.goto(url).status == 200, url
        problems += axe_violations(page)
        screenshot(page, f"axe-{name}")
    # The neighbour is another Wagtail site of the same install (Chromium resolves
    # *.localhost to this machine).
    base = live_server.url.replace("localhost", "naaber.localhost")
    assert page.goto(base + "/et/avatud-valitsemine/tegevuskava/").status == 200
    assert "Naabri valla" in page.content()
    problems += axe_violations(page)
    screenshot(page, "axe-neighbour-plan")
    assert problems == [], "\n".join(problems)


def test_plan_prints_without_navigation_and_with_link_addresses(page):
    build_demo(translate=False)
    plan = ActionPlanPage.objects.get()
    page.goto(_path(plan))
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.avp-languages', '.avp-share', '.avp-open-data', 'form']
            .map(sel => document.querySelector(sel))
            .filter(el => el && getComputedStyle(el).display !== 'none').length"""
    )
    assert hidden == 0
    after = page.evaluate(
        """() => getComputedStyle(
            document.querySelector('.avp-items a[href]'), '::after').content"""
    )
    assert after.startswith('" <')
    assert "/" in after
    screenshot(page, "print-plan")
