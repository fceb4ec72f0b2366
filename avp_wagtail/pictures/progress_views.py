"""Progress over time on the plan page and the action page: lazy objects in the page's
context that read the history only when a template draws them, so a cached fragment
(``core.fragments``) costs no query (``avp_page_context`` hook, see ``routes.py``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import cached_property

from avp_wagtail.models import ActionItemPage, ActionPlanPage
from avp_wagtail.pictures.progress import PlanProgress, build_plan_progress
from avp_wagtail.pictures.progress_history import load_histories, merge_history
from avp_wagtail.pictures.progress_item import ItemProgress, build_item_progress


class PlanProgressPicture:
    """The plan's progress month by month, from the items of its theme groups (the ones
    the page loaded for the visitor): two queries for their history, when drawn."""

    def __init__(self, plan: Any, theme_groups: list[Any]) -> None:
        self.plan = plan
        self.theme_groups = theme_groups

    @cached_property
    def chart(self) -> PlanProgress | None:
        items = [item for group in self.theme_groups for item in group.items]
        if not items:
            return None
        return build_plan_progress(self.plan, items, load_histories(items))


class ItemProgressPicture:
    """The action's progress steps, from what the action page already has in its context
    (its progress updates, its public change history: read once for the page's own
    sections too); from the database otherwise."""

    def __init__(self, item: Any, updates: Any = None, changes: Any = None) -> None:
        self.item = item
        self.updates = updates
        self.changes = changes

    @cached_property
    def chart(self) -> ItemProgress | None:
        item = self.item
        if self.updates is None or self.changes is None:
            if item.pk is None:
                return None
            history = load_histories([item])[item.pk]
        else:
            history = merge_history(
                list(self.updates),
                list(self.changes),
                item.progress,
                item.first_published_at,
            )
        return build_item_progress(item, history)


def add_progress_context(page: Any, request: HttpRequest, context: dict[str, Any]) -> None:
    """``avp_plan_progress`` on a plan page whose items were loaded (its "overview"
    fragment is being drawn); ``avp_item_progress`` on an action page. Nothing is read
    until a template asks."""
    if isinstance(page, ActionPlanPage) and "theme_groups" in context:
        context["avp_plan_progress"] = PlanProgressPicture(page, context["theme_groups"])
    elif isinstance(page, ActionItemPage):
        context["avp_item_progress"] = ItemProgressPicture(
            page, context.get("progress_updates"), context.get("changes")
        )
