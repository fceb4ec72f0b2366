"""The tracker's personal data (``avp_personal_data``, see avp_wagtail.privacy.retention).

A contact keeps what the municipality needs to count (kind, channel, dates, answer, the
organisation snippet); what identifies a person is erased: the typed name and e-mail
address, the link to a contact person, who referred them, who contacted them (free text)
and the notes. The contact then shows as "(erased)".

- Past ``RETENTION_DAYS["outreach_contacts"]`` (default: 3 years), counted from the
  contact's last change, a contact is anonymised as above.
- One person's erasure (admin, by e-mail address): contacts with that address (typed, or
  the contact person's) are anonymised, and the contacts they referred through the
  interest form forget their name.
- An expression of interest deleted (erasure, retention, its call deleted) makes the
  contacts it referred forget who referred them (``referrals.on_interest_deleted``).
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy, ngettext

from avp_wagtail.outreach.models import OutreachContact
from avp_wagtail.privacy.retention import PersonalData

CONTACTS = "outreach_contacts"
REFERRALS = "outreach_referrals"
DEFAULT_DAYS = 3 * 365

ERASED = {
    "name": "",
    "email": "",
    "person": None,
    "referred_by_text": "",
    "contacted_by_text": "",
    "notes": "",
    "anonymised": True,
}


def anonymise(contacts) -> int:
    return contacts.update(**ERASED)


class OutreachData(PersonalData):
    kind = CONTACTS
    default_days = DEFAULT_DAYS  # type: ignore[assignment]
    labels = {"outreach_contacts_anonymised": ("outreach contact(s)", "anonymised")}
    page_lookups = {CONTACTS: "programme", REFERRALS: "programme"}
    count_texts = {
        CONTACTS: lambda n: ngettext(
            "%(count)d outreach contact", "%(count)d outreach contacts", n
        ),
        REFERRALS: lambda n: ngettext(
            "%(count)d contact referred by them", "%(count)d contacts referred by them", n
        ),
    }
    description = gettext_lazy(  # type: ignore[assignment]
        "Outreach contacts keep their counts but lose names, e-mail addresses and notes; "
        "contacts they referred forget who referred them."
    )

    def erase_expired(self, days, now, dry_run=False):
        if days is None:
            return {}
        rows = OutreachContact.objects.filter(
            updated_at__lt=now - datetime.timedelta(days=days), anonymised=False
        )
        count = rows.count() if dry_run else anonymise(rows)
        return {"outreach_contacts_anonymised": count}

    def of_person(self, email):
        email = (email or "").strip()
        if not email:
            none = OutreachContact.objects.none()
            return {CONTACTS: none, REFERRALS: none}
        return {
            CONTACTS: OutreachContact.objects.filter(
                Q(email__iexact=email) | Q(person__email__iexact=email)
            ),
            REFERRALS: OutreachContact.objects.filter(
                referral_submission__email__iexact=email
            ).exclude(referred_by_text=""),
        }

    def erase(self, kind, rows):
        if kind == REFERRALS:
            return rows.update(referred_by_text="")
        return anonymise(rows)
