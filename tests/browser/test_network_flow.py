"""The AVP KOV network across installations in Chromium: an editor follows the
neighbouring municipality (a second installation served on a loopback port), sees its
plans on the network page and borrows one of its actions by address; the changed pages
have no axe violations in Estonian, English and Russian."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from avp_wagtail.federation.models import Borrowing, FollowedSource
from avp_wagtail.models import ActionItemPage, NetworkPage
from demo.builder import build_demo
from tests.browser.conftest import screenshot
from tests.browser.helpers import AXE_OPTIONS, axe_violations
from tests.builders import make_item, make_plan, make_programme, publish
from tests.federation.neighbour import Neighbour

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ("et", "en", "ru")


def text(language, message):
    with translation.override(language):
        return translation.gettext(message)


@pytest.fixture
def loopback(settings):
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "NETWORK_ALLOW_LOOPBACK": True}


@pytest.fixture
def neighbour(loopback):
    server = Neighbour()
    try:
        yield server.build()
    finally:
        server.stop()


def log_in(page, django_user_model, language="en"):
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("toimetaja", "t@vald.example", "parool-123")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    page.goto("/admin/login/")
    page.fill("#id_username", "toimetaja")
    page.fill("#id_password", "parool-123")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    return user


def path(page_object):
    """The page's path (its URL is absolute when there are several sites)."""
    return urlsplit(page_object.full_url).path


def main_problems(page):
    """axe on an admin page without Wagtail's own fading message banner (its success
    message is measured mid-animation); the page itself is checked in full."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context={"exclude": [[".messages"]]}, options=AXE_OPTIONS)
    return [
        f"{page.url}: {violation['id']} on {node['target']}: {violation['help']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def test_an_editor_follows_a_municipality_and_borrows_an_action_by_address(
    page, neighbour, django_user_model
):
    site = Site.objects.get(is_default_site=True)
    programme = make_programme(site.root_page, in_network=True, title="Näidiku programm")
    plan = make_plan(programme, themes=("Noored",), title="Näidiku kava")
    make_item(plan, 1, title="Avatud eelarve")
    network = NetworkPage(title="Võrgustik", slug="vorgustik")
    programme.add_child(instance=network)
    publish(network)
    log_in(page, django_user_model)
    problems = []

    # Follow: the address of the neighbour's programme page.
    page.goto(reverse("avp_network_sources:add"))
    page.locator("#id_site").select_option(str(site.pk))
    page.locator("#id_address").fill(neighbour.url(neighbour.programme))
    screenshot(page, "network-1-follow")
    problems += main_problems(page)
    page.locator("main form[method='post'] button[type=submit]").first.click()
    page.wait_for_url("**/admin/avp/network/sources/")
    row = page.locator("table tbody tr").first
    assert "Naabri vald" in row.inner_text()
    screenshot(page, "network-2-followed")
    problems += main_problems(page)
    assert FollowedSource.objects.get().last_error == ""

    # The network page lists the neighbour's plan and actions, linked to the originals.
    page.goto(path(network))
    followed = page.locator("section.avp-network-followed")
    assert "Naabri kava" in followed.inner_text()
    link = followed.get_by_role("link", name="Noortevolikogu")
    assert link.get_attribute("href") == neighbour.url(neighbour.item)
    screenshot(page, "network-3-network-page")
    problems += axe_violations(page)

    # Borrow it by its address into Näidiku's plan.
    page.goto("/admin/avp/network/sources/")
    page.get_by_role("link", name="Borrow an action").click()
    page.locator("#id_address").fill(neighbour.url(neighbour.item))
    page.locator("#id_plan").select_option(str(plan.pk))
    screenshot(page, "network-4-borrow")
    problems += main_problems(page)
    page.locator("main form[method='post'] button[type=submit]").first.click()
    page.wait_for_url("**/admin/pages/*/edit/")
    copy = ActionItemPage.objects.get(title="Noortevolikogu", adapted_from_url__startswith="http")
    assert copy.get_parent().pk == plan.pk
    assert not copy.live
    assert Borrowing.objects.get().item_id == copy.pk
    page.goto("/admin/avp/network/borrowed/")
    assert "Noortevolikogu" in page.locator("main").inner_text()
    problems += main_problems(page)
    assert problems == [], "\n".join(problems)


def test_the_network_pages_have_no_axe_violations_in_three_languages(
    page, live_server, django_user_model
):
    build_demo(translate=True, neighbour=True)
    problems = []
    home_site = Site.objects.get(is_default_site=True)
    network_key = (
        NetworkPage.objects.descendant_of(home_site.root_page).get(locale__language_code="et")
    ).translation_key
    original_key = (
        ActionItemPage.objects.descendant_of(home_site.root_page)
        .get(slug="eelarve-lihtsas-keeles", locale__language_code="et")
        .translation_key
    )
    for language in LANGUAGES:
        network = NetworkPage.objects.get(
            translation_key=network_key, locale__language_code=language
        )
        page.goto(path(network))
        assert page.locator("section.avp-network-followed").count() == 1
        problems += axe_violations(page)
        screenshot(page, f"network-{language}-network-page")
        original = ActionItemPage.objects.get(
            translation_key=original_key, locale__language_code=language
        )
        page.goto(path(original))
        assert page.locator("section.avp-borrowed-by").count() == 1
        assert text(language, "Borrowed by other municipalities") in page.inner_text(
            "section.avp-borrowed-by"
        )
        problems += axe_violations(page)
        screenshot(page, f"network-{language}-borrowed-by")
        programme = original.get_parent().get_parent()
        page.goto(path(programme))
        assert page.locator('link[title="AVP KOV network"]').count() == 1
        problems += axe_violations(page)
    borrowing = Borrowing.objects.get()
    for language in LANGUAGES:
        from wagtail.users.models import UserProfile

        if language == LANGUAGES[0]:
            user = log_in(page, django_user_model, language)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        for url in (
            "/admin/avp/network/sources/",
            "/admin/avp/network/borrow/",
            "/admin/avp/network/borrowed/",
            f"/admin/avp/network/borrowed/{borrowing.pk}/",
        ):
            page.goto(url)
            problems += main_problems(page)
            screenshot(page, f"network-admin-{language}-{url.strip('/').replace('/', '-')}")
    assert problems == [], "\n".join(problems)
