"""Comment and follow form errors in Chromium, on the English and Russian item pages, with a
browser that asks for Estonian: the item page comes back with the error summary focused
(no JavaScript), each error linking its field, in the page's language, the input kept."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from tests.browser.conftest import screenshot
from tests.browser.helpers import home_page
from tests.builders import make_item, make_plan, make_programme

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TYPED = {"en": ("John Smith", "john-at-example"), "ru": ("Иван Петров", "иван-без-адреса")}


def text(language, message):
    with translation.override(language):
        return translation.gettext(message)


@pytest.fixture
def estonian_browser(chromium, live_server):
    """A browser whose Accept-Language is Estonian."""
    context = chromium.new_context(
        base_url=live_server.url,
        locale="et-EE",
        extra_http_headers={"Accept-Language": "et"},
        viewport={"width": 1200, "height": 900},
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def translated_items():
    item = make_item(make_plan(make_programme(home_page())), 1, title="Bussiootepaviljonid")
    items = {}
    for language, title in (("en", "Bus shelters"), ("ru", "Автобусные павильоны")):
        locale = Locale.objects.get_or_create(language_code=language)[0]
        for ancestor in item.get_ancestors().filter(depth__gt=1).specific():
            if not ancestor.has_translation(locale):
                ancestor.copy_for_translation(locale).save_revision().publish()
        translated = item.copy_for_translation(locale)
        translated.title = title
        translated.save_revision().publish()
        items[language] = translated
    return items


def focused_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def check_summary(page, summary_id, language, expected_errors):
    """The summary has focus; each link points at a field of the form; texts are in the
    page's language, not the browser's."""
    page.wait_for_selector(f"#{summary_id}")
    assert focused_id(page) == summary_id
    summary = page.locator(f"#{summary_id}")
    summary_text = summary.inner_text()
    for error in expected_errors:
        wanted = text(language, error)
        assert wanted in summary_text, (wanted, summary_text)
        if wanted != text("et", error):
            assert text("et", error) not in summary_text
    links = summary.locator("a")
    assert links.count() >= len(expected_errors)
    for n in range(links.count()):
        target = links.nth(n).get_attribute("href")
        assert target.startswith("#id_")
        field = page.locator(target)
        assert field.count() == 1
        assert field.evaluate("el => ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)")
        links.nth(n).click()
        assert f"#{focused_id(page)}" == target  # the link takes her to the field
    return summary_text


@pytest.mark.parametrize("language", ["en", "ru"])
def test_comment_and_follow_errors_in_the_page_language(estonian_browser, language):
    page = estonian_browser
    item = translated_items()[language]
    name, bad_email = TYPED[language]

    # The comment form: no text, a malformed address.
    page.goto(item.url)
    form = page.locator("#comment-form")
    form.locator("#id_name").fill(name)
    form.locator("#id_email").fill(bad_email)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == item.title  # the item page again
    assert page.locator("html").get_attribute("lang") == language
    check_summary(
        page,
        "comment-errors",
        language,
        ["This field is required.", "Enter a valid email address."],
    )
    assert form.locator("#id_name").input_value() == name
    assert form.locator("#id_email").input_value() == bad_email
    screenshot(page, f"form-errors-comment-{language}")

    # The follow form on the same page.
    page.goto(item.url)
    follow = page.locator("#avp-follow-item form")
    follow.locator("#id_follow-email").fill(bad_email)
    follow.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == item.title
    assert page.locator("html").get_attribute("lang") == language
    check_summary(page, "follow-errors", language, ["Enter a valid email address."])
    assert follow.locator("#id_follow-email").input_value() == bad_email
    screenshot(page, f"form-errors-follow-{language}")
