"""The approval by participants in Chromium: a participant opens their signed link, sends
an amendment without a reason (the error names the field, the text stays), then with one;
axe finds nothing on the participant's page in et, en and ru (the programme translated,
the draft in Estonian) nor on the editor's review screen."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from avp_wagtail.approvals.models import Amendment, Participant
from avp_wagtail.approvals.tasks import programme_for
from avp_wagtail.approvals.tokens import participant_token
from tests.approvals.helpers import DRAFT_DECISION, past_meeting, submit
from tests.browser.conftest import screenshot
from tests.browser.helpers import axe_violations, home_page
from tests.builders import make_programme

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sent_round(django_user_model, languages=("et",)):
    programme = make_programme(home_page())
    for language in languages:
        if language == "et":
            continue
        locale = Locale.objects.get_or_create(language_code=language)[0]
        for ancestor in [*programme.get_ancestors().filter(depth__gt=1).specific(), programme]:
            if not ancestor.has_translation(locale):
                ancestor.copy_for_translation(locale).save_revision().publish()
    world = past_meeting(programme)
    user = django_user_model.objects.create_superuser("editor", "editor@vald.example", "parool-1")
    state = submit(world["meeting"], user)
    state.deadline = timezone.now() + datetime.timedelta(days=5)
    state.sent_at = timezone.now()
    state.save()
    participant = Participant.objects.create(
        task_state=state,
        person=world["private"],
        name=world["private"].name,
        organisation=world["society"].name,
        email=world["private"].email,
        sent_at=timezone.now(),
    )
    return programme, world, state, participant


def participant_path(participant, page, language="et"):
    programme = programme_for(page, language)
    return f"{programme.get_url()}approval/?t={participant_token(participant)}"


def test_a_participant_proposes_an_amendment(page, django_user_model):
    _programme, world, _state, participant = sent_round(django_user_model)
    page.goto(participant_path(participant, world["meeting"]))
    assert DRAFT_DECISION in page.locator("main").inner_text()
    screenshot(page, "approval-1-participant")

    page.locator("summary", has_text="Raamatukogu").click()
    page.fill("#id_item-1-text", "Raamatukogu on avatud ka laupäeviti.")
    page.locator("#id_item-1-text").locator("xpath=ancestor::form").locator(
        "button[type=submit]"
    ).click()
    page.wait_for_load_state()
    # The error names the missing reason, the text stays, the form stays open.
    assert page.locator("#id_item-1-reason_error").is_visible()
    assert page.input_value("#id_item-1-text") == "Raamatukogu on avatud ka laupäeviti."
    assert not Amendment.objects.exists()
    screenshot(page, "approval-2-error")
    assert axe_violations(page) == []

    page.fill("#id_item-1-reason", "Nii lepiti koosolekul kokku.")
    page.locator("#id_item-1-reason").locator("xpath=ancestor::form").locator(
        "button[type=submit]"
    ).click()
    page.locator("#avp-approval-notice").wait_for()
    amendment = Amendment.objects.get()
    assert amendment.item_title == "Raamatukogu"
    assert amendment.reason == "Nii lepiti koosolekul kokku."
    assert "Raamatukogu on avatud ka laupäeviti." in page.locator("main").inner_text()
    screenshot(page, "approval-3-sent")


@pytest.mark.parametrize("language", ["et", "en", "ru"])
def test_the_approval_screens_have_no_axe_violations(page, django_user_model, language):
    _programme, world, state, participant = sent_round(django_user_model, ("et", language))
    path = participant_path(participant, world["meeting"], language)
    assert f"/{language}/" in path
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == language
    page.locator("details summary").first.click()
    problems = axe_violations(page)

    Amendment.objects.create(
        participant=participant,
        item_key="x",
        item_title="Koolibuss",
        text="Buss sõidab kaks korda.",
        reason="Nii räägiti.",
    )
    user = django_user_model.objects.get(username="editor")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "parool-1")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/avp/approvals/{state.pk}/")
    assert "Buss sõidab kaks korda." in page.locator("main").inner_text()
    problems += axe_violations(page)
    screenshot(page, f"approval-review-{language}")
    assert problems == []


def test_the_editor_sends_the_draft_from_the_page_editor(page, django_user_model):
    from django.core import mail

    programme = make_programme(home_page())
    world = past_meeting(programme)
    user = django_user_model.objects.create_superuser("editor", "editor@vald.example", "parool-1")
    UserProfile.get_for_user(user).save()
    state = submit(world["meeting"], user)
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "parool-1")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/pages/{world['meeting'].pk}/edit/")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[data-workflow-action-name='avp_participants']").click()
    page.wait_for_url(f"**/admin/avp/approvals/{state.pk}/")
    # The attending organisations' contact people are chosen already.
    assert page.locator(f"input[value='{world['public'].pk}']").is_checked()
    assert page.locator(f"input[value='{world['private'].pk}']").is_checked()
    mail.outbox.clear()
    page.get_by_role("button", name="Send the e-mails").click()
    page.wait_for_url(f"**/admin/avp/approvals/{state.pk}/")
    assert Participant.objects.filter(task_state=state).count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world["public"].email, world["private"].email]
    )
    screenshot(page, "approval-editor-sent")
