"""The checklist on the programme page's editor: a read-only panel (no form fields) that
the app appends to ``OpenGovernmentPage.content_panels`` when it is ready
(``apps.AvpRecipesConfig.ready``), so the page type's module needs no change and the
panel disappears with the app."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from avp_wagtail.recipes import checklist
from avp_wagtail.recipes.permissions import can_use_checklist


class ChecklistPanel(Panel):
    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("heading", _("Recipes checklist"))
        kwargs.setdefault("icon", "tasks")
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "avp_wagtail/recipes/admin/checklist_panel.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            page = self.instance
            request = self.request
            context["saved"] = page is not None and page.pk is not None
            if not context["saved"] or request is None:
                return context
            page = page.specific
            if not can_use_checklist(request.user, page):
                context["saved"] = False
                return context
            phases = checklist.build(page, request)
            met, total = checklist.totals(phases)
            context.update(
                phases=phases,
                met=met,
                total=total,
                checklist_url=checklist.checklist_url(page),
            )
            return context


def add_checklist_panel(page_class: Any) -> None:
    """Append the panel to ``page_class``'s content panels, once; the edit handler is
    built again on its next use."""
    if any(isinstance(panel, ChecklistPanel) for panel in page_class.content_panels):
        return
    page_class.content_panels = [*page_class.content_panels, ChecklistPanel()]
    # Wagtail's admin app attaches (and caches) get_edit_handler in its own ready().
    get_edit_handler = getattr(page_class, "get_edit_handler", None)
    if get_edit_handler is not None:
        get_edit_handler.cache_clear()
