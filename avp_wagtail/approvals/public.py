"""What the published page says about its approval (``avp_page_context``): "approved by N
of M participants on <date>" and the declined amendments with the reasons (D3). Nothing
for a page that never went through an approval by participants."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from wagtail.models import TaskState

from avp_wagtail.approvals.models import (
    Amendment,
    AmendmentState,
    Participant,
    ParticipantApprovalTaskState,
)
from avp_wagtail.approvals.parts import supports

CONTEXT_NAME = "avp_approval"
NOTE_TIMEOUT = 60 * 60
_MISSING = object()


@dataclass
class ApprovalNote:
    approved: int
    total: int
    date: Any
    approvers: list[str] = field(default_factory=list)
    declined: list[Amendment] = field(default_factory=list)
    # The page was published again after the round ended (edited outside the approval).
    changed_since: bool = False


def latest_approval(page: Any) -> ParticipantApprovalTaskState | None:
    """The page's latest approved round that was sent to participants."""
    if not getattr(page, "pk", None):
        return None
    return (
        ParticipantApprovalTaskState.objects.filter(
            page_id=page.pk, status=TaskState.STATUS_APPROVED, sent_at__isnull=False
        )
        # Wagtail copies approved task states onto a later revision (without participants).
        .filter(participants__isnull=False)
        .distinct()
        .order_by("-finished_at", "-pk")
        .first()
    )


def approval_note(page: Any) -> ApprovalNote | None:
    state = latest_approval(page)
    if state is None:
        return None
    participants = list(Participant.objects.filter(task_state=state).select_related("person"))
    if not participants:
        return None
    declined = list(
        Amendment.objects.filter(participant__task_state=state, state=AmendmentState.DECLINED)
        .select_related("participant__person")
        .order_by("created_at", "pk")
    )
    live = getattr(page, "live_revision", None)
    changed_since = bool(
        live is not None and state.finished_at and live.created_at > state.finished_at
    )
    return ApprovalNote(
        changed_since=changed_since,
        approved=sum(1 for p in participants if p.approved_at),
        total=len(participants),
        date=state.finished_at,
        approvers=sorted(
            {p.public_label for p in participants if p.approved_at and p.public_label}
        ),
        declined=declined,
    )


def cached_approval_note(page: Any) -> ApprovalNote | None:
    """``approval_note``, kept in the cache until the page is published again (a round is
    approved before the page is published, so its note changes only with a publication):
    a page served from the cache costs no query for it."""
    if not getattr(page, "pk", None) or getattr(page, "last_published_at", None) is None:
        return approval_note(page)
    key = f"avp:approval-note:{page.pk}:{page.last_published_at.isoformat()}"
    found = cache.get(key, _MISSING)
    if found is _MISSING:
        found = approval_note(page)
        cache.set(key, found, NOTE_TIMEOUT)
    return found


def add_approval_context(page: Any, request: HttpRequest, context: dict[str, Any]) -> None:
    if supports(page):
        context[CONTEXT_NAME] = cached_approval_note(page)
