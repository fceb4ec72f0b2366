"""An action's progress history: step values over time from its progress updates and
its change history (plain data; ``load_histories`` reads any number of actions in two
queries).

**Where an action's history comes from, and how the two sources merge.**

- *Progress updates that set progress* are dated reports (``ProgressUpdate.date``; an
  editor may backdate one). The action follows the latest of them (by date, then order:
  ``core.progress.latest_first``), so from the date of the first one on, **the updates
  decide**: the value on a day is the progress of the latest update dated on or before it.
  A backdated report moves the step to the day it reports; a corrected one changes the
  step; two on one day: the later in the page's order counts.
- *Progress changes of the change history* (``ItemChange``, field "progress") are what was
  published when (``changed_at``'s local date, ``new_value``). Before the first update's
  date (or with no update that sets progress: progress set by an editor, a CSV import or
  a borrowed action) **the published changes decide**. Changes on or after the first
  update's date are the updates' own effects, published later; they are left out.
- *Before its first publication* (``first_published_at``) an action counts 0: a later
  change never rewrites the months before it existed.
- *From its first publication* to the first event it has the value it was published
  with: the first change's ``old_value``, or, with no event at all (set when it was
  published, never changed since), its progress now. An action never published (a
  preview) has that value throughout.

**The plan's monthly progress.** At the end of every month from the plan's adoption date
(its start date when empty) up to today (never past the plan's end), the weighted mean of
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from avp_wagtail.core.progress import latest_first

SOURCE_UPDATE = "update"
SOURCE_CHANGE = "change"
SOURCE_PUBLISHED = "published"


@dataclass(frozen=True)
class Step:
    """From ``date`` on the action's progress was ``value``: what set it (``source``:
    "update", "change" or "published") and, for an update, the update."""

    date: datetime.date
    value: int
    source: str
    update: Any = None


@dataclass
class ItemHistory:
    """An action's progress as steps over time (oldest first, each a new value)."""

    initial: int = 0
    steps: list[Step] = field(default_factory=list)

    def value_at(self, day: datetime.date) -> int:
        """The progress at the end of ``day``."""
        value = self.initial
        for step in self.steps:
            if step.date > day:
                break
            value = step.value
        return value

    @property
    def has_events(self) -> bool:
        return bool(self.steps)


def _percent(text: str) -> int | None:
    """A recorded progress value ("40"), None if it is not one."""
    try:
        value = int(str(text).strip())
    except (TypeError, ValueError):
        return None
    return min(max(value, 0), 100)


def _local_date(moment: datetime.datetime | datetime.date) -> datetime.date:
    if isinstance(moment, datetime.datetime):
        return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()
    return moment


def merge_history(
    updates: Iterable[Any],
    changes: Iterable[Any],
    current: int | None = None,
    first_published: datetime.datetime | None = None,
) -> ItemHistory:
    """The history of one action from its progress updates and its change history rows
    (others than those that set progress, or of other fields, are ignored); ``current``
    and ``first_published``: the action's progress and first publication, for an action
    with neither (see the module's docstring for the rules)."""
    dated = list(reversed(latest_first(u for u in updates if u.progress is not None)))
    dated = [u for u in dated if u.date is not None]
    recorded = [
        change
        for change in changes
        if change.field == "progress" and _percent(change.new_value) is not None
    ]
    recorded.sort(key=lambda change: (change.changed_at, change.pk or 0))
    first_update = dated[0].date if dated else None
    events: list[Step] = [
        Step(_local_date(change.changed_at), _percent(change.new_value) or 0, SOURCE_CHANGE)
        for change in recorded
        if first_update is None or _local_date(change.changed_at) < first_update
    ]
    events += [Step(u.date, min(max(int(u.progress), 0), 100), SOURCE_UPDATE, u) for u in dated]
    # The value it was published with: what the first recorded change changed, or, with
    # no event at all, its progress now.
    start = _percent(recorded[0].old_value) if recorded else None
    if start is None and not events:
        start = current or 0
    if first_published is None:  # never published (a preview): that value throughout
        initial = start or 0
    else:  # nothing before its first publication, then the value it was published with
        initial = 0
        published = _local_date(first_published)
        if start and (not events or published <= events[0].date):
            events.insert(0, Step(published, start, SOURCE_PUBLISHED))
    # Changes (all before the first update) then updates are in date order already; on
    # one day the last event counts, and only a new value makes a step.
    steps: list[Step] = []
    for event in events:
        if steps and steps[-1].date == event.date:
            steps.pop()
        previous = steps[-1].value if steps else initial
        if event.value != previous:
            steps.append(event)
    return ItemHistory(initial, steps)


def load_histories(items: Iterable[Any]) -> dict[Any, ItemHistory]:
    """{item pk: its history} for any number of actions in two queries: their updates that
    set progress, their progress changes."""
    from avp_wagtail.models import ItemChange, ProgressUpdate

    items = list(items)
    ids = [item.pk for item in items if item.pk is not None]
    updates: dict[Any, list[Any]] = {pk: [] for pk in ids}
    changes: dict[Any, list[Any]] = {pk: [] for pk in ids}
    if ids:
        for update in ProgressUpdate.objects.filter(page_id__in=ids, progress__isnull=False).only(
            "pk", "page_id", "date", "sort_order", "progress", "title"
        ):
            updates[update.page_id].append(update)
        for change in ItemChange.objects.filter(page_id__in=ids, field="progress").only(
            "pk", "page_id", "field", "old_value", "new_value", "changed_at"
        ):
            changes[change.page_id].append(change)
    return {
        item.pk: merge_history(
            updates.get(item.pk, []),
            changes.get(item.pk, []),
            item.progress,
            item.first_published_at,
        )
        for item in items
    }
