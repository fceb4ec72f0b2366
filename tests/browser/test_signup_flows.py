"""Meeting sign-up in Chromium (C4): on a phone (390 px), a resident signs up for a meeting
with one place and gets it; the next one finds the places taken and joins the waiting list;
the form's error state and the outcome have no axe violations, in et, en and ru, at 390 and
1280 px."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from avp_wagtail.models import MeetingSignup
from tests.browser.conftest import screenshot
from tests.browser.helpers import axe_violations, home_page
from tests.builders import make_meeting, make_programme

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLES = {"et": "Avatud koosolek", "en": "Open meeting", "ru": "Открытое собрание"}


def text(language, message):
    with translation.override(language):
        return translation.gettext(message)


def translated_meetings():
    meeting = make_meeting(
        make_programme(home_page()),
        1,
        7,
        title=TITLES["et"],
        location="Rahvamaja",
        signup_open=True,
        signup_capacity=1,
        signup_ask_interpretation=True,
    )
    meetings = {"et": meeting}
    for language in ("en", "ru"):
        locale = Locale.objects.get_or_create(language_code=language)[0]
        for ancestor in meeting.get_ancestors().filter(depth__gt=1).specific():
            if not ancestor.has_translation(locale):
                ancestor.copy_for_translation(locale).save_revision().publish()
        translated = meeting.copy_for_translation(locale)
        translated.title = TITLES[language]
        translated.save_revision().publish()
        meetings[language] = translated
    return meetings


def phone(chromium, live_server, width=390):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 844}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def fill(page, name, email):
    page.locator('input[name="name"]').fill(name)
    page.locator('input[name="email"]').fill(email)
    page.locator('input[name="consent"]').check()


def test_a_place_then_the_waiting_list_on_a_phone(chromium, live_server):
    meetings = translated_meetings()
    russian = meetings["ru"]
    first, page = phone(chromium, live_server)
    page.goto(russian.url)
    fill(page, "Борис Петров", "boris@example.ee")
    page.locator('select[name="interpretation"]').select_option("ru")
    page.locator("#avp-signup-form button[type=submit]").click()
    notice = page.locator("#avp-signup .avp-notice--success")
    notice.wait_for()
    assert (
        text(
            "ru",
            "Thank you! You have a place. We have e-mailed you the details, a calendar entry "
            "and a link to cancel.",
        )
        in notice.inner_text()
    )
    screenshot(page, "signup-390-ru-place")
    first.close()

    second, page = phone(chromium, live_server)
    page.goto(meetings["et"].url)
    assert text("et", "The places are taken.") in page.locator("#avp-signup").inner_text()
    fill(page, "Mari Maasikas", "mari@example.ee")
    page.locator("#avp-signup-form button[type=submit]").click()
    page.locator("#avp-signup .avp-notice--success").wait_for()
    screenshot(page, "signup-390-et-waiting")
    second.close()
    states = dict(MeetingSignup.objects.values_list("email", "state"))
    assert states == {
        "boris@example.ee": MeetingSignup.State.CONFIRMED,
        "mari@example.ee": MeetingSignup.State.WAITING,
    }
    assert MeetingSignup.objects.get(email="boris@example.ee").interpretation == "ru"


def test_the_sign_up_form_has_no_axe_violations_in_three_languages(chromium, live_server):
    meetings = translated_meetings()
    problems = []
    for width in (390, 1280):
        context, page = phone(chromium, live_server, width)
        for language, meeting in meetings.items():
            page.goto(meeting.url)
            problems += axe_violations(page)
            # The error state: the summary is focused, in the page's language.
            page.locator('input[name="email"]').fill("not-an-address")
            page.locator("#avp-signup-form button[type=submit]").click()
            page.wait_for_selector("#avp-signup-errors")
            assert page.evaluate("document.activeElement.id") == "avp-signup-errors"
            summary = page.inner_text("#avp-signup-errors")
            assert text(language, "Please enter your name.") in summary
            problems += axe_violations(page)
            screenshot(page, f"signup-{width}-{language}-errors")
            width_now = page.evaluate("document.documentElement.scrollWidth")
            assert width_now <= width, f"{meeting.url} scrolls sideways at {width}px"
        context.close()
    assert problems == [], "\n".join(problems)
