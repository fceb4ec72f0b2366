"""The approval by participants from end to end: sending (one e-mail each with a signed
link), the participant's page (the draft, not the live page; approve; amend), refused
links, the editor's decisions and the note on the published page."""

import datetime
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from wagtail.models import TaskState

from avp_wagtail.approvals.models import Amendment, AmendmentState, Participant
from avp_wagtail.approvals.tokens import participant_token
from avp_wagtail.models import MeetingProtocolPage
from tests.helpers import et

from .helpers import (
    DRAFT_DECISION,
    LIVE_DECISION,
    approved_note,
    link,
    review_url,
    send,
    submit,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

LINK = re.compile(r"https?://\S+/approval/\?t=\S+")


@pytest.fixture
def sent(client, world, superuser):
    client.force_login(superuser)
    state = submit(world["meeting"], superuser)
    mail.outbox.clear()
    response = send(client, state, [world["public"], world["private"]], message="Palun vaata")
    assert response.status_code == 302
    client.logout()
    return state


def participant_of(state, person):
    return Participant.objects.get(task_state=state, person=person)


def test_the_send_form_offers_the_municipalitys_people_and_chooses_the_attendees(
    client, world, superuser
):
    client.force_login(superuser)
    state = submit(world["meeting"], superuser)
    html = client.get(review_url(state)).content.decode()
    assert world["public"].name in html
    assert world["private"].name in html
    assert world["outsider"].name not in html  # named by no page of the municipality
    checked = re.findall(r'<input[^>]*value="(\d+)"[^>]*checked', html)
    assert {int(pk) for pk in checked} == {world["public"].pk, world["private"].pk}


def test_sending_e_mails_each_participant_their_own_signed_link(world, sent):
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world["public"].email, world["private"].email]
    )
    links = [LINK.search(m.body).group(0) for m in mail.outbox]
    assert len(set(links)) == 2
    for message in mail.outbox:
        assert "Koosolek a" in message.subject
        assert "Palun vaata" in message.body
    assert Participant.objects.filter(task_state=sent, sent_at__isnull=False).count() == 2


def test_sending_needs_a_participant_and_a_future_deadline(client, world, superuser):
    client.force_login(superuser)
    state = submit(world["meeting"], superuser)
    response = send(client, state, [], days=-1)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Choose at least one participant." in html
    assert "Choose a deadline in the future." in html
    assert not Participant.objects.exists()


def test_the_link_shows_the_draft_revision_not_the_live_page(client, world, programme, sent):
    participant = participant_of(sent, world["private"])
    response = client.get(link(participant, programme))
    html = response.content.decode()
    assert response.status_code == 200
    assert DRAFT_DECISION in html
    assert LIVE_DECISION not in html
    assert "Koolibuss" in html
    assert "Lapsed jõuavad kooli." in html
    assert response["X-Robots-Tag"].startswith("noindex")
    assert "private" in response["Cache-Control"]
    live = client.get(world["meeting"].get_url()).content.decode()
    assert LIVE_DECISION in live
    assert DRAFT_DECISION not in live


def test_a_tampered_link_is_refused_with_403(client, world, programme, sent):
    participant = participant_of(sent, world["private"])
    url = link(participant, programme)
    for bad in (url[:-3] + "abc", url.replace("?t=", "?t=x"), f"{programme.get_url()}approval/"):
        response = client.get(bad)
        assert response.status_code == 403, bad
        assert et("This link does not work") in response.content.decode()  # the page's language


def test_a_link_of_a_participant_made_again_is_refused(client, world, programme, sent):
    participant = participant_of(sent, world["private"])
    url = link(participant, programme)
    Participant.objects.filter(pk=participant.pk).update(key="0" * 32)
    assert client.get(url).status_code == 403


@override_settings(AVP_APPROVAL_LINK_MAX_AGE=-1)
def test_a_link_older_than_its_max_age_is_refused(client, world, programme, sent):
    participant = participant_of(sent, world["private"])
    assert client.get(link(participant, programme)).status_code == 403


