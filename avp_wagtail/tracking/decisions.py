"""Overdue decisions of meetings, for officials: the admin dashboard and the reminders (D3,
I1).

A decision (an agenda point, ``AgendaItem``) is overdue while it is open and its deadline
has passed (``AgendaItem.is_overdue_on``; never stored). Lists for officials show each
decision once: the version in the default language (translations share the follow-up), of
meetings that are live.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Locale
from wagtail.query import PageQuerySet

from avp_wagtail.models import AgendaItem, MeetingProtocolPage
from avp_wagtail.models.agenda_items import DecisionState


def overdue_decisions(
    meetings: PageQuerySet | None = None, today: datetime.date | None = None
) -> QuerySet[Any]:
    """Open decisions with their deadline passed, oldest deadline first.

    ``meetings`` narrows the meetings (e.g. to the pages an editor works on); by default
    the live meetings in the default language."""
    today = today or timezone.localdate()
    if meetings is None:
        meetings = MeetingProtocolPage.objects.filter(locale=Locale.get_default())
    return (
        AgendaItem.objects.filter(
            page__in=meetings.live().values("pk"),
            decision_state=DecisionState.OPEN,
            deadline__lt=today,
        )
        .select_related("page", "action_item__contact_person", "action_item__locale")
        .order_by("deadline", "page__start", "sort_order", "pk")
    )
