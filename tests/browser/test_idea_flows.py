"""Residents' ideas in Chromium (the optional ideas app): an idea from the form to an action
of the plan (sent, confirmed by e-mail, approved by a moderator, supported by a second
resident, accepted by the editor as a new action item that they publish), and axe-core on
every public page of ideas, its error states and the e-mailed links' pages, in et, en and
ru at 390 and 1280 px."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from avp_wagtail.ideas.choices import IdeaState, ModerationMode, ResponseState
from avp_wagtail.ideas.models import Idea, IdeaCollection, IdeaSupport
from avp_wagtail.ideas.tokens import CONFIRM_SUPPORT, WITHDRAW, idea_token, support_token
from avp_wagtail.models import ActionItemPage, ActionPlanPage
from demo.builder import build_demo
from tests.browser.conftest import screenshot
from tests.browser.helpers import axe_violations, home_page
from tests.builders import make_plan, make_programme
from tests.helpers import et

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Kergliiklustee kooli juurde"
LANGUAGES = ("et", "en", "ru")
SUPPORT = "section[aria-labelledby='avp-idea-support']"


def text(language, message):
    with translation.override(language):
        return translation.gettext(message)


def open_collection(plan, moderation=ModerationMode.PRE):
    today = timezone.localdate()
    return IdeaCollection.objects.update_or_create(
        translation_key=plan.translation_key,
        defaults={
            "plan": plan,
            "opens_on": today - datetime.timedelta(days=1),
            "closes_on": today + datetime.timedelta(days=14),
            "moderation": moderation,
        },
    )[0]


def link_path(mailoutbox, route):
    """The path (with its token) of the ``route`` link in the last e-mail."""
    match = re.search(rf"https?://[^/\s]+(/\S*{route}\?t=\S+)", mailoutbox[-1].body)
    assert match, mailoutbox[-1].body
    return match.group(1)


def new_context(chromium, live_server, width=1280):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def log_in(page, django_user_model, username):
    user = django_user_model.objects.create_superuser(
        username, f"{username}@vald.example", "parool-123"
    )
    # The admin in English (its own strings are English msgids).
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "parool-123")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def send_idea(page, plan):
    page.goto(f"{plan.url}ideas/")
    page.get_by_role("link", name=et("Send an idea")).click()
    page.get_by_label(et("Your idea in a few words")).fill(TITLE)
    page.get_by_label(et("What is wrong today?")).fill("Lapsed käivad mööda sõiduteed.")
    page.get_by_label(et("What should be done?")).fill("Ehitada kooli juurde kergliiklustee.")
    page.get_by_label("Liikumine", exact=True).check()
    page.get_by_label(et("Your name")).fill("Mari Maasikas")
    page.get_by_label(et("E-mail")).fill("mari@example.ee")
    screenshot(page, "idea-1-form")
    page.locator("form.avp-form button[type=submit]").click()
    page.wait_for_url(lambda url: "notice=sent" in url)


def test_an_idea_from_the_form_to_a_published_action(
    chromium, live_server, mailoutbox, django_user_model
):
    plan = make_plan(
        make_programme(home_page()), themes=("Liikumine", "Haridus"), title="Kava", slug="kava"
    )
    open_collection(plan)

    # A resident sends the idea on a phone and confirms it through the e-mailed link.
    resident, page = new_context(chromium, live_server, 390)
    send_idea(page, plan)
    notice = (
        "Thank you! We have sent you an e-mail: open the link in it to confirm your idea. "
        "Nothing is published before that."
    )
    assert et(notice) in page.inner_text("main")
    assert [m.to for m in mailoutbox] == [["mari@example.ee"]]
    page.goto(link_path(mailoutbox, "ideas/confirm/"))
    assert TITLE in page.inner_text("main")
    page.get_by_role("button", name=et("Confirm my idea")).click()
    page.get_by_role("heading", name=et("Thank you: your idea is confirmed")).wait_for()
    screenshot(page, "idea-2-confirmed-awaits-moderation")
    idea = Idea.objects.get(title=TITLE)
    assert idea.state == IdeaState.PENDING
    assert TITLE not in page.goto(f"{plan.url}ideas/").text()
    resident.close()

    # A moderator publishes it.
    admin, page = new_context(chromium, live_server)
    log_in(page, django_user_model, "moderaator")
    page.goto(f"/admin/avp/ideas/edit/{idea.pk}/")
    page.select_option("#id_state", IdeaState.PUBLIC)
    screenshot(page, "idea-3-moderator-publishes")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(lambda url: "/edit/" not in url)
    idea.refresh_from_db()
    assert idea.is_public

    # A second resident supports it and confirms the support by e-mail.
    supporter, spage = new_context(chromium, live_server, 390)
    idea_url = f"{plan.url}ideas/{idea.pk}/"
    spage.goto(idea_url)
    support = spage.locator(SUPPORT)
    support.get_by_label(et("Your e-mail")).fill("jaan@example.ee")
    support.get_by_role("button", name=et("I support this idea")).click()
    spage.wait_for_url(lambda url: "notice=support_sent" in url)
    assert mailoutbox[-1].to == ["jaan@example.ee"]
    spage.goto(link_path(mailoutbox, "ideas/support/confirm/"))
    spage.get_by_role("button", name=et("Confirm my support")).click()
    spage.wait_for_url(lambda url: "notice=supported" in url)
    assert et("Thank you: your support is counted.") in spage.inner_text("main")
    screenshot(spage, "idea-4-supported")
    assert IdeaSupport.objects.filter(idea=idea, email="jaan@example.ee").count() == 1

    # The editor accepts it into the plan as a new action item and publishes the item.
    accept_as_new_action(page, idea)
    admin.close()
    item = ActionItemPage.objects.child_of(plan).get()
    assert item.live
    assert item.title == TITLE
    idea.refresh_from_db()
    assert idea.response_state == ResponseState.ACCEPTED
    assert list(idea.action_items.values_list("pk", flat=True)) == [item.pk]
    # Both residents hear of the response.
    assert {tuple(m.to) for m in mailoutbox[-2:]} == {("mari@example.ee",), ("jaan@example.ee",)}

    spage.goto(item.url)
    sources = spage.locator(".avp-item-ideas")
    assert et("This action came from these ideas") in sources.inner_text()
    sources.get_by_role("link", name=TITLE).click()
    spage.wait_for_url(f"**{idea_url}")
    response = spage.locator("#avp-idea-response").locator("xpath=..")
    assert et("Accepted into the plan") in response.inner_text()
    assert response.get_by_role("link", name=TITLE).get_attribute("href") == item.url
    screenshot(spage, "idea-6-accepted-with-its-action")
    supporter.close()


def accept_as_new_action(page, idea):
    """On the idea's response form: "Create an action item from this idea", the
    confirmation's button, then Wagtail's page editor with the draft, published."""
    page.goto(f"/admin/avp/ideas/edit/{idea.pk}/")
    page.get_by_role("link", name="Create an action item from this idea").click()
    page.wait_for_url(lambda url: "/create-action/" in url)
    screenshot(page, "idea-5-create-action-confirmation")
    page.get_by_role("button", name="Create the action item").click()
    page.wait_for_url(lambda url: "/admin/pages/" in url and "/edit/" in url)
    assert TITLE in page.locator("#id_title").input_value()
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(lambda url: "/edit/" not in url)


# -- axe-core --------------------------------------------------------------------------------


def demo_ideas_in_three_languages():
    """The demo (translated, its collection closed), one unconfirmed idea (for the
    confirmation page) and the pages to check in each language."""
    build_demo(translate=True)
    plans = {
        language: ActionPlanPage.objects.get(locale__language_code=language)
        for language in LANGUAGES
    }
    accepted = Idea.objects.get(title="Elanikud otsustavad osa eelarvest")
    russian = Idea.objects.get(language="ru")
    merged = Idea.objects.get(response_state=ResponseState.MERGED)
    unconfirmed = Idea.objects.create(
        plan=plans["et"],
        title="Kinnitamata idee",
        problem="Probleem.",
        proposal="Ettepanek.",
        author_name="Mari Maasikas",
        email="mari@example.ee",
        language="et",
        state=IdeaState.UNCONFIRMED,
    )
    pages = {}
    for language, plan in plans.items():
        ideas = f"{plan.url}ideas/"
        support = support_token(accepted.pk, "jaan@example.ee", language, CONFIRM_SUPPORT)
        withdraw = support_token(accepted.pk, "jaan@example.ee", language, WITHDRAW)
        pages[language] = [
            ("listing", ideas),
            ("listing-sent", f"{ideas}?notice=sent"),
            ("listing-filtered", f"{ideas}?response=accepted&order=supported"),
            ("idea-accepted", f"{ideas}{accepted.pk}/"),
            ("idea-russian", f"{ideas}{russian.pk}/"),
            ("idea-merged", f"{ideas}{merged.pk}/"),
            ("confirm-idea", f"{ideas}confirm/?t={idea_token(unconfirmed)}"),
            ("confirm-support", f"{ideas}support/confirm/?t={support}"),
            ("supported", f"{ideas}{accepted.pk}/?notice=supported"),
            ("withdraw-support", f"{ideas}support/withdraw/?t={withdraw}"),
            ("invalid-link", f"{ideas}confirm/?t=not-a-token"),
        ]
    return plans, accepted, pages


def duplicate_ids(page):
    """Ids used twice on the page: a label or an error summary link would then point at
    another form's field (axe 4's WCAG rules no longer report it)."""
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    return [
        f"{page.url}: id {i!r} used {ids.count(i)} times"
        for i in sorted(set(ids))
        if ids.count(i) > 1
    ]


def check(page, url, width, problems, name):
    response = page.goto(url)
    assert response.status < 500, url
    problems += axe_violations(page) + duplicate_ids(page)
    width_now = page.evaluate("document.documentElement.scrollWidth")
    assert width_now <= width, f"{url} scrolls sideways at {width}px"
    screenshot(page, name)


def test_the_pages_of_ideas_have_no_axe_violations_in_three_languages(chromium, live_server):
    plans, accepted, pages = demo_ideas_in_three_languages()
    problems = []
    for width in (390, 1280):
        context, page = new_context(chromium, live_server, width)
        # The demo's collection is closed: the form says so.
        for language, plan in plans.items():
            check(
                page, f"{plan.url}ideas/new/", width, problems, f"ideas-{width}-{language}-closed"
            )
        context.close()
    open_collection(plans["et"])
    for width in (390, 1280):
        context, page = new_context(chromium, live_server, width)
        for language, plan in plans.items():
            for name, url in pages[language]:
                check(page, url, width, problems, f"ideas-{width}-{language}-{name}")

            # The new-idea form, then its error state: the summary has the focus.
            check(page, f"{plan.url}ideas/new/", width, problems, f"ideas-{width}-{language}-form")
            page.get_by_label(text(language, "E-mail")).fill("not-an-address")
            page.locator("form.avp-form button[type=submit]").click()
            page.wait_for_selector("#avp-idea-errors")
            assert page.evaluate("document.activeElement.id") == "avp-idea-errors"
            assert text(language, "Please name your idea.") in page.inner_text("#avp-idea-errors")
            problems += axe_violations(page)
            screenshot(page, f"ideas-{width}-{language}-form-errors")

            # The support form's error state.
            page.goto(f"{plan.url}ideas/{accepted.pk}/")
            support = page.locator(SUPPORT)
            support.get_by_label(text(language, "Your e-mail")).fill("not-an-address")
            support.get_by_role("button", name=text(language, "I support this idea")).click()
            page.wait_for_selector("#avp-support-errors")
            assert page.evaluate("document.activeElement.id") == "avp-support-errors"
            problems += axe_violations(page) + duplicate_ids(page)
            screenshot(page, f"ideas-{width}-{language}-support-errors")
        context.close()
    assert problems == [], "\n".join(problems)
