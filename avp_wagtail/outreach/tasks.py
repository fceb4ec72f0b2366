"""The invitation e-mail of the outreach tracker, sent as a background task
(``avp_wagtail.core.tasks``): one e-mail to one contact, in the contact's language, with
the call to participate in that language where it is translated. The request enqueues
only the invitation's id; the task logs the outcome on the invitation."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Locale

from avp_wagtail.core.emails import TASK_ATTEMPTS, EmailNotSent, send_templated
from avp_wagtail.core.sites import full_url, municipality_name, site_of
from avp_wagtail.outreach.choices import Channel, InvitationState
from avp_wagtail.outreach.models import OutreachInvitation

logger = logging.getLogger(__name__)

SUBJECT = "avp_wagtail/outreach/emails/invitation_subject.txt"
BODY = "avp_wagtail/outreach/emails/invitation_body.txt"


def call_in_language(call, language):
    """The call's translation into ``language`` when it exists and is live, else the call."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is not None and locale.pk != call.locale_id:
        translated = call.get_translation_or_none(locale)
        if translated is not None and translated.live:
            return translated.specific
    return call


def invitation_context(invitation):
    contact = invitation.contact
    call = call_in_language(invitation.call.specific, invitation.language)
    return {
        "contact": contact,
        "name": contact.person.name if contact.person_id else contact.display_name,
        "call": call,
        "call_url": full_url(call),
        "municipality": municipality_name(site_of(call)),
    }


@task()
def send_outreach_invitation(invitation_id: int) -> int:
    """E-mail invitation ``invitation_id`` to its contact alone. Returns 0 or 1."""
    invitation = (
        OutreachInvitation.objects.select_related(
            "contact__organisation", "contact__person", "contact__referred_by", "call"
        )
        .filter(pk=invitation_id, state=InvitationState.QUEUED)
        .first()
    )
    if invitation is None:  # erased meanwhile, or already sent
        logger.info("Invitation %s is gone or not queued; nothing e-mailed.", invitation_id)
        return 0
    contact = invitation.contact
    address = contact.contact_email
    if not address:
        OutreachInvitation.objects.filter(pk=invitation.pk).update(state=InvitationState.FAILED)
        logger.info("Contact %s has no e-mail address; invitation not sent.", contact.pk)
        return 0
    try:
        with translation.override(invitation.language):
            sent = send_templated(
                SUBJECT,
                BODY,
                invitation_context(invitation),
                [address],
                headers={"Content-Language": invitation.language},
                language=invitation.language,
                attempts=TASK_ATTEMPTS,
                what=f"outreach invitation {invitation.pk}",
            )
    except EmailNotSent:
        OutreachInvitation.objects.filter(pk=invitation.pk).update(state=InvitationState.FAILED)
        raise
    now = timezone.now()
    with transaction.atomic():
        OutreachInvitation.objects.filter(pk=invitation.pk).update(
            state=InvitationState.SENT, sent_at=now
        )
        # The contact now counts as invited by e-mail, unless it was recorded otherwise.
        changed = []
        if not contact.channel:
            contact.channel = Channel.EMAIL
            changed.append("channel")
        if contact.contacted_on is None:
            contact.contacted_on = timezone.localdate(now)
            changed.append("contacted_on")
        if contact.contacted_by_id is None and not contact.contacted_by_text:
            contact.contacted_by_id = invitation.sent_by_id
            changed.append("contacted_by")
        if changed:
            contact.save(update_fields=[*changed, "updated_at"])
    return sent
