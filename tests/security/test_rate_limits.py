"""Issue 13, points 7 and 14: follow-by-e-mail and the interest form are rate-limited per
network and per address (the interest form also has a honeypot), with the resident's input
kept; one limiter for all forms keys IPv6 on its /64 prefix."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from avp_wagtail.core.ratelimit import network_identity
from avp_wagtail.models import CallContactPerson, ContactPerson, InterestSubmission
from tests.builders import make_call, make_item, make_plan, make_programme, publish
from tests.comments.helpers import POST_URL, comment_data

pytestmark = pytest.mark.django_db

FOLLOW_NOTICE = (
    "You have asked to follow several times in a short time. Please wait a while "
    "and send again; your address is kept below."
)
INTEREST_NOTICE = (
    "Several expressions of interest have been sent from here or for "
    "this e-mail address in a short time. Please wait a while and send "
    "again; what you typed is kept below."
)


@pytest.fixture
def programme(home):
    return make_programme(home)


@pytest.fixture
def item(programme):
    return make_item(make_plan(programme), 1)


@pytest.fixture
def call(programme):
    person = ContactPerson.objects.create(name="Kaja Kask", email="kaja@vald.example")
    call = make_call(programme, deadline=timezone.localdate() + datetime.timedelta(days=7))
    call.contact_people = [CallContactPerson(person=person)]
    return publish(call)


def interest(**overrides):
    data = {
        "name": "Mari Maasikas",
        "organisation": "Küla selts",
        "email": "mari@example.ee",
        "phone": "",
        "message": "Tahan aidata noortevolikoguga.",
        "consent": "on",
    }
    data.update(overrides)
    return data


def ip(n):
    return {"REMOTE_ADDR": f"192.0.2.{n}"}


# Follow by e-mail --------------------------------------------------------------------


def test_fifteen_follow_requests_for_one_address_send_three_emails(client, item, mailoutbox):
    statuses = [
        client.post(f"{item.url}follow/", {"follow-email": "ohver@example.ee"}, **ip(n)).status_code
        for n in range(15)  # even from fifteen addresses
    ]
    assert statuses == [302] * 3 + [429] * 12
    assert len(mailoutbox) == 3


def test_follow_requests_from_one_network_are_limited_and_the_address_kept(
    client, item, mailoutbox
):
    statuses = [
        client.post(f"{item.url}follow/", {"follow-email": f"a{n}@example.ee"}).status_code
        for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    assert len(mailoutbox) == 5
    response = client.post(f"{item.url}follow/", {"follow-email": "viimane@example.ee"})
    assert response.status_code == 429
    html = response.content.decode()
    summary = re.search(r'<div[^>]*id="follow-errors".*?</div>', html, re.S).group(0)
    assert escape(_(FOLLOW_NOTICE)) in summary
    assert 'value="viimane@example.ee"' in html


def test_officials_are_not_limited_per_network_but_per_address(
    client, item, mailoutbox, django_user_model
):
    editor = django_user_model.objects.create_user("toimetaja", "t@vald.example", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    statuses = [
        client.post(f"{item.url}follow/", {"follow-email": f"b{n}@example.ee"}).status_code
        for n in range(7)
    ]
    assert statuses == [302] * 7


@override_settings(AVP_WAGTAIL={"RATE_TRUSTED_NETWORKS": ["192.0.2.0/24"]})
def test_trusted_network_is_not_limited_per_network(client, item, mailoutbox):
    statuses = [
        client.post(f"{item.url}follow/", {"follow-email": f"c{n}@example.ee"}, **ip(7)).status_code
        for n in range(7)
    ]
    assert statuses == [302] * 7


# The interest form ----------------------------------------------------------------------


def test_fifteen_interest_submissions_from_one_network_store_five(client, call, mailoutbox):
    statuses = [
        client.post(call.url, interest(email=f"m{n}@example.ee")).status_code for n in range(15)
    ]
    assert statuses == [302] * 5 + [429] * 10
    assert InterestSubmission.objects.count() == 5
    assert len(mailoutbox) == 5


def test_refused_submission_comes_back_as_typed_with_the_notice_in_the_summary(
    client, call, mailoutbox
):
    for n in range(5):
        client.post(call.url, interest(email=f"m{n}@example.ee"))
    response = client.post(call.url, interest(email="kuues@example.ee", phone="+372 5555 5555"))
    assert response.status_code == 429
    html = response.content.decode()
    summary = re.search(r'<div[^>]*id="interest-errors".*?</div>', html, re.S).group(0)
    assert escape(_(INTEREST_NOTICE)) in summary
    assert 'value="kuues@example.ee"' in html
    assert 'value="+372 5555 5555"' in html
    assert "Tahan aidata noortevolikoguga." in html
    assert InterestSubmission.objects.count() == 5


def test_one_address_is_limited_from_any_network(client, call, mailoutbox):
    statuses = [client.post(call.url, interest(), **ip(n)).status_code for n in range(5)]
    assert statuses == [302] * 3 + [429] * 2
    assert InterestSubmission.objects.count() == 3


def test_honeypot_is_out_of_sight_and_out_of_the_tab_order(client, call):
    html = client.get(call.url).content.decode()
    block = re.search(r'<div class="avp-visually-hidden avp-honeypot">.*?</div>', html, re.S)
    assert block, "the honeypot is wrapped in the visually hidden class"
    field = re.search(r"<input[^>]*name=\"website\"[^>]*>", block.group(0)).group(0)
    assert 'tabindex="-1"' in field
    assert 'autocomplete="off"' in field
    assert "hidden" not in field.replace("avp-visually-hidden", "")  # a robot sees a field
    assert escape(_("Leave this field empty (it catches spam robots)")) in block.group(0)


def test_filled_honeypot_stores_nothing_keeps_the_text_and_empties_the_trap(
    client, call, mailoutbox
):
    response = client.post(call.url, interest(website="http://spam.example"))
    assert response.status_code == 200
    assert not InterestSubmission.objects.exists()
    assert mailoutbox == []
    html = response.content.decode()
    summary = re.search(r'<div[^>]*id="interest-errors".*?</div>', html, re.S).group(0)
    assert "spam" in summary.lower() or "robot" in summary.lower()
    assert "Tahan aidata noortevolikoguga." in html
    assert "http://spam.example" not in html
    # Sent again as it comes back (the trap empty): accepted.
    assert client.post(call.url, interest()).status_code == 302


def test_address_whose_domain_cannot_be_mailed_is_a_field_error(client, call, mailoutbox):
    response = client.post(call.url, interest(email="a@ex\u202eample.ee"))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["email"]
    assert not InterestSubmission.objects.exists()


def test_follow_address_whose_domain_cannot_be_mailed_is_a_400(client, item, mailoutbox):
    response = client.post(f"{item.url}follow/", {"follow-email": "a@ex\u202eample.ee"})
    assert response.status_code == 400
    assert mailoutbox == []


# One identity per client: IPv6 /64 (point 14) ------------------------------------------


def test_network_identity():
    assert network_identity("192.0.2.10") == "192.0.2.10"
    assert network_identity("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert network_identity("2001:db8:1:2:ffff:1:2:3") == "2001:db8:1:2::/64"
    assert network_identity("2001:db8:1:3::1") == "2001:db8:1:3::/64"
    assert network_identity("::ffff:192.0.2.10") == "192.0.2.10"
    assert network_identity("unknown") == "unknown"


def comment_from(client, item, address, text):
    return client.post(POST_URL, comment_data(client, item, comment=text), REMOTE_ADDR=address)


@override_settings(AVP_WAGTAIL={"COMMENT_RATE_LIMIT": 2})
def test_ipv6_client_changing_address_within_its_64_stays_limited(client, item, mailoutbox):
    statuses = [
        comment_from(client, item, f"2001:db8:1:2::{n + 1:x}", f"Uus aadress {n}").status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert len(mailoutbox) == 2
    # Another /64 is another client.
    assert comment_from(client, item, "2001:db8:1:3::1", "Naaber").status_code == 302


@override_settings(AVP_WAGTAIL={"COMMENT_RATE_LIMIT": 2})
def test_ipv4_mapped_address_counts_as_the_ipv4_address(client, item, mailoutbox):
    assert comment_from(client, item, "192.0.2.5", "Üks").status_code == 302
    assert comment_from(client, item, "::ffff:192.0.2.5", "Kaks").status_code == 302
    assert comment_from(client, item, "192.0.2.5", "Kolm").status_code == 429
    assert comment_from(client, item, "192.0.2.6", "Neli").status_code == 302


@override_settings(AVP_WAGTAIL={"FOLLOW_RATE_LIMIT": 2})
def test_follow_limit_keys_ipv6_on_its_64(client, item, mailoutbox):
    statuses = [
        client.post(
            f"{item.url}follow/",
            {"follow-email": f"d{n}@example.ee"},
            REMOTE_ADDR=f"2001:db8:9:9::{n + 1:x}",
        ).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
