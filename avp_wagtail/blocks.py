"""StreamField blocks a host site can put on any of its pages (D4): the plan at a glance,
latest progress updates, upcoming meetings and the open call to participate.

Each renders its own small template under ``avp_wagtail/blocks/`` (override it in the host
site's templates) and costs a fixed number of queries. A block without a chosen page
shows what belongs to the site the page is served from, in the page's language.

    from avp_wagtail.blocks import AVP_BLOCKS
    body = StreamField([..., *AVP_BLOCKS])
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from avp_wagtail.core.progress import PlanSummary, mean_progress
from avp_wagtail.core.sites import current_site, within_sites
from avp_wagtail.core.visibility import in_language_of, is_visible, visible
from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    ProgressUpdate,
)


def _scope(queryset, parent_context):
    """Pages of the site (and language) of the page the block is on that the visitor may
    see (live, not restricted: avp_wagtail.core.visibility)."""
    parent_context = parent_context or {}
    request = parent_context.get("request")
    queryset = visible(queryset, request)
    site = current_site(request)
    if site is not None:
        queryset = within_sites(queryset, [site])
    page = parent_context.get("page")
    if page is not None and getattr(page, "locale_id", None):
        queryset = queryset.filter(locale_id=page.locale_id)
    return queryset


def _in_page_language(chosen, parent_context):
    """The chosen page in the language of the page the block is on
    (``core.visibility.in_language_of``)."""
    parent_context = parent_context or {}
    return in_language_of(chosen, parent_context.get("page"), parent_context.get("request"))


class _AvpBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("heading"),
        required=False,
        max_length=255,
        help_text=_("Leave empty for the default heading."),
    )


class PlanAtAGlanceBlock(_AvpBlock):
    plan = blocks.PageChooserBlock(
        label=_("action plan"), page_type="avp_wagtail.ActionPlanPage", required=True
    )

    class Meta:
        icon = "list-ul"
        label = _("Action plan at a glance")
        template = "avp_wagtail/blocks/plan_at_a_glance.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        plan = _in_page_language(value["plan"], parent_context)
        request = (parent_context or {}).get("request")
        if plan is not None and not is_visible(plan, request):
            plan = None
        if plan is not None:
            plan = plan.specific if not isinstance(plan, ActionPlanPage) else plan
            items = list(plan.get_items(request))
            context["plan"] = plan
            context["progress"] = mean_progress(items)
            context["summary"] = PlanSummary(items)
        return context


class LatestUpdatesBlock(_AvpBlock):
    plan = blocks.PageChooserBlock(
        label=_("action plan"),
        page_type="avp_wagtail.ActionPlanPage",
        required=False,
        help_text=_("Leave empty for updates of every plan of this site."),
    )
    count = blocks.IntegerBlock(label=_("how many"), default=5, min_value=1, max_value=20)

    class Meta:
        icon = "history"
        label = _("Latest progress updates")
        template = "avp_wagtail/blocks/latest_updates.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        items = _scope(ActionItemPage.objects.all(), parent_context)
        if value["plan"] is not None:
            items = items.child_of(_in_page_language(value["plan"], parent_context))
        context["updates"] = list(
            ProgressUpdate.objects.filter(page__in=items)
            .select_related("page", "reported_by")
            .order_by("-date", "-pk")[: value["count"]]
        )
        return context


class UpcomingMeetingsBlock(_AvpBlock):
    programme = blocks.PageChooserBlock(
        label=_("programme page"),
        page_type="avp_wagtail.OpenGovernmentPage",
        required=False,
        help_text=_("Leave empty for the meetings of every programme of this site."),
    )
    count = blocks.IntegerBlock(label=_("how many"), default=3, min_value=1, max_value=20)

    class Meta:
        icon = "date"
        label = _("Upcoming meetings")
        template = "avp_wagtail/blocks/upcoming_meetings.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        meetings = _scope(MeetingProtocolPage.objects.all(), parent_context)
        if value["programme"] is not None:
            meetings = meetings.child_of(_in_page_language(value["programme"], parent_context))
        context["meetings"] = list(
            meetings.filter(start__gte=timezone.now()).order_by("start")[: value["count"]]
        )
        return context


class OpenCallBlock(_AvpBlock):
    call = blocks.PageChooserBlock(
        label=_("call to participate"),
        page_type="avp_wagtail.CallToParticipatePage",
        required=False,
        help_text=_("Leave empty for the open call of this site with the nearest deadline."),
    )

    class Meta:
        icon = "mail"
        label = _("Call to participate")
        template = "avp_wagtail/blocks/open_call.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        today = timezone.localdate()
        calls = _scope(CallToParticipatePage.objects.all(), parent_context).filter(
            Q(deadline__isnull=True) | Q(deadline__gte=today)
        )
        if value["call"] is not None:
            # The chosen call in the page's language (_scope keeps to that language).
            calls = calls.filter(translation_key=value["call"].translation_key)
        context["call"] = calls.order_by("deadline", "path").first()
        return context


AVP_BLOCKS = [
    ("avp_plan_at_a_glance", PlanAtAGlanceBlock()),
    ("avp_latest_updates", LatestUpdatesBlock()),
    ("avp_upcoming_meetings", UpcomingMeetingsBlock()),
    ("avp_open_call", OpenCallBlock()),
]
