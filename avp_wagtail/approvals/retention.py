"""The participants' personal data (``avp_personal_data``, see avp_wagtail.privacy.retention).

A participant row copies a contact person's name and e-mail address when the draft is sent
to them. Past ``RETENTION_DAYS["approval_participants"]`` days after the round's deadline,
the e-mail address and the name are erased (the organisation, the approval and the
amendments stay: they are the protocol's public record). One person's erasure does the
same to their rows."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy, ngettext

from avp_wagtail.approvals.models import Participant
from avp_wagtail.privacy.retention import PersonalData

KIND = "approval_participants"
DEFAULT_DAYS = 365


def _anonymise(rows) -> int:
    return rows.update(email="", name="", person=None)


class ParticipantData(PersonalData):
    kind = KIND
    default_days = DEFAULT_DAYS  # type: ignore[assignment]
    labels = {"approval_participants_anonymised": ("participant(s) of approvals", "anonymised")}
    page_lookups = {KIND: "task_state__page"}
    count_texts = {
        KIND: lambda n: ngettext(
            "%(count)d participant of an approval", "%(count)d participants of approvals", n
        )
    }
    description = gettext_lazy(  # type: ignore[assignment]
        "Participants of approvals lose their name and e-mail address; their organisation, "
        "approval and amendments stay with the protocol."
    )

    def erase_expired(self, days, now, dry_run=False):
        if days is None:
            return {}
        before = now - datetime.timedelta(days=days)
        rows = Participant.objects.filter(task_state__deadline__lt=before).exclude(
            email="", name=""
        )
        count = rows.count() if dry_run else _anonymise(rows)
        return {"approval_participants_anonymised": count}

    def of_person(self, email):
        email = (email or "").strip()
        if not email:
            return {KIND: Participant.objects.none()}
        return {KIND: Participant.objects.filter(email__iexact=email)}

    def erase(self, kind, rows):
        return _anonymise(rows)
