"""Admin report of all action items across plans, with filters and CSV/XLSX export (I1)."""

import datetime

import django_filters
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from avp_wagtail.admin.exports import AvpSpreadsheetExportMixin
from avp_wagtail.admin.scope import PAGE_SCOPE
from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.core.progress import counted_progress, is_delayed, is_overdue
from avp_wagtail.models import ActionItemPage, ActionPlanPage, Organisation
from avp_wagtail.tracking.attention import default_language_items


def _plans(request):
    plans = ActionPlanPage.objects.filter(locale=Locale.get_default()).order_by("title")
    return PAGE_SCOPE.filter(plans, request.user)


class ActionItemReportFilterSet(WagtailFilterSet):
    plan = django_filters.ModelChoiceFilter(
        label=_("Action plan"), queryset=_plans, method="filter_plan", empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ItemStatus.choices, empty_label=_("All")
    )
    lead_implementer = django_filters.ModelChoiceFilter(
        label=_("Lead implementer"),
        queryset=lambda request: Organisation.objects.filter(locale=Locale.get_default()),
        empty_label=_("All"),
    )

    class Meta:
        model = ActionItemPage
        fields = ["plan", "status", "lead_implementer"]

    def filter_plan(self, queryset, name, value):
        return queryset.descendant_of(value) if value else queryset


class ActionItemsReportView(AvpSpreadsheetExportMixin, ReportView):
    page_title = _("Action items")
    header_icon = "list-ul"
    index_url_name = "avp_action_items_report"
    index_results_url_name = "avp_action_items_report_results"
    filterset_class = ActionItemReportFilterSet
    paginate_by = 100
    list_export = [
        "title",
        "plan_title",
        "theme",
        "lead_implementer",
        "status_label",
        "progress_display",
        "last_update",
        "behind_schedule",
        "public_url",
    ]
    export_headings = {
        "title": _("Action"),
        "plan_title": _("Action plan"),
        "theme": _("Theme"),
        "lead_implementer": _("Lead implementer"),
        "status_label": _("Status"),
        "progress_display": _("Progress (%)"),
        "last_update": _("Last update"),
        "behind_schedule": _("Behind schedule"),
        "public_url": _("Public page"),
    }

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Action"),
                get_url=lambda item: reverse("wagtailadmin_pages:edit", args=[item.pk]),
            ),
            Column("plan_title", label=_("Action plan")),
            Column("theme", label=_("Theme")),
            Column("lead_implementer", label=_("Lead implementer")),
            Column("status_label", label=_("Status")),
            Column("progress_display", label=_("Progress (%)")),
            Column("last_update", label=_("Last update")),
            Column("behind_schedule", label=_("Behind schedule")),
        ]

    def get_filename(self):
        return f"action-items-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        parent_title = Page.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - ActionItemPage.steplen)
        ).values("title")[:1]
        items = PAGE_SCOPE.filter(default_language_items(), self.request.user)
        return (
            items.select_related("theme", "lead_implementer")
            .prefetch_related("milestones")
            .annotate(plan_title=Subquery(parent_title), last_update=Max("progress_updates__date"))
            .order_by("path")
        )

    def decorate_paginated_queryset(self, object_list):
        for item in object_list:
            item.status_label = item.get_status_display()
            # One definition of each schedule fact (avp_wagtail.core.progress): a Delayed item
            # is behind schedule; a cancelled one has no counted progress.
            progress = counted_progress(item)
            item.progress_display = _("not counted") if progress is None else progress
            reasons = []
            if is_delayed(item):
                reasons.append(item.get_status_display())
            if is_overdue(item):
                reasons.append(_("overdue"))
            item.behind_schedule = ", ".join(str(reason) for reason in reasons)
            item.public_url = item.full_url or ""
        return object_list
