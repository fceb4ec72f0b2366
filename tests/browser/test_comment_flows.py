"""Residents discuss an item and a moderator answers, in Chromium (flows 2, 3 and 6)."""

import re

import pytest

from avp_wagtail.comments.models import AvpComment
from tests.browser.conftest import screenshot
from tests.browser.helpers import axe_violations, home_page
from tests.builders import make_item, make_plan, make_programme
from tests.helpers import et

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def make_discussed_item():
    item = make_item(make_plan(make_programme(home_page())), 1, title="Bussiootepaviljonid")
    AvpComment(
        content_object=item,
        site_id=1,
        user_name="Jaan Tamm",
        user_email="jaan@example.ee",
        comment="Paviljon kooli juurde!",
        mark="for",
        language="et",
    ).save()
    return item


def confirmation_path(mailoutbox):
    return re.search(r"https?://[^/\s]+(/comments/confirm/\S+/)", mailoutbox[-1].body).group(1)


def write_comment(page, text, mark=None, name="Mari Maasikas", email="mari@example.ee"):
    form = page.locator("#comment-form")
    if mark:
        form.get_by_label(et(mark), exact=True).check()
    form.get_by_label(et("Your comment")).fill(text)
    if name:
        form.get_by_label(et("Your name")).fill(name)
        form.get_by_label(et("Your e-mail address")).fill(email)
    form.get_by_role("button", name=et("Send comment")).click()


def test_resident_comments_against_replies_and_flags(page, mailoutbox, settings):
    from wagtail.models import Site

    from avp_wagtail.comments.choices import ModerationMode
    from avp_wagtail.comments.models import CommentSettings

    moderation = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    moderation.moderation = ModerationMode.POST
    moderation.save()
    item = make_discussed_item()
    page.goto(item.url)
    write_comment(page, "Liiga kallis, raha on mujal vaja.", mark="Against")
    page.wait_for_url(lambda url: "comment=sent" in url)
    assert (
        et("Thank you! We have e-mailed you a link: your comment is published once you open it.")
        in page.get_by_role("status").inner_text()
    )
    screenshot(page, "comment-1-sent")

    page.goto(confirmation_path(mailoutbox))
    own = AvpComment.objects.get(comment__startswith="Liiga kallis")
    page.wait_for_url(lambda url: f"#c{own.pk}" in url)
    article = page.locator(f"#c{own.pk}")
    assert "Liiga kallis, raha on mujal vaja." in article.inner_text()
    assert et("Against") in article.inner_text()
    assert "mari@example.ee" not in page.content()
    screenshot(page, "comment-2-confirmed")

    # Reply to the other resident's comment.
    other = AvpComment.objects.get(user_name="Jaan Tamm")
    page.locator(f"#c{other.pk} .avp-comment__actions a").first.click()
    page.wait_for_url(lambda url: f"reply_to={other.pk}" in url)
    write_comment(page, "Nõus, paviljon on vajalik.", mark="For")
    page.goto(confirmation_path(mailoutbox))
    reply = AvpComment.objects.get(comment__startswith="Nõus")
    assert reply.parent_id == other.pk
    assert page.locator(f"#c{other.pk} #c{reply.pk}").is_visible()  # shown nested under it

    # Flag the other comment.
    page.locator(f"#c{other.pk} a.avp-flag").first.click()  # the report form's own page
    page.wait_for_url(lambda url: f"/comments/flag/{other.pk}/" in url)
    page.locator("#flag-reason").select_option("off_topic")
    page.locator("form.avp-flag button").click()
    page.wait_for_url(lambda url: "comment=flagged" in url)
    assert other.flag_reports.get().reason == "off_topic"
    screenshot(page, "comment-3-replied-and-flagged")


def test_over_long_comment_is_refused_with_the_text_kept(page):
    item = make_discussed_item()
    page.goto(item.url)
    text = "Pikk " * 700  # 3500 characters; the textarea's maxlength stops typing at 3000
    page.eval_on_selector("#id_comment", "el => el.removeAttribute('maxlength')")
    write_comment(page, text)
    alert = page.locator("#comment-form [role=alert]")
    alert.wait_for()
    assert page.locator("#id_comment").input_value().strip() == text.strip()
    screenshot(page, "comment-error-too-long")
    assert axe_violations(page) == []
    assert AvpComment.objects.count() == 1


