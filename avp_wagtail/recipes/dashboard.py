"""The recipes' part of the admin home page's "needs attention" panel
(``avp_dashboard_parts``): each of the editor's programmes with how much of its checklist
is met and its first unmet item, and a link to start a programme."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from wagtail.admin.ui.components import Component

from avp_wagtail.recipes import checklist
from avp_wagtail.recipes.conf import recipe_setting
from avp_wagtail.recipes.views import programmes_in_language


class ChecklistPart(Component):
    template_name = "avp_wagtail/recipes/admin/dashboard_part.html"

    def __init__(self, rows: list[Any], more: int):
        self.rows = rows
        self.more = more

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "more": self.more,
            "checklists_url": reverse("avp_recipes:checklists"),
            "start_url": reverse("avp_recipes:start"),
        }


def programme_checklists(request: Any) -> ChecklistPart | None:
    """``avp_dashboard_parts`` hook: for editors of at least one programme."""
    programmes = programmes_in_language(request.user)
    if not programmes:
        return None
    shown = recipe_setting("RECIPES_DASHBOARD_PROGRAMMES")
    rows = []
    for programme in programmes[:shown]:
        phases = checklist.build(programme, request)
        met, total = checklist.totals(phases)
        unmet = next((item for phase in phases for item in phase.items if not item.met), None)
        rows.append(
            {
                "programme": programme,
                "met": met,
                "total": total,
                "url": checklist.checklist_url(programme),
                "next": unmet,
            }
        )
    return ChecklistPart(rows, max(len(programmes) - shown, 0))
