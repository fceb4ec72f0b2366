"""The waiting list moves up whenever places free up, not only through a resident's cancel
link: when an editor publishes the meeting with more places (or no limit) and when a
sign-up with a place is deleted in the admin. Whoever moves up is e-mailed."""

import datetime

import pytest
from django.utils import timezone

from avp_wagtail.models import MeetingSignup
from tests.builders import publish

from .helpers import sign_up

pytestmark = pytest.mark.django_db
State = MeetingSignup.State


def _four_signed_up(client, meeting):
    for address in ("a@example.ee", "b@example.ee", "c@example.ee", "d@example.ee"):
        sign_up(client, meeting, email=address)
    return dict(MeetingSignup.objects.values_list("email", "state"))


def test_more_places_move_the_waiting_list_up_in_order(client, meeting, mailoutbox):
    states = _four_signed_up(client, meeting)
    assert states["c@example.ee"] == states["d@example.ee"] == State.WAITING
    sent = len(mailoutbox)
    meeting.signup_capacity = 3
    publish(meeting)
    states = dict(MeetingSignup.objects.values_list("email", "state"))
    assert states["c@example.ee"] == State.CONFIRMED  # the first waiting
    assert states["d@example.ee"] == State.WAITING
    assert [message.to for message in mailoutbox[sent:]] == [["c@example.ee"]]


def test_no_limit_gives_everyone_waiting_a_place(client, meeting, mailoutbox):
    _four_signed_up(client, meeting)
    meeting.signup_capacity = None
    publish(meeting)
    assert not MeetingSignup.objects.filter(state=State.WAITING).exists()


def test_deleting_a_sign_up_with_a_place_gives_it_to_the_first_waiting(client, meeting, mailoutbox):
    _four_signed_up(client, meeting)
    sent = len(mailoutbox)
    MeetingSignup.objects.get(email="b@example.ee").delete()
    assert MeetingSignup.objects.get(email="c@example.ee").state == State.CONFIRMED
    assert MeetingSignup.objects.get(email="d@example.ee").state == State.WAITING
    assert [message.to for message in mailoutbox[sent:]] == [["c@example.ee"]]
    # Deleting one who was waiting frees no place.
    MeetingSignup.objects.get(email="d@example.ee").delete()
    assert MeetingSignup.objects.filter(state=State.CONFIRMED).count() == 2


def test_after_the_meeting_nobody_moves_up(client, meeting, mailoutbox):
    _four_signed_up(client, meeting)
    sent = len(mailoutbox)
    meeting.start = timezone.now() - datetime.timedelta(hours=1)
    meeting.signup_capacity = 4
    publish(meeting)
    MeetingSignup.objects.get(email="a@example.ee").delete()
    assert MeetingSignup.objects.get(email="c@example.ee").state == State.WAITING
    assert mailoutbox[sent:] == []


def test_a_translation_with_more_places_gives_away_no_place_the_meeting_has_not(
    client, meeting, mailoutbox
):
    """The places are synchronised to the translations, but one not yet synchronised may
    say more: the smallest number counts, in every language."""
    from wagtail.models import Locale

    russian = meeting.copy_for_translation(
        Locale.objects.get_or_create(language_code="ru")[0], copy_parents=True
    )
    russian.signup_capacity = 5  # not synchronised yet
    publish(russian)
    for address in ("a@example.ee", "b@example.ee", "c@example.ee"):
        sign_up(client, russian, email=address)
    states = dict(MeetingSignup.objects.values_list("email", "state"))
    assert states["c@example.ee"] == State.WAITING  # the meeting has two places
    publish(russian)  # publishing the stale translation moves nobody up
    assert MeetingSignup.objects.get(email="c@example.ee").state == State.WAITING


def test_a_cancel_that_frees_several_places_e_mails_everyone_who_moves_up(
    client, meeting, mailoutbox
):
    _four_signed_up(client, meeting)
    # The places went up in the database (e.g. an import) without a publish.
    type(meeting).objects.filter(pk=meeting.pk).update(signup_capacity=3)
    sent = len(mailoutbox)
    cancel_link = mailoutbox[0].body.split("signup/cancel/")[1].split()[0]
    client.post(f"{meeting.url}signup/cancel/{cancel_link}")
    moved = [message.to for message in mailoutbox[sent:]]
    assert moved == [["c@example.ee"], ["d@example.ee"]]
    assert not MeetingSignup.objects.filter(state=State.WAITING).exists()
