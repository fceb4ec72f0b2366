"""E-mail reminders to the contact person of each action item that needs attention (I1),
including the overdue decisions of meetings about the action (D3)."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from avp_wagtail.conf import get_setting
from avp_wagtail.core.emails import send_templated
from avp_wagtail.models import ReminderLog
from avp_wagtail.models.decision_reminders import DecisionReminderLog
from avp_wagtail.tracking.attention import ItemAttention, items_needing_attention
from avp_wagtail.tracking.decisions import overdue_decisions

logger = logging.getLogger(__name__)


# The kind a reminder names for overdue decisions of meetings about the action (logged per
# decision in ``DecisionReminderLog``, not in ``ReminderLog``).
DECISIONS = "decisions"


@dataclass
class Reminder:
    attention: ItemAttention
    kinds: list[str]
    recipient: str
    # Overdue decisions of meetings about the action (D3) not yet reminded of this period.
    decisions: list[Any] = field(default_factory=list)


def current_period(today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    return today.toordinal() // get_setting("REMINDER_PERIOD_DAYS")


def due_reminders(today: datetime.date | None = None) -> list[Reminder]:
    """Reminders not yet sent in the current period, one per item with a contact e-mail:
    about the item (behind schedule, stale) and the overdue decisions of meetings that
    concern it."""
    period = current_period(today)
    attention = items_needing_attention(today=today)
    decisions = _decisions_by_item(period, today)
    known = {entry.item.pk for entry in attention}
    for item_decisions in decisions.values():
        item = item_decisions[0].action_item
        if item.pk not in known and item.live:
            attention.append(ItemAttention(item))
            known.add(item.pk)
    sent = set(
        ReminderLog.objects.filter(
            period=period, page_id__in=[entry.item.pk for entry in attention]
        ).values_list("page_id", "kind")
    )
    reminders: list[Reminder] = []
    for entry in attention:
        person = entry.item.contact_person
        if person is None or not person.email:
            continue
        kinds: list[str] = []
        if entry.overdue:
            kinds.append(ReminderLog.Kind.OVERDUE)
        if entry.stale:
            kinds.append(ReminderLog.Kind.STALE)
        kinds = [kind for kind in kinds if (entry.item.pk, kind) not in sent]
        overdue_decisions = decisions.get(entry.item.pk, [])
        if overdue_decisions:
            kinds.append(DECISIONS)
        if kinds:
            reminders.append(Reminder(entry, kinds, person.email, overdue_decisions))
    return reminders


def _decisions_by_item(period: int, today: datetime.date | None) -> dict[Any, list[Any]]:
    """Overdue decisions linked to an action, not yet reminded of in ``period``, by action."""
    decisions = overdue_decisions(today=today).filter(action_item__isnull=False)
    decisions = decisions.exclude(
        pk__in=DecisionReminderLog.objects.filter(period=period).values("decision_id")
    )
    by_item: dict[Any, list[Any]] = {}
    for decision in decisions:
        by_item.setdefault(decision.action_item_id, []).append(decision)
    return by_item


def _admin_base_url(item: Any, base_url: str | None) -> str:
    """Where the admin is: ``base_url``, else ``WAGTAILADMIN_BASE_URL``, else (the setting
    unset or None, as Wagtail allows) the root URL of the item's own Site, so the e-mail's
    edit link is absolute and never reads "None/admin/..."."""
    base = base_url or getattr(settings, "WAGTAILADMIN_BASE_URL", None)
    if not base:
        site = item.get_site()
        base = site.root_url if site is not None else ""
    return str(base).rstrip("/")


def send_reminder(reminder: Reminder, period: int, base_url: str | None = None) -> bool:
    """Send one reminder and record it; False if another run recorded it meanwhile."""
    item = reminder.attention.item
    with transaction.atomic():
        try:
            for kind in reminder.kinds:
                if kind == DECISIONS:
                    continue
                ReminderLog.objects.create(
                    page=item, kind=kind, period=period, recipient=reminder.recipient
                )
            for decision in reminder.decisions:
                DecisionReminderLog.objects.create(
                    decision=decision, period=period, recipient=reminder.recipient
                )
        except IntegrityError:
            return False
        base = _admin_base_url(item, base_url)
        context = {
            "item": item,
            "attention": reminder.attention,
            "kinds": reminder.kinds,
            "decisions": reminder.decisions,
            "stale_days": get_setting("STALE_AFTER_DAYS"),
            "edit_url": f"{base}{reverse('wagtailadmin_pages:edit', args=[item.pk])}",
            "page_url": item.get_full_url(),
        }
        send_templated(
            "avp_wagtail/emails/reminder_subject.txt",
            "avp_wagtail/emails/reminder_body.txt",
            context,
            [reminder.recipient],
            language=item.locale.language_code,
        )
    return True