def test_after_the_deadline_the_link_says_so_with_410(client, world, programme, sent):
    participant = participant_of(sent, world["private"])
    type(sent).objects.filter(pk=sent.pk).update(
        deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = client.get(link(participant, programme))
    assert response.status_code == 410
    assert et("The time to answer has ended") in response.content.decode()
    response = client.post(
        link(participant, programme), {"action": "approve", "approve-website": ""}
    )
    assert response.status_code == 410
    assert Participant.objects.get(pk=participant.pk).approved_at is None


def test_approving(client, world, programme, sent):
    participant = participant_of(sent, world["public"])
    url = link(participant, programme)
    response = client.post(url, {"action": "approve", "approve-website": ""})
    assert response.status_code == 303
    assert Participant.objects.get(pk=participant.pk).approved_at is not None
    html = client.get(response["Location"]).content.decode()
    assert et("Thank you: you approved the draft.") in html


def test_the_honeypot_stores_nothing(client, world, programme, sent):
    participant = participant_of(sent, world["public"])
    response = client.post(
        link(participant, programme), {"action": "approve", "approve-website": "spam"}
    )
    assert response.status_code == 400
    assert 'id="avp-approve-errors"' in response.content.decode()
    assert Participant.objects.get(pk=participant.pk).approved_at is None


def test_proposing_an_amendment_to_one_agenda_item(client, world, programme, sent):
    participant = participant_of(sent, world["private"])
    url = link(participant, programme)
    response = client.post(
        url,
        {
            "action": "amend",
            "part": "1",
            "item-1-text": "Raamatukogu on avatud ka laupäeviti.",
            "item-1-reason": "Nii lepiti kokku.",
        },
    )
    assert response.status_code == 303
    amendment = Amendment.objects.get()
    assert amendment.participant == participant
    assert amendment.item_title == "Raamatukogu"
    assert amendment.state == AmendmentState.PROPOSED
    assert "Raamatukogu on avatud ka laupäeviti." in client.get(url).content.decode()


def test_an_invalid_amendment_keeps_the_text_and_says_what_is_missing(
    client, world, programme, sent
):
    participant = participant_of(sent, world["private"])
    response = client.post(
        link(participant, programme),
        {
            "action": "amend",
            "part": "0",
            "item-0-text": "Buss sõidab kaks korda.",
            "item-0-reason": " ",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Buss sõidab kaks korda." in html
    assert et("Say why you propose the amendment.") in html
    assert 'id="id_item-0-reason_error"' in html
    assert not Amendment.objects.exists()
    response = client.post(
        link(participant, programme),
        {"action": "amend", "part": "7", "item-7-text": "x", "item-7-reason": "y"},
    )
    assert response.status_code == 400


def _amend(client, programme, participant, part, text, reason="Põhjus"):
    client.post(
        link(participant, programme),
        {
            "action": "amend",
            "part": str(part),
            f"item-{part}-text": text,
            f"item-{part}-reason": reason,
        },
    )
    return Amendment.objects.get(text=text)


def test_the_editor_decides_and_publishes_and_the_page_says_so(
    client, world, programme, sent, superuser
):
    public = participant_of(sent, world["public"])
    private = participant_of(sent, world["private"])
    client.post(link(public, programme), {"action": "approve", "approve-website": ""})
    kept = _amend(client, programme, private, 0, "Buss sõidab kaks korda päevas.")
    declined = _amend(client, programme, private, 1, "Raamatukogu suletakse.", "Nii ma mäletan.")

    client.force_login(superuser)
    review = client.get(review_url(sent)).content.decode()
    # Side by side: the draft text of the agenda item and the amendment.
    assert DRAFT_DECISION in review
    assert "Buss sõidab kaks korda päevas." in review
    assert "Lahtiolekuaeg pikeneb." in review
    assert "Raamatukogu suletakse." in review

    # Not finished while an amendment waits.
    refused = client.post(review_url(sent), {"action": "finish"})  # Wagtail: to the dashboard
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    sent.refresh_from_db()
    assert sent.status == TaskState.STATUS_IN_PROGRESS

    # Declining needs a reason.
    response = client.post(
        review_url(sent),
        {"action": "decide", "amendment": declined.pk, f"a{declined.pk}-decision": "declined"},
    )
    assert response.status_code == 400
    assert "Say why the amendment is declined" in response.content.decode()
    assert Amendment.objects.get(pk=declined.pk).state == AmendmentState.PROPOSED

    client.post(
        review_url(sent),
        {
            "action": "decide",
            "amendment": declined.pk,
            f"a{declined.pk}-decision": "declined",
            f"a{declined.pk}-reason": "Koosolekul otsustati teisiti.",
        },
    )
    client.post(
        review_url(sent),
        {"action": "decide", "amendment": kept.pk, f"a{kept.pk}-decision": "accepted"},
    )
    assert Amendment.objects.get(pk=kept.pk).state == AmendmentState.ACCEPTED
    # Accepting does not rewrite the page.
    latest = MeetingProtocolPage.objects.get(pk=world["meeting"].pk).get_latest_revision_as_object()
    assert "Buss sõidab kaks korda päevas." not in latest.agenda_items.first().decision

    response = client.post(review_url(sent), {"action": "finish"})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == TaskState.STATUS_APPROVED
    meeting = MeetingProtocolPage.objects.get(pk=world["meeting"].pk)
    assert meeting.current_workflow_state is None  # the one-step workflow finished and published

    client.logout()
    html = client.get(meeting.get_url()).content.decode()
    assert DRAFT_DECISION in html
    date = timezone.localtime(sent.finished_at).date()
    note = approved_note(1, 2)
    assert note in html
    assert f"{date.day}" in html.split(note, 1)[1][:40]
    assert "Raamatukogu suletakse." in html
    assert "Koosolekul otsustati teisiti." in html
    assert "Buss sõidab kaks korda päevas." not in html  # accepted: not listed
    # Names only where the person's details are public; never an e-mail address.
    assert world["public"].name in html
    assert world["private"].name not in html
    assert world["private"].email not in html
    assert world["public"].email not in html
    # The participant's link has ended.
    response = client.get(link(private, programme))
    assert response.status_code == 410
    changed = et("The page has been changed since then.")
    assert changed not in html
    # Published again later, outside the approval: the note says the page changed since.
    meeting.title = "Koosolek a (parandatud)"
    meeting.save_revision().publish()
    html = client.get(meeting.get_url()).content.decode()
    assert note in html
    assert changed in html


def test_a_page_that_never_went_through_approval_says_nothing(client, world):
    html = client.get(world["meeting"].get_url()).content.decode()
    assert "Approval by participants" not in html
    assert "Approved by" not in html
    assert et("Approval by participants") not in html  # the page's language
    assert et("Approved by") not in html
    assert "avp-approval-note" not in html


def test_the_task_offers_approval_only_when_every_amendment_is_decided(
    client, world, programme, sent, superuser
):
    task = sent.task.specific
    meeting = world["meeting"]

    def names():
        return [name for name, _label, _modal in task.get_actions(meeting, superuser)]

    assert names() == ["avp_participants", "approve", "reject"]
    amendment = _amend(client, programme, participant_of(sent, world["private"]), 0, "Muuda")
    assert names() == ["avp_participants", "reject"]
    Amendment.objects.filter(pk=amendment.pk).update(state=AmendmentState.ACCEPTED)
    assert "approve" in names()
    assert task.on_action(sent, superuser, "avp_participants") == review_url(sent)
    assert [s.pk for s in task.get_task_states_user_can_moderate(superuser)] == [sent.pk]


def test_the_dashboard_action_leads_to_the_review(client, world, sent, superuser):
    client.force_login(superuser)
    url = f"/admin/pages/workflow/action/{world['meeting'].pk}/avp_participants/{sent.pk}/"
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == review_url(sent)


def test_the_token_is_not_the_participant_id(world, sent):
    participant = participant_of(sent, world["private"])
    assert participant_token(participant) != participant_token(
        participant_of(sent, world["public"])
    )
