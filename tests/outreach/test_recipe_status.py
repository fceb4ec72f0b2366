"""The tracker's answers to the programme checklist (``avp_recipe_status``)."""

import pytest
from wagtail import hooks

from avp_wagtail.core.plugins import RECIPE_STATUS_HOOK
from avp_wagtail.outreach.choices import Answer, Channel, ContactKind, InvitationState
from avp_wagtail.outreach.models import OutreachInvitation
from avp_wagtail.outreach.recipe_status import outreach_recipe_status

from .conftest import contact

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]


def status(programme, rid):
    return outreach_recipe_status(programme, rid, None)


def test_registered_under_the_hook():
    assert outreach_recipe_status in hooks.get_hooks(RECIPE_STATUS_HOOK)


def test_other_recommendations_are_none(programme):
    for rid in ("C1", "C4", "D2", "I3", "X"):
        assert status(programme, rid) is None


def test_c2_needs_referrals_followed_up(programme):
    met, why, url = status(programme, "C2")
    assert not met
    assert "No referrals yet" in why
    assert url.startswith("/admin/avp/outreach/")
    assert f"programme={programme.pk}" in url
    referral = contact(programme, name="Spordiklubi", referred_by_text="Külaselts")
    met, why, _url = status(programme, "C2")
    assert not met
    assert why == "1 referral collected, 0 followed up."
    referral.answer = Answer.INTERESTED
    referral.save()
    met, why, _url = status(programme, "C2")
    assert met
    assert why == "1 referral collected, 1 followed up."


def test_c3_needs_a_direct_contact(programme):
    contact(programme, name="Kiri", channel=Channel.LETTER)
    assert status(programme, "C3")[0] is False
    contact(programme, name="Helistatud", channel=Channel.PHONE)
    met, why, _url = status(programme, "C3")
    assert met
    assert why == "1 contact made in person or by phone."


def test_c9_needs_an_event_of_others(programme):
    assert status(programme, "C9")[0] is False
    contact(programme, kind=ContactKind.EVENT, name="Külapäev")
    assert status(programme, "C9")[0] is True


def test_c10_needs_an_invited_politician(programme, call):
    politician = contact(programme, kind=ContactKind.POLITICIAN, name="Volikogu esimees")
    met, _why, url = status(programme, "C10")
    assert not met
    assert "kind=politician" in url
    OutreachInvitation.objects.create(
        contact=politician, call=call, language="et", state=InvitationState.SENT
    )
    met, why, _url = status(programme, "C10")
    assert met
    assert why == "1 politician invited."
