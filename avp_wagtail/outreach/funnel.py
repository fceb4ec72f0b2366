"""The outreach funnel of a programme: invited → answered → interested → joined → active,
per channel. Each contact counts in every stage up to the furthest it reached (one that
joined also answered, even if nobody recorded the answer):

- **invited**: a channel or a date of contact is recorded, or an invitation e-mail left;
- **answered**: any answer but "not yet";
- **interested**: the answer "interested";
- **joined**: linked to their expression of interest;
- **active**: attended a meeting (linked to it, or signed up for a meeting of the
  programme with the contact's address), or their organisation leads an action of the
  programme or is among a meeting's attending organisations.

Organisations are compared by translation key (an English action page names the English
translation of the same organisation)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from avp_wagtail.models import (
    ActionItemPage,
    MeetingProtocolPage,
    MeetingSignup,
    OpenGovernmentPage,
)
from avp_wagtail.models.meeting_protocol import MeetingAttendingOrganisation
from avp_wagtail.outreach.choices import Answer, Channel, InvitationState
from avp_wagtail.outreach.permissions import under_programme

STAGES = (
    ("invited", _("Invited")),
    ("answered", _("Answered")),
    ("interested", _("Interested")),
    ("joined", _("Joined")),
    ("active", _("Active")),
)
NO_CHANNEL = ""


@dataclass
class FunnelRow:
    label: str
    counts: list[int] = field(default_factory=lambda: [0] * len(STAGES))
    contacts: int = 0


@dataclass
class Funnel:
    programme: OpenGovernmentPage
    rows: list[FunnelRow]
    total: FunnelRow

    def count(self, stage: str, channel: str | None = None) -> int:
        """The number of contacts that reached ``stage`` (of ``channel``'s row, if given)."""
        index = [name for name, _label in STAGES].index(stage)
        if channel is None:
            return self.total.counts[index]
        label = dict(Channel.choices).get(channel, _("Not recorded"))
        row = next((row for row in self.rows if str(row.label) == str(label)), None)
        return row.counts[index] if row else 0


def active_evidence(programme):
    """(organisation translation keys that lead an action or attended a meeting, e-mail
    addresses signed up for a meeting) of ``programme`` and its translations."""
    under = under_programme(programme)
    meetings = MeetingProtocolPage.objects.filter(under)
    leading = set(
        ActionItemPage.objects.filter(under)
        .exclude(lead_implementer__isnull=True)
        .order_by()
        .values_list("lead_implementer__translation_key", flat=True)
    )
    attending = set(
        MeetingAttendingOrganisation.objects.filter(page__in=meetings.values("pk"))
        .order_by()
        .values_list("organisation__translation_key", flat=True)
    )
    signed_up = {
        email.casefold()
        for email in MeetingSignup.objects.filter(meeting__in=meetings.values("pk"))
        .exclude(state=MeetingSignup.State.CANCELLED)
        .values_list("email", flat=True)
    }
    return leading | attending, signed_up


def stage_of(contact, organisations, signed_up) -> int:
    """The furthest stage ``contact`` reached: 0 (none) to 5 (active)."""
    org = contact.organisation
    email = contact.contact_email.casefold()
    if (
        contact.meeting_id
        or (org is not None and org.translation_key in organisations)
        or (email and email in signed_up)
    ):
        return 5
    if contact.submission_id:
        return 4
    if contact.answer == Answer.INTERESTED:
        return 3
    if contact.answer != Answer.NOT_YET:
        return 2
    invited = (
        contact.channel
        or contact.contacted_on
        or any(i.state == InvitationState.SENT for i in contact.invitations.all())
    )
    return 1 if invited else 0


def funnel(programme, contacts) -> Funnel:
    """The funnel of ``programme`` from ``contacts`` (its contacts, with ``organisation``,
    ``person`` selected and ``invitations`` prefetched)."""
    organisations, signed_up = active_evidence(programme)
    labels = dict(Channel.choices)
    rows: dict[str, FunnelRow] = defaultdict(lambda: FunnelRow(""))
    total = FunnelRow(_("All channels"))
    for contact in contacts:
        stage = stage_of(contact, organisations, signed_up)
        row = rows[contact.channel or NO_CHANNEL]
        row.label = labels.get(contact.channel, _("Not recorded"))
        for target in (row, total):
            target.contacts += 1
            for index in range(stage):
                target.counts[index] += 1
    order = [*Channel.values, NO_CHANNEL]
    return Funnel(
        programme=programme,
        rows=[rows[key] for key in order if key in rows],
        total=total,
    )
