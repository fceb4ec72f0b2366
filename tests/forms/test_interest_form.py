"""The expression-of-interest form on a call to participate (C1-C3, C7)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone
from django.utils.translation import gettext as _

from avp_wagtail.models import (
    CallContactPerson,
    CallInterestTheme,
    ContactPerson,
    InterestSubmission,
)
from tests.builders import make_call, make_meeting, make_programme, publish


@pytest.fixture
def call(home):
    programme = make_programme(home)
    person = ContactPerson.objects.create(name="Kaja Kask", email="kaja@vald.example")
    call = make_call(programme, deadline=timezone.localdate() + datetime.timedelta(days=7))
    call.contact_people = [CallContactPerson(person=person)]
    call.interest_themes = [
        CallInterestTheme(title="Open budget"),
        CallInterestTheme(title="Youth"),
    ]
    return publish(call)


def valid_data(**overrides):
    data = {
        "name": "Mari Maasikas",
        "organisation": "Village Society",
        "email": "mari@example.ee",
        "phone": "",
        "themes": ["Youth"],
        "message": "We would like to help with the youth council.",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_submission_is_stored_emailed_and_confirmed(client, call):
    response = client.post(call.url, valid_data())
    assert response.status_code == 302
    assert response["Location"].endswith("?submitted=1#interest-form")
    submission = InterestSubmission.objects.get()
    assert submission.call.specific == call
    assert submission.themes == ["Youth"]
    assert submission.consent is True
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kaja@vald.example"]
    assert message.reply_to == ["mari@example.ee"]
    assert "Mari Maasikas" in message.subject
    assert "We would like to help with the youth council." in message.body
    confirmation = client.get(response["Location"]).content.decode()
    assert _("Thank you! We have received your message and will contact you soon.") in confirmation


def test_without_consent_nothing_is_stored_and_text_is_kept(client, call):
    response = client.post(call.url, valid_data(consent=None))
    assert response.status_code == 200
    html = response.content.decode()
    assert _("Please give your consent, otherwise we cannot store your data.") in html
    assert "We would like to help with the youth council." in html
    assert 'value="Mari Maasikas"' in html
    assert 'aria-invalid="true"' in html
    assert not InterestSubmission.objects.exists()
    assert mail.outbox == []


def test_malformed_email_is_rejected_on_the_field(client, call):
    response = client.post(call.url, valid_data(email="mari@"))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["email"]
    assert 'value="mari@"' in response.content.decode()
    assert not InterestSubmission.objects.exists()


def test_unknown_theme_is_rejected(client, call):
    response = client.post(call.url, valid_data(themes=["Not offered"]))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["themes"]


def test_call_without_contact_email_uses_fallback(client, home, settings):
    settings.AVP_WAGTAIL = {"INTEREST_NOTIFICATION_FALLBACK": ["office@vald.example"]}
    call = make_call(make_programme(home))
    client.post(call.url, valid_data(themes=None))
    assert [m.to for m in mail.outbox] == [["office@vald.example"]]


def test_after_deadline_the_form_is_replaced_by_closed_message(client, call):
    programme = call.get_parent()
    make_meeting(programme, 1, -10, summary="We chose three themes.")
    call.deadline = timezone.localdate() - datetime.timedelta(days=1)
    publish(call)
    response = client.get(call.url)
    html = response.content.decode()
    assert response.context["form"] is None
    assert 'name="consent"' not in html
    assert 'class="avp-notice avp-notice--closed"' in html
    # C7: late-comers still see what the process has done.
    assert "We chose three themes." in html
    # A POST after the deadline stores nothing.
    client.post(call.url, valid_data())
    assert not InterestSubmission.objects.exists()


def test_deadline_day_itself_is_still_open(client, call):
    call.deadline = timezone.localdate()
    publish(call)
    assert 'name="consent"' in client.get(call.url).content.decode()


def test_the_error_summary_reads_label_colon_error_without_a_doubled_stop(client, call):
    """The consent's label is a sentence ending in a full stop; its line in the error
    summary read "… after it.: Please give your consent …"."""
    response = client.post(call.url, valid_data(consent=None))
    form = response.context["form"]
    assert str(form.fields["consent"].label).endswith(".")  # the case the summary handles
    summary = BeautifulSoup(response.content, "html.parser").select_one("#interest-errors")
    lines = [" ".join(li.stripped_strings) for li in summary.select("li")]
    assert lines
    assert all(".:" not in line and ". :" not in line for line in lines), lines
