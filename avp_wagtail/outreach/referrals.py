"""C2, "ask the NGOs you know who else might be interested": the interest form's optional
"Who else should we ask?" lands in the tracker. When an expression of interest with that
field filled is stored, each line (or each name separated by ";") becomes a contact of the
call's programme to follow up: "referred by" the sender's organisation (else name),
answer "not yet". Connected in ``AvpOutreachConfig.ready`` (the core knows nothing of it).

What a resident typed is hostile until shown otherwise: control characters are dropped,
each name is cut to the field's length, at most ``MAX_REFERRALS`` contacts come from one
expression of interest, an e-mail address is kept only when valid, and a formula stays
text (exports escape it)."""

from __future__ import annotations

import logging
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from avp_wagtail.core.cleaning import strip_control
from avp_wagtail.core.emails import validate_deliverable_email
from avp_wagtail.models import OpenGovernmentPage
from avp_wagtail.outreach.choices import Answer, ContactKind, InvitationLanguage
from avp_wagtail.outreach.models import OutreachContact

logger = logging.getLogger(__name__)

MAX_REFERRALS = 20
NAME_LENGTH = 255
_SPLIT = re.compile(r"[\n\r;]+")
_EMAIL = re.compile(r"[^\s<>(),;]+@[^\s<>(),;]+")
_LANGUAGES = set(InvitationLanguage.values)


def parse_referrals(text: str) -> list[tuple[str, str]]:
    """``(name, e-mail)`` for each name given, without duplicates; e-mail "" if none valid."""
    found, seen = [], set()
    for part in _SPLIT.split(strip_control(text or "")):
        part = " ".join(part.split())
        if not part:
            continue
        email = ""
        match = _EMAIL.search(part)
        if match:
            candidate = match.group(0).strip(".")
            try:
                validate_email(candidate)
                validate_deliverable_email(candidate)
            except ValidationError:
                pass
            else:
                email = candidate
                part = " ".join((part[: match.start()] + part[match.end() :]).split())
                part = part.strip(" -–—:,<>()")
        name = part[:NAME_LENGTH] or email
        key = (name.casefold(), email.casefold())
        if not name or key in seen:
            continue
        seen.add(key)
        found.append((name, email[:254]))
        if len(found) >= MAX_REFERRALS:
            break
    return found


def referrer(submission) -> str:
    return (strip_control(submission.organisation or submission.name) or "")[:NAME_LENGTH]


def create_referrals(submission) -> list[OutreachContact]:
    """The tracker's contacts for ``submission``'s "Who else should we ask?"."""
    names = parse_referrals(submission.referrals)
    if not names:
        return []
    programme = OpenGovernmentPage.objects.parent_of(submission.call).first()
    if programme is None:
        logger.warning("Call %s is not under a programme; referrals not kept.", submission.call_id)
        return []
    language = (submission.language or "")[:2]
    if language not in _LANGUAGES:
        language = InvitationLanguage.ET
    return OutreachContact.objects.bulk_create(
        [
            OutreachContact(
                programme=programme,
                kind=ContactKind.ORGANISATION,
                name=name,
                email=email,
                referred_by_text=referrer(submission),
                referral_submission=submission,
                source=OutreachContact.Source.REFERRAL,
                answer=Answer.NOT_YET,
                language=language,
            )
            for name, email in names
        ]
    )


def on_interest_saved(sender, instance, created, raw=False, **kwargs):
    """``post_save`` of ``InterestSubmission``: new ones with referrals fill the tracker."""
    if created and not raw and instance.referrals:
        create_referrals(instance)


def on_interest_deleted(sender, instance, **kwargs):
    """``pre_delete`` of ``InterestSubmission`` (erasure, retention, the call deleted): the
    referrals it made forget who made them (the sender's name is their personal data)."""
    OutreachContact.objects.filter(referral_submission=instance).update(referred_by_text="")
