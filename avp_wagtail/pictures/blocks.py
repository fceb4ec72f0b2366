"""The plan timeline as a StreamField block a host site can put on any of its pages (a
home page, a news article): the same picture as on the plan page, with its table, its
downloads and a link to the plan.

    from avp_wagtail.blocks import AVP_BLOCKS
    from avp_wagtail.pictures.blocks import PICTURE_BLOCKS
    body = StreamField([..., *AVP_BLOCKS, *PICTURE_BLOCKS])

(Kept apart from ``AVP_BLOCKS``, so that a site using those gets no new migration.)
"""

from __future__ import annotations

import uuid
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from avp_wagtail.core.progress import ThemeGroup
from avp_wagtail.core.visibility import in_language_of, is_visible
from avp_wagtail.models import ActionPlanPage
from avp_wagtail.pictures.views import PlanTimeline


class PlanTimelineBlock(blocks.StructBlock):
    plan = blocks.PageChooserBlock(
        label=_("action plan"), page_type="avp_wagtail.ActionPlanPage", required=True
    )
    heading = blocks.CharBlock(
        label=_("heading"),
        required=False,
        max_length=255,
        help_text=_('Leave empty for "Timeline of" and the plan\'s title.'),
    )

    class Meta:
        icon = "time"
        label = _("Action plan timeline")
        template = "avp_wagtail/pictures/plan_timeline_block.html"

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        """The chosen plan in the language of the page the block is on, if the visitor may
        see it; its actions the visitor may see (the plan's ``get_items``, as on the plan
        page: a fixed number of queries)."""
        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        request = parent_context.get("request")
        plan = in_language_of(value["plan"], parent_context.get("page"), request)
        if plan is None or not is_visible(plan, request):
            return context
        if not isinstance(plan, ActionPlanPage):
            plan = plan.specific
        items = list(plan.get_items(request))
        picture = PlanTimeline(
            plan,
            request,
            ThemeGroup.group(plan.themes.all(), items),
            prefix=f"avp-timeline-{uuid.uuid4().hex[:8]}",
            in_block=True,
        )
        picture.heading = value["heading"] or picture.timeline.title
        context["avp_timeline"] = picture
        return context


PICTURE_BLOCKS = [("plan_timeline", PlanTimelineBlock())]
