"""The tracker's personal data: expiry and one person's erasure."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from avp_wagtail.models import InterestSubmission
from avp_wagtail.outreach.choices import Answer, Channel
from avp_wagtail.outreach.models import OutreachContact
from avp_wagtail.privacy.retention import erase_expired, retention_days

from .conftest import contact

pytestmark = pytest.mark.django_db


def test_the_kind_has_a_default_period():
    assert retention_days()["outreach_contacts"] == 3 * 365


def test_expired_contacts_are_anonymised_and_still_counted(programme, chair, society):
    old = contact(
        programme,
        name="Jaan Tamm",
        email="jaan@tamm.example",
        person=chair,
        organisation=society,
        notes="Tel 5555 5555",
        referred_by_text="Mari",
        contacted_by_text="Peeter",
        channel=Channel.PHONE,
        answer=Answer.INTERESTED,
    )
    fresh = contact(programme, name="Uus", email="uus@example.ee")
    OutreachContact.objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=3 * 365 + 1)
    )
    assert erase_expired(dry_run=True)["outreach_contacts_anonymised"] == 1
    assert erase_expired()["outreach_contacts_anonymised"] == 1
    old.refresh_from_db()
    assert (old.name, old.email, old.notes, old.referred_by_text, old.contacted_by_text) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert old.person is None
    assert old.anonymised
    assert old.organisation == society  # not personal data
    assert (old.channel, old.answer) == (Channel.PHONE, Answer.INTERESTED)
    fresh.refresh_from_db()
    assert fresh.name == "Uus"
    assert erase_expired()["outreach_contacts_anonymised"] == 0  # idempotent


def test_the_command_reports_it(programme, capsys):
    row = contact(programme, name="Vana")
    OutreachContact.objects.filter(pk=row.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=2000)
    )
    call_command("avp_erase_expired")
    assert "outreach contact(s)" in capsys.readouterr().out
    row.refresh_from_db()
    assert row.name == ""


def test_one_persons_erasure(admin_client, programme, call, chair):
    typed = contact(programme, name="Jaan", email="JAAN@tamm.example")
    linked = contact(programme, person=chair)
    other = contact(programme, name="Teine", email="teine@example.ee")
    submission = InterestSubmission.objects.create(
        call=call, name="Jaan", email="jaan@tamm.example", consent=True
    )
    referral = contact(
        programme, name="Spordiklubi", referred_by_text="Jaan", referral_submission=submission
    )
    url = reverse("avp_erase_personal_data")
    found = admin_client.post(url, {"email": "jaan@tamm.example"}).content.decode()
    assert "1 outreach contact" in found
    assert "1 contact referred by them" in found
    response = admin_client.post(url, {"email": "jaan@tamm.example", "confirmed": "True"})
    assert response.status_code == 302
    admin_client.post(url, {"email": "mari@kask.example", "confirmed": "True"})
    typed.refresh_from_db()
    linked.refresh_from_db()
    other.refresh_from_db()
    referral.refresh_from_db()
    assert typed.name == ""
    assert typed.email == ""
    assert typed.anonymised
    assert linked.person is None
    assert linked.anonymised
    assert other.name == "Teine"
    assert referral.referred_by_text == ""
    assert referral.name == "Spordiklubi"
    assert not InterestSubmission.objects.exists()
