"""One definition of every schedule fact, used by every page, block, report and export.

- *delayed*: the editor (or the latest progress update that sets a status) set the
  status "Delayed".
- *overdue*: a date has passed: the planned end, or a milestone's due date without a
  completion date, and the action is neither completed nor cancelled.
- *behind schedule*: delayed or overdue; never a completed or cancelled action.
- *cancelled*: contributes nothing: not to progress (the plan's, a theme's) and not to the
  counts by status. Listings name cancelled actions separately, "cancelled, not counted".

Progress arithmetic for plans is computed from already-fetched items (no extra queries;
prefetch ``milestones`` for ``is_overdue``).

Items, milestones and updates are model instances (``ActionItemPage``, ``Milestone``,
``ProgressUpdate``); the core does not import the models, so they are typed ``Any``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.functional import Promise

from avp_wagtail.core.choices import ItemStatus

# Statuses of an action that is over: never overdue, delayed or behind schedule.
FINISHED_STATUSES = (ItemStatus.COMPLETED, ItemStatus.CANCELLED)


def is_cancelled(item: Any) -> bool:
    return item.status == ItemStatus.CANCELLED


def is_finished(item: Any) -> bool:
    return item.status in FINISHED_STATUSES


def is_delayed(item: Any) -> bool:
    """The status says "Delayed"."""
    return item.status == ItemStatus.DELAYED


def milestone_is_overdue(milestone: Any, today: datetime.date | None = None) -> bool:
    """Due before today and not reached."""
    today = today or timezone.localdate()
    return bool(milestone.due_date and not milestone.completed_date and milestone.due_date < today)


def overdue_milestones(item: Any, today: datetime.date | None = None) -> list[Any]:
    """The item's overdue milestones (none for a completed or cancelled action)."""
    if is_finished(item):
        return []
    return [m for m in item.milestones.all() if milestone_is_overdue(m, today)]


def is_overdue(item: Any, today: datetime.date | None = None) -> bool:
    """Past its planned end, or with an overdue milestone, and neither completed nor
    cancelled. Uses prefetched milestones when the listing prefetched them."""
    if is_finished(item):
        return False
    today = today or timezone.localdate()
    if item.planned_end and item.planned_end < today:
        return True
    return bool(overdue_milestones(item, today))


def is_behind_schedule(item: Any, today: datetime.date | None = None) -> bool:
    """Delayed or overdue; never a completed or cancelled action."""
    if is_finished(item):
        return False
    return is_delayed(item) or is_overdue(item, today)


def counted_progress(item: Any) -> int | None:
    """The item's progress as it counts (0-100), None for a cancelled item (not counted)."""
    return None if is_cancelled(item) else item.progress


def latest_first(updates: Iterable[Any]) -> list[Any]:
    """Progress updates, the latest first: by date, then by their order on the page."""

    def key(pair: tuple[int, Any]) -> tuple[datetime.date, int, int]:
        index, update = pair
        order = update.sort_order if update.sort_order is not None else index
        return (update.date or datetime.date.min, order, index)

    return [update for _index, update in sorted(enumerate(updates), key=key, reverse=True)]


def facts_from_updates(updates: Iterable[Any]) -> FactsFromUpdates:
    """(status, progress) that progress updates set: each from the latest update (by date,
    then order) that sets it; None where no update sets it. The item follows them: see
    ``ActionItemPage.follow_progress_updates``."""
    status = value = None
    status_update = progress_update = None
    for update in latest_first(updates):
        if status is None and update.status:
            status, status_update = update.status, update
        if value is None and update.progress is not None:
            value, progress_update = update.progress, update
        if status is not None and value is not None:
            break
    return FactsFromUpdates(status, value, status_update, progress_update)


@dataclass
class FactsFromUpdates:
    status: str | None
    progress: int | None
    status_update: object = None
    progress_update: object = None

    def __iter__(self) -> Iterator[Any]:
        return iter((self.status, self.progress))


def mean_progress(items: Iterable[Any]) -> int | None:
    """Weighted mean progress (0-100, rounded) of the items that are not cancelled; None if
    none count. Each item counts with its ``weight`` (1 unless the editor set another)."""
    counted = [item for item in items if not is_cancelled(item)]
    total_weight = sum(getattr(item, "weight", 1) or 1 for item in counted)
    if not total_weight:
        return None
    weighted = sum(item.progress * (getattr(item, "weight", 1) or 1) for item in counted)
    # Half up, as a reader rounds (72.5 -> 73); Python's round() would give the even 72.
    return (2 * weighted + total_weight) // (2 * total_weight)


@dataclass
class ThemeGroup:
    """One theme with its items, for the plan page's grouped listing."""

    theme: Any
    items: list[Any] = field(default_factory=list)

    @property
    def progress(self) -> int | None:
        return mean_progress(self.items)

    @classmethod
    def group(cls, themes: Iterable[Any], items: Iterable[Any]) -> list[ThemeGroup]:
        """Group items under their themes (in theme order); items without a theme go last."""
        groups = {theme.pk: cls(theme) for theme in themes}
        unthemed = cls(None)
        for item in items:
            groups.get(item.theme_id, unthemed).items.append(item)
        result = list(groups.values())
        if unthemed.items:
            result.append(unthemed)
        return result


@dataclass
class PlanSummary:
    """The plan at a glance, from already-fetched items (milestones prefetched)."""

    items: list[Any]

    @property
    def status_counts(self) -> list[tuple[str, str | Promise, int]]:
        """(value, label, count) for every status that has counted items, in the statuses'
        order. Cancelled items are not counted: see ``cancelled``."""
        counts: dict[str, int] = {}
        for item in self.items:
            if not is_cancelled(item):
                counts[item.status] = counts.get(item.status, 0) + 1
        return [
            (value, label, counts[value]) for value, label in ItemStatus.choices if value in counts
        ]

    @property
    def cancelled(self) -> list[Any]:
        """Cancelled items, listed apart: they count neither in progress nor by status."""
        return [item for item in self.items if is_cancelled(item)]

    @property
    def overdue(self) -> list[Any]:
        return [item for item in self.items if is_overdue(item)]

    @property
    def behind_schedule(self) -> list[Any]:
        """Delayed or overdue items (``is_behind_schedule``)."""
        return [item for item in self.items if is_behind_schedule(item)]

    @property
    def quick_wins(self) -> list[Any]:
        return [item for item in self.items if item.is_quick_win]
