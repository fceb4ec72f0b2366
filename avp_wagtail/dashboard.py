"""The "Open government" panel on the Wagtail admin home page (I1): what needs attention."""

from django.apps import apps
from django.urls import reverse
from django.utils import translation
from wagtail.admin.ui.components import Component

from .admin_scope import PAGE_SCOPE
from .attention import default_language_items, items_needing_attention
from .conf import get_setting
from .monitoring import next_monitorings, once_per_page


class AvpDashboardPanel(Component):
    name = "avp_attention"
    template_name = "avp_wagtail/admin/dashboard_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        from .models import ActionPlanPage

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
        context.update(
            {
                "behind": [a for a in attention if a.behind_schedule],
                "stale": [a for a in attention if a.stale],
                "stale_days": get_setting("STALE_AFTER_DAYS"),
                "monitoring": [(plan, monitorings.get(plan.pk)) for plan in plans],
                **self._comments_awaiting(request.user),
            }
        )
        return context

    @staticmethod
    def _comments_awaiting(user):
        """How many comments await moderation, and where, for moderators only."""
        if not apps.is_installed("avp_wagtail.comments"):
            return {}
        from .comments.filters import ModerationState, filter_state
        from .comments.models import AvpComment
        from .comments.permissions import COMMENT_SCOPE, can_moderate

        if not can_moderate(user):
            return {}
        return {
            "comments_awaiting": filter_state(
                COMMENT_SCOPE.filter(AvpComment.objects.all(), user), ModerationState.AWAITING
            ).count(),
            "comments_url": reverse(AvpComment.snippet_viewset.get_url_name("list"))
            + f"?state={ModerationState.AWAITING}",
        }


def add_dashboard_panel(request, panels):
    panels.append(AvpDashboardPanel())
