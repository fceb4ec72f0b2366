"""Places and the waiting list: a sign-up takes a place while there is one, else waits;
a cancelled place goes to the first on the waiting list. The meeting's rows are locked
meanwhile, so two residents signing up at once never both get the last place."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from avp_wagtail.models import MeetingSignup

State = MeetingSignup.State


def _lock(meeting: Any) -> None:
    """Lock the meeting's translation group (its page rows) until the transaction ends."""
    list(
        Page.objects.select_for_update()
        .filter(translation_key=meeting.translation_key)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def existing_signup(meeting: Any, email: str) -> MeetingSignup | None:
    """The address's sign-up for the meeting (any language), unless it was cancelled."""
    return (
        meeting.signups().exclude(state=State.CANCELLED).filter(email__iexact=email.strip()).first()
    )


def sign_up(meeting: Any, signup: MeetingSignup) -> tuple[MeetingSignup, bool]:
    """Store ``signup`` (unsaved) for ``meeting`` with a place, or on the waiting list when
    the places are taken. Returns (the sign-up, created); an address already signed up gets
    its earlier sign-up back, and nothing is stored."""
    with transaction.atomic():
        _lock(meeting)
        earlier = existing_signup(meeting, signup.email)
        if earlier is not None:
            return earlier, False
        left = meeting.places_left()
        signup.meeting = meeting
        signup.state = State.CONFIRMED if left is None or left > 0 else State.WAITING
        signup.save()
    return signup, True


def _move_up(meeting: Any) -> list[MeetingSignup]:
    """Give the free places to the first on the waiting list (the caller holds the lock).
    Only before the meeting starts: a place in a past meeting is no use to anyone."""
    if timezone.now() >= meeting.start:
        return []
    left = meeting.places_left()
    waiting = meeting.signups().filter(state=State.WAITING).order_by("created_at", "pk")
    moved = list(waiting if left is None else waiting[:left])
    for signup in moved:
        signup.state = State.CONFIRMED
        signup.save(update_fields=["state"])
    return moved


def fill_free_places(meeting: Any) -> list[MeetingSignup]:
    """Move the waiting list up into the places that are free: after an editor raised the
    number of places (or removed the limit) or deleted a sign-up that had a place. Returns
    who moved up, in order, for their e-mails."""
    with transaction.atomic():
        _lock(meeting)
        return _move_up(meeting)


def cancel(signup: MeetingSignup) -> list[MeetingSignup]:
    """Cancel ``signup``; its place (and any other free one) goes to the first on the
    waiting list, who are returned, in order."""
    meeting = signup.meeting
    with transaction.atomic():
        _lock(meeting)
        signup.refresh_from_db()
        if signup.state == State.CANCELLED:
            return []
        had_place = signup.state == State.CONFIRMED
        signup.state = State.CANCELLED
        signup.cancelled_at = timezone.now()
        signup.save(update_fields=["state", "cancelled_at"])
        if not had_place:
            return []
        return _move_up(meeting)
