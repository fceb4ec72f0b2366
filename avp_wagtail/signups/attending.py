"""After the meeting: its protocol's attending organisations filled from the sign-ups."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from avp_wagtail.models import MeetingAttendingOrganisation, MeetingSignup, Organisation


@dataclass
class AttendingFromSignups:
    """What the sign-ups add: ``new`` organisations (not yet on the protocol), those
    ``already`` on it, and the names that match no organisation of the meeting's language
    (``unknown``: to add under Organisations first)."""

    new: list[Any] = field(default_factory=list)
    already: list[Any] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def attending_from_signups(meeting: Any) -> AttendingFromSignups:
    """Matched by name (case and spacing aside) among the organisations in the meeting's
    language; only sign-ups that had a place count."""
    draft = meeting.get_latest_revision_as_object()
    present = {link.organisation_id for link in draft.attending_organisations.all()}
    organisations: dict[str, Any] = {}
    for organisation in Organisation.objects.filter(locale_id=meeting.locale_id):
        organisations.setdefault(" ".join(organisation.name.split()).casefold(), organisation)
    result = AttendingFromSignups()
    seen: set[str] = set()
    names = (
        meeting.signups()
        .filter(state=MeetingSignup.State.CONFIRMED)
        .exclude(organisation="")
        .order_by("created_at")
        .values_list("organisation", flat=True)
    )
    for name in names:
        key = " ".join(name.split()).casefold()
        if key in seen:
            continue
        seen.add(key)
        organisation = organisations.get(key)
        if organisation is None:
            result.unknown.append(name.strip())
        elif organisation.pk in present:
            result.already.append(organisation)
        else:
            result.new.append(organisation)
    return result


def add_attending(meeting: Any, organisations: list[Any], user: Any) -> Any:
    """Add ``organisations`` to the meeting's attending organisations in a new draft
    revision (the editor reviews and publishes it); return the revision."""
    draft = meeting.get_latest_revision_as_object()
    links = list(draft.attending_organisations.all())
    links.extend(
        MeetingAttendingOrganisation(organisation=organisation, locale_id=meeting.locale_id)
        for organisation in organisations
    )
    draft.attending_organisations = links
    return draft.save_revision(user=user, log_action=True)
