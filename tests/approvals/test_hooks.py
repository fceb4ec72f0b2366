"""The approvals' answers to the package's hooks: D3 on the programme checklist
(``avp_recipe_status``) and the participants' personal data (``avp_personal_data``)."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail import hooks

from avp_wagtail.approvals.models import Participant
from avp_wagtail.approvals.recipes import d3_status
from avp_wagtail.approvals.retention import ParticipantData
from avp_wagtail.core.plugins import PERSONAL_DATA_HOOK, RECIPE_STATUS_HOOK
from avp_wagtail.privacy.retention import erase_expired

from .helpers import approved_note, link, review_url, send, submit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]


def test_both_are_registered():
    assert d3_status in hooks.get_hooks(RECIPE_STATUS_HOOK)
    assert any(isinstance(p, ParticipantData) for p in hooks.get_hooks(PERSONAL_DATA_HOOK))


def _approve_round(client, world, programme, superuser):
    client.force_login(superuser)
    state = submit(world["meeting"], superuser)
    send(client, state, [world["public"], world["private"]])
    participant = Participant.objects.get(person=world["public"])
    client.post(link(participant, programme), {"action": "approve", "approve-website": ""})
    client.post(review_url(state), {"action": "finish"})
    state.refresh_from_db()
    return state


def test_d3_answers_from_the_latest_protocol(client, world, programme, superuser):
    assert d3_status(programme, "C2", None) is None
    met, why, fix_url = d3_status(programme, "D3", None)
    assert not met
    assert "Koosolek a" in why
    assert fix_url == f"/admin/pages/{world['meeting'].pk}/edit/"
    _approve_round(client, world, programme, superuser)
    with translation.override("en"):  # a request of the round activated the page's language
        met, why, fix_url = d3_status(programme, "D3", None)
    assert met
    assert "approved by 1 of 2 participants" in why
    with translation.override("et"):
        _met, why_et, _fix_url = d3_status(programme, "D3", None)
        expected = ngettext(
            "The latest meeting protocol, “%(title)s”, was approved by %(approved)d of "
            "%(total)d participant.",
            "The latest meeting protocol, “%(title)s”, was approved by %(approved)d of "
            "%(total)d participants.",
            2,
        ) % {"title": "Koosolek a", "approved": 1, "total": 2}
    assert why_et == expected
    assert fix_url == ""


def test_d3_without_a_past_meeting(programme):
    met, why, _fix_url = d3_status(programme, "D3", None)
    assert not met
    assert why


def test_participants_lose_name_and_address_after_the_period(client, world, programme, superuser):
    state = _approve_round(client, world, programme, superuser)
    type(state).objects.filter(pk=state.pk).update(
        deadline=timezone.now() - datetime.timedelta(days=400)
    )
    done = erase_expired()
    assert done["approval_participants_anonymised"] == 2
    rows = list(Participant.objects.values_list("name", "email", "organisation"))
    assert all(name == "" and email == "" for name, email, _org in rows)
    assert {org for *_rest, org in rows} == {"Külaselts a", "Vallavalitsus a"}
    # The published note still counts them.
    html = client.get(world["meeting"].get_url()).content.decode()
    assert approved_note(1, 2) in html  # the page's language (Estonian)


def test_one_persons_rows_are_found_and_erased(client, world, programme, superuser):
    _approve_round(client, world, programme, superuser)
    provider = ParticipantData()
    rows = provider.of_person(world["private"].email.upper())["approval_participants"]
    assert rows.count() == 1
    assert provider.erase("approval_participants", rows) == 1
    assert not Participant.objects.filter(email=world["private"].email).exists()
