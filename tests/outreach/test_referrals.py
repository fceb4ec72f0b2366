"""C2: "Who else should we ask?" on the interest form lands in the tracker as referrals."""

import pytest

from avp_wagtail.models import InterestSubmission
from avp_wagtail.outreach.choices import Answer
from avp_wagtail.outreach.models import OutreachContact
from avp_wagtail.outreach.referrals import MAX_REFERRALS, parse_referrals
from tests.helpers import et

pytestmark = pytest.mark.django_db


def interest(**overrides):
    data = {
        "name": "Mari Maasikas",
        "organisation": "Külaselts Kask",
        "email": "mari@example.ee",
        "phone": "",
        "message": "",
        "referrals": "",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_the_form_shows_the_optional_field(client, call):
    html = client.get(call.url).content.decode()
    assert 'name="referrals"' in html
    assert et("Who else should we ask?") in html


def test_each_line_becomes_a_referral_of_the_calls_programme(client, call, programme):
    response = client.post(
        call.url,
        interest(referrals="Noorte volikogu\nPensionäride ühendus; Jaan Tamm <jaan@tamm.example>"),
    )
    assert response.status_code == 302
    submission = InterestSubmission.objects.get()
    assert submission.referrals.startswith("Noorte volikogu")
    rows = OutreachContact.objects.order_by("pk")
    assert [(r.name, r.email) for r in rows] == [
        ("Noorte volikogu", ""),
        ("Pensionäride ühendus", ""),
        ("Jaan Tamm", "jaan@tamm.example"),
    ]
    for row in rows:
        assert row.programme_id == programme.pk
        assert row.answer == Answer.NOT_YET
        assert row.referred_by_text == "Külaselts Kask"
        assert row.referral_submission == submission
        assert row.source == OutreachContact.Source.REFERRAL


def test_without_an_organisation_the_senders_name_is_the_referrer(client, call):
    client.post(call.url, interest(organisation="", referrals="Spordiklubi"))
    assert OutreachContact.objects.get().referred_by_text == "Mari Maasikas"


def test_an_empty_field_adds_nothing(client, call):
    client.post(call.url, interest(referrals="  \n ; \n"))
    assert InterestSubmission.objects.count() == 1
    assert not OutreachContact.objects.exists()


def test_an_invalid_form_adds_nothing(client, call):
    data = interest(referrals="Spordiklubi")
    del data["consent"]
    response = client.post(call.url, data)
    assert response.status_code == 200
    assert not OutreachContact.objects.exists()


def test_the_honeypot_still_stops_robots(client, call):
    form = call.get_form()
    data = interest(referrals="Spordiklubi")
    data[form.HONEYPOT] = "http://spam.example"
    client.post(call.url, data)
    assert not InterestSubmission.objects.exists()
    assert not OutreachContact.objects.exists()


def test_hostile_input_is_cleaned_and_bounded(client, call):
    hostile = "\n".join(
        ['=HYPERLINK("http://evil.example")', "Nul\x00byte\x1b[31m", "x" * 1500]
        + [f"Selts {n}" for n in range(40)]
    )[:2000]
    response = client.post(call.url, interest(referrals=hostile))
    assert response.status_code == 302
    rows = list(OutreachContact.objects.order_by("pk"))
    assert 3 <= len(rows) <= MAX_REFERRALS
    assert rows[0].name == '=HYPERLINK("http://evil.example")'  # text, escaped on export
    assert rows[1].name == "Nulbyte[31m"
    assert all(len(row.name) <= 255 for row in rows)


def test_too_long_a_field_is_refused_with_a_message(client, call):
    response = client.post(call.url, interest(referrals="y" * 2001))
    assert response.status_code == 200
    assert "referrals" in response.context["form"].errors
    assert not InterestSubmission.objects.exists()


def test_parsing_keeps_only_valid_addresses_and_drops_duplicates():
    assert parse_referrals("A a@b\nA a@b\nB x@@y\n\nC") == [
        ("A a@b", ""),
        ("B x@@y", ""),
        ("C", ""),
    ]
    assert parse_referrals("Liis <liis@selts.example>") == [("Liis", "liis@selts.example")]


def test_an_erased_expression_of_interest_is_forgotten_by_its_referrals(client, call):
    client.post(call.url, interest(referrals="Spordiklubi"))
    InterestSubmission.objects.all().delete()
    row = OutreachContact.objects.get()
    assert row.referred_by_text == ""
    assert row.name == "Spordiklubi"


def test_without_the_outreach_app_the_form_asks_for_no_one_else(client, call, monkeypatch):
    """Only the tracker follows the names up: a site without it does not collect them."""
    from avp_wagtail.forms import interest

    installed = interest.apps.is_installed
    monkeypatch.setattr(
        interest.apps,
        "is_installed",
        lambda name: name != "avp_wagtail.outreach" and installed(name),
    )
    html = client.get(call.url).content.decode()
    assert 'name="referrals"' not in html
    assert et("Who else should we ask?") not in html
