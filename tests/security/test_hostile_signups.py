"""The hostile-input campaign (tests/security/test_hostile_input.py) over the meeting
sign-up form: every value of the corpus in its text fields, then the meeting page, the
admin's list, inspect view and CSV/XLSX export. No 5xx, no unescaped reflection, no formula
cell; a rejected sign-up stores nothing."""

import pytest

from avp_wagtail.models import MeetingSignup
from tests.builders import make_meeting

from .hostile_checks import (
    VALUES,
    check_response,
    fetch,
    pages_of,
    report,
    short,
    spread,
    superuser_client_of,
    tokens_in,
)


@pytest.fixture
def client(client):
    client.raise_request_exception = False
    return client


def test_sign_up_form_and_its_admin_list_and_export(security_programme, client, django_user_model):
    pages = pages_of(security_programme)
    meeting = make_meeting(
        pages["programme"],
        77,
        10,
        title="Avatud koosolek",
        signup_open=True,
        signup_capacity=50,
        signup_ask_interpretation=True,
    )
    fitting = [(t, v) for t, v in VALUES if len(v) <= 255 and "@" not in v]
    problems = []
    for number, (token, text) in enumerate(spread(fitting, 120)):
        before = MeetingSignup.objects.count()
        data = {
            "name": text if text.strip() else f"({token})",
            "email": f"{token}@example.ee",
            "organisation": text,
            "accessibility_needs": text,
            "interpretation": text[:16] if number % 5 == 0 else "",
            "consent": "on",
        }
        response = client.post(
            f"{meeting.url}signup/", data, REMOTE_ADDR=f"10.31.{number // 200}.{number % 200 + 1}"
        )
        problems += check_response(response, f"signup {token}")
        if response.status_code != 302 and MeetingSignup.objects.count() != before:
            problems.append(f"signup {token}: rejected but stored")
    for token, text in spread(short([(t, v) for t, v in VALUES if "@" in v], 5000), 20):
        response = client.post(
            f"{meeting.url}signup/", {"name": "Aadress", "email": text, "consent": "on"}
        )
        problems += check_response(response, f"signup address {token}")
    for value in ("", "x", "%00", "9" * 30):
        problems += fetch(client, f"{meeting.url}signup/cancel/?t={value}")[1]
    assert MeetingSignup.objects.count() >= 60
    problems += fetch(client, meeting.url)[1]
    admin = superuser_client_of(django_user_model)
    problems += fetch(admin, "/admin/avp/meeting-signups/")[1]
    response, found = fetch(admin, "/admin/avp/meeting-signups/?export=csv")
    problems += found
    assert len(tokens_in(response)) >= 60, "the export has the sign-ups"
    problems += fetch(admin, "/admin/avp/meeting-signups/?export=xlsx")[1]
    for signup in MeetingSignup.objects.all()[::10]:
        problems += fetch(admin, f"/admin/avp/meeting-signups/inspect/{signup.pk}/")[1]
    problems += fetch(admin, f"/admin/avp/meetings/{meeting.pk}/attending-from-signups/")[1]
    report(problems)
