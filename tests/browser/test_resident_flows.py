"""What residents do in a real browser: switch languages, express interest, keyboard only."""

import datetime

import pytest
from django.utils import timezone

from avp_wagtail.models import (
    ActionItemPage,
    CallContactPerson,
    CallInterestTheme,
    ContactPerson,
    InterestSubmission,
)
from demo.builder import build_demo
from tests.browser.conftest import screenshot
from tests.browser.helpers import home_page
from tests.builders import make_call, make_programme, publish
from tests.helpers import et

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_switching_et_en_ru_stays_on_the_same_item(page):
    build_demo(translate=True)
    source = ActionItemPage.objects.get(slug="kaasav-eelarve")
    versions = {
        item.locale.language_code: item
        for item in ActionItemPage.objects.filter(translation_key=source.translation_key)
    }
    page.goto(source.url)
    assert page.locator("h1").inner_text() == "Kaasava eelarve menetlus"
    thread = page.locator("#comments .avp-comment__text").all_inner_texts()
    assert len(thread) == 6  # the demo discussion, in three languages
    screenshot(page, "switch-1-et")
    for language, name, title in (
        ("en", "English", "Participatory budgeting"),
        ("ru", "Русский", "Процедура инициативного бюджета"),
    ):
        page.locator("nav.avp-languages").get_by_role("link", name=name).click()
        page.wait_for_url(f"**{versions[language].url}")
        assert page.locator("h1").inner_text() == title
        assert page.locator("html").get_attribute("lang") == language
        # The same discussion in every language.
        assert page.locator("#comments .avp-comment__text").all_inner_texts() == thread
        screenshot(page, f"switch-{language}")
    # Back to the authoritative original through the translation notice.
    page.locator(".avp-translation-notice a").click()
    page.wait_for_url(f"**{source.url}")


def make_open_call():
    programme = make_programme(home_page())
    person = ContactPerson.objects.create(
        name="Kaja Kask", email="kaja@vald.example", show_contact_details=True
    )
    call = make_call(
        programme, title="Tule kaasa!", deadline=timezone.localdate() + datetime.timedelta(days=5)
    )
    call.contact_people = [CallContactPerson(person=person)]
    call.interest_themes = [
        CallInterestTheme(title="Avatud eelarve"),
        CallInterestTheme(title="Noored"),
    ]
    return publish(call)


def test_interest_form_error_keeps_text_then_confirms(page, mailoutbox):
    call = make_open_call()
    page.goto(call.url)
    page.get_by_label(et("Your name")).fill("Mari Maasikas")
    page.get_by_label(et("E-mail")).fill("mari@example.ee")
    page.get_by_label("Noored").check()
    page.get_by_label(et("Message")).fill("Tahan aidata noortekogu tööd.")
    page.get_by_role("button", name=et("Send")).click()

    alert = page.get_by_role("alert")
    alert.wait_for()
    assert (
        et("Please give your consent, otherwise we cannot store your data.") in alert.inner_text()
    )
    screenshot(page, "interest-1-error")
    # Focus moved to the error summary (the form's action targets it), without JavaScript.
    assert page.evaluate("document.activeElement.id") == "interest-errors"
    assert page.get_by_label(et("Your name")).input_value() == "Mari Maasikas"
    assert page.get_by_label(et("Message")).input_value() == "Tahan aidata noortekogu tööd."
    assert page.get_by_label("Noored").is_checked()
    assert InterestSubmission.objects.count() == 0

    page.get_by_label(
        et("I agree that my data is stored and used to contact me about this process.")
    ).check()
    page.get_by_role("button", name=et("Send")).click()
    page.wait_for_url(lambda url: "?submitted=1" in url)
    status = page.get_by_role("status")
    assert (
        et("Thank you! We have received your message and will contact you soon.")
        in status.inner_text()
    )
    screenshot(page, "interest-2-confirmed")
    submission = InterestSubmission.objects.get()
    assert (submission.name, submission.themes) == ("Mari Maasikas", ["Noored"])
    assert [m.to for m in mailoutbox] == [["kaja@vald.example"]]


def test_interest_form_with_the_keyboard_only(page):
    call = make_open_call()
    page.goto(call.url)
    for _ in range(60):  # Tab from the top of the page until the name field has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "name":
            break
    else:
        pytest.fail("The name field cannot be reached with Tab")

    def focus_is_visible():
        return page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; })()"
        )

    assert focus_is_visible()
    page.keyboard.type("Jaan Tamm")
    page.keyboard.press("Tab")  # organisation
    page.keyboard.type("Külaselts")
    page.keyboard.press("Tab")  # e-mail
    assert focus_is_visible()
    page.keyboard.type("jaan@example.ee")
    page.keyboard.press("Tab")  # phone
    page.keyboard.press("Tab")  # first theme
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # second theme
    page.keyboard.press("Tab")  # message
    page.keyboard.type("Tulen koosolekule.")
    page.keyboard.press("Tab")  # who else should we ask (the outreach app)
    assert page.evaluate("document.activeElement.name") == "referrals"
    assert focus_is_visible()
    page.keyboard.type("Noorteklubi")
    page.keyboard.press("Tab")  # consent
    assert page.evaluate("document.activeElement.name") == "consent"
    assert focus_is_visible()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the send button
    assert focus_is_visible()
    screenshot(page, "keyboard-1-before-send")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "?submitted=1" in url)
    screenshot(page, "keyboard-2-confirmed")
    submission = InterestSubmission.objects.get()
    assert (submission.name, submission.organisation, submission.email) == (
        "Jaan Tamm",
        "Külaselts",
        "jaan@example.ee",
    )
    assert submission.themes == ["Avatud eelarve"]
    assert submission.consent
