"""The demo's upcoming meeting takes sign-ups (C4): places left, never who signed up."""

import re

from avp_wagtail.models import CallToParticipatePage, MeetingProtocolPage


def test_the_demo_meeting_takes_sign_ups_and_the_call_points_to_it(client, demo):
    upcoming = MeetingProtocolPage.objects.filter(locale=demo.locale).order_by("start").last()
    assert upcoming.takes_signups()
    assert upcoming.places_left() == 30 - 6
    html = client.get(upcoming.url).content.decode()
    assert re.search(r"Vaba on\s+24\s+kohta", html)
    assert 'id="avp-signup-form"' in html
    assert "Mari Maasikas" not in html
    assert "@example.ee" not in html
    call = CallToParticipatePage.objects.get(locale=demo.locale)
    assert f'href="{upcoming.url}#avp-signup"' in client.get(call.url).content.decode()
