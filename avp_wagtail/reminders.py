"""E-mail reminders to the contact person of each action item that needs attention (I1)."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .attention import items_needing_attention
from .conf import get_setting

logger = logging.getLogger(__name__)


@dataclass
class Reminder:
    attention: object
    kinds: list
    recipient: str


def current_period(today=None):
    today = today or timezone.localdate()
    return today.toordinal() // get_setting("REMINDER_PERIOD_DAYS")


def due_reminders(today=None):
    """Reminders not yet sent in the current period, one per item with a contact e-mail."""
    from .models import ReminderLog

    period = current_period(today)
    attention = items_needing_attention(today=today)
    sent = set(
        ReminderLog.objects.filter(
            period=period, page_id__in=[entry.item.pk for entry in attention]
        ).values_list("page_id", "kind")
    )
    reminders = []
    for entry in attention:
        person = entry.item.contact_person
        if person is None or not person.email:
            continue
        kinds = []
        if entry.overdue:
            kinds.append(ReminderLog.Kind.OVERDUE)
        if entry.stale:
            kinds.append(ReminderLog.Kind.STALE)
        kinds = [kind for kind in kinds if (entry.item.pk, kind) not in sent]
        if kinds:
            reminders.append(Reminder(entry, kinds, person.email))
    return reminders


def send_reminder(reminder, period, base_url=None):
    """Send one reminder and record it; False if another run recorded it meanwhile."""
    from .models import ReminderLog

    item = reminder.attention.item
    with transaction.atomic():
        try:
            for kind in reminder.kinds:
                ReminderLog.objects.create(
                    page=item, kind=kind, period=period, recipient=reminder.recipient
                )
        except IntegrityError:
            return False
        base = (base_url or getattr(settings, "WAGTAILADMIN_BASE_URL", "")).rstrip("/")
        context = {
            "item": item,
            "attention": reminder.attention,
            "kinds": reminder.kinds,
            "stale_days": get_setting("STALE_AFTER_DAYS"),
            "edit_url": f"{base}/admin/pages/{item.pk}/edit/",
            "page_url": item.get_full_url(),
        }
        with translation.override(item.locale.language_code):
            subject = render_to_string("avp_wagtail/emails/reminder_subject.txt", context)
            body = render_to_string("avp_wagtail/emails/reminder_body.txt", context)
        EmailMessage(
            " ".join(subject.split()),
            body,
            get_setting("FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL,
            [reminder.recipient],
        ).send()
    return True