def test_expired_confirmation_link_publishes_nothing(page, mailoutbox, settings):
    item = make_discussed_item()
    page.goto(item.url)
    write_comment(page, "Hilja kinnitatud mõte.")
    page.wait_for_url(lambda url: "comment=sent" in url)
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "COMMENT_CONFIRMATION_MAX_AGE": -1}
    response = page.goto(confirmation_path(mailoutbox))
    assert response.status == 400
    assert "Hilja kinnitatud mõte." in page.locator("main").inner_text()
    screenshot(page, "comment-error-expired-link")
    assert AvpComment.objects.count() == 1


def test_moderator_approves_a_held_comment_and_answers_officially(
    page, mailoutbox, django_user_model
):
    item = make_discussed_item()
    page.goto(item.url)
    write_comment(page, "Millal ehitus algab?", mark="Question or idea")
    page.wait_for_url(lambda url: "comment=sent" in url)
    page.goto(confirmation_path(mailoutbox))
    page.wait_for_url(lambda url: "comment=pending" in url)
    assert "Millal ehitus algab?" not in page.locator("#comments").inner_text()

    django_user_model.objects.create_superuser("moderaator", "mod@vald.example", "parool-123")
    page.goto("/admin/login/")
    page.fill("#id_username", "moderaator")
    page.fill("#id_password", "parool-123")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    page.goto("/admin/avp/comments/?state=awaiting")
    held = AvpComment.objects.get(comment="Millal ehitus algab?")
    page.locator(f"input[data-object-id='{held.pk}']").check()
    page.locator("[data-bulk-action-footer] a[href*='/avp_approve/']").click()
    page.wait_for_url("**/admin/bulk/avp_comments/avpcomment/avp_approve/**")
    screenshot(page, "moderator-1-confirm-approve")
    page.locator("form[action*='/admin/bulk/'] [type=submit]").click()
    page.wait_for_url("**/admin/avp/comments/**")
    held.refresh_from_db()
    assert held.is_public

    page.goto("/admin/avp/comments/")
    page.locator(f"a[href$='?reply_to={held.pk}#comment-form']").click()
    page.wait_for_url(lambda url: f"reply_to={held.pk}" in url)
    form = page.locator("#comment-form")
    form.get_by_label(et("Your comment")).fill("Ehitus algab mais, hange on välja kuulutatud.")
    form.get_by_label(et("Post as the municipality's official response")).check()
    form.get_by_role("button", name=et("Send comment")).click()
    answer = AvpComment.objects.get(comment__startswith="Ehitus algab")
    page.wait_for_url(lambda url: f"#c{answer.pk}" in url)
    assert answer.is_official_response
    assert answer.parent_id == held.pk

    resident = page.context.browser.new_context(base_url=page.url.split("/et/")[0])
    resident_page = resident.new_page()
    resident_page.goto(item.url)
    official = resident_page.locator(f"#c{answer.pk}")
    assert et("Official response of the municipality") in official.inner_text()
    screenshot(resident_page, "moderator-2-official-response")
    resident.close()


def test_comment_form_with_the_keyboard_only(page):
    item = make_discussed_item()
    page.goto(item.url)
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "mark":
            break
    else:
        pytest.fail("The comment form cannot be reached with Tab")

    def focus_is_visible():
        return page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; })()"
        )

    assert focus_is_visible()
    page.keyboard.press("ArrowDown")  # neutral -> for
    assert page.evaluate("document.activeElement.value") == "for"
    page.keyboard.press("Tab")  # the comment
    assert page.evaluate("document.activeElement.name") == "comment", page.evaluate(
        "document.activeElement.outerHTML"
    )
    assert focus_is_visible()
    page.keyboard.type("Klaviatuuriga kirjutatud.")
    page.keyboard.press("Tab")
    page.keyboard.type("Klaviatuur Kasutaja")
    page.keyboard.press("Tab")
    page.keyboard.type("klaviatuur@example.ee")
    page.keyboard.press("Tab")  # follow-up
    page.keyboard.press("Tab")  # send (the honeypot is hidden, so skipped)
    assert page.evaluate("document.activeElement.type") == "submit"
    assert focus_is_visible()
    screenshot(page, "keyboard-comment-before-send")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "comment=sent" in url)
