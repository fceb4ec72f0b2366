"""Residents taking the last places at the same moment, as on several app servers sharing
one PostgreSQL database: never more sign-ups with a place than places. (SQLite serialises
writes by itself; CI runs this module on PostgreSQL.)"""

import threading
import time

import pytest
from django.db import connection, connections

from avp_wagtail.models import MeetingProtocolPage, MeetingSignup
from avp_wagtail.signups import places
from tests.builders import make_meeting, make_programme

pytestmark = [
    # serialized_rollback: the test database (root page, default site) is restored first;
    # another transactional test (the two race tests run last, together) empties it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the race needs concurrent transactions"
    ),
]


def test_simultaneous_sign_ups_never_take_more_than_the_places(home, monkeypatch):
    meeting = make_meeting(make_programme(home), 1, 7, signup_open=True, signup_capacity=2)
    residents = 6
    # Widen the window between counting the places and storing the sign-up.
    places_left = MeetingProtocolPage.places_left

    def slow_places_left(self):
        left = places_left(self)
        time.sleep(0.2)
        return left

    monkeypatch.setattr(MeetingProtocolPage, "places_left", slow_places_left)
    start = threading.Barrier(residents)
    errors = []

    def sign_up(n):
        try:
            start.wait()
            page = MeetingProtocolPage.objects.get(pk=meeting.pk)
            places.sign_up(page, MeetingSignup(name=f"Elanik {n}", email=f"e{n}@example.ee"))
        except Exception as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(residents)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    states = list(MeetingSignup.objects.values_list("state", flat=True))
    assert len(states) == residents
    assert states.count(MeetingSignup.State.CONFIRMED) == 2
    assert states.count(MeetingSignup.State.WAITING) == residents - 2
