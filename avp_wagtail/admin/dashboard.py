"""The "Open government" panel on the Wagtail admin home page (I1): what needs attention.

Features add their own parts at its top through the ``avp_dashboard_parts`` hook
(``avp_wagtail.core.plugins``), e.g. the comments app's "comments await moderation".
"""

from django.utils import translation
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from avp_wagtail.admin.scope import PAGE_SCOPE
from avp_wagtail.conf import get_setting
from avp_wagtail.core.plugins import DASHBOARD_HOOK
from avp_wagtail.tracking.attention import default_language_items, items_needing_attention
from avp_wagtail.tracking.decisions import overdue_decisions
from avp_wagtail.tracking.monitoring import next_monitorings, once_per_page

# At most this many overdue decisions on the panel (oldest deadline first).
DECISIONS_SHOWN = 20


class AvpDashboardPanel(Component):
    name = "avp_attention"
    template_name = "avp_wagtail/admin/dashboard_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        from avp_wagtail.models import ActionPlanPage, MeetingProtocolPage

        request = parent_context["request"]
        user = request.user
        context = super().get_context_data(parent_context)
        # Only the municipality (pages) this user works on: one install may serve several.
        attention = items_needing_attention(PAGE_SCOPE.filter(default_language_items(), user))
        # Each plan and meeting once, in the editor's language (the admin's active
        # language) where translated, else in the default language.
        language = translation.get_language()
        plans = once_per_page(
            PAGE_SCOPE.filter(
                ActionPlanPage.objects.live()
                .exclude(monitoring_every__isnull=True)
                .select_related("locale")
                .order_by("path"),
                user,
            ),
            language,
        )
        monitorings = next_monitorings(plans, language=language)
        # Overdue decisions of the meetings this user works on (the same scope as the items).
        decisions = list(
            overdue_decisions(
                PAGE_SCOPE.filter(
                    MeetingProtocolPage.objects.filter(locale=Locale.get_default()), user
                )
            )[:DECISIONS_SHOWN]
        )
        context.update(
            {
                "behind": [a for a in attention if a.behind_schedule],
                "stale": [a for a in attention if a.stale],
                "stale_days": get_setting("STALE_AFTER_DAYS"),
                "monitoring": [(plan, monitorings.get(plan.pk)) for plan in plans],
                "overdue_decisions": decisions,
                "parts": [
                    part
                    for provide in hooks.get_hooks(DASHBOARD_HOOK)
                    if (part := provide(request)) is not None
                ],
            }
        )
        return context


def add_dashboard_panel(request, panels):
    panels.append(AvpDashboardPanel())
