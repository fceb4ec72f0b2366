"""ActionPlanPage: the action plan, its themes and roles (D1, D2, D4, D6)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from avp_wagtail.conf import get_setting
from avp_wagtail.core import fragments
from avp_wagtail.core.choices import CadenceUnit, ItemStatus, PlanStatus
from avp_wagtail.core.plugins import PluggableRoutesMixin
from avp_wagtail.core.progress import PlanSummary, ThemeGroup, mean_progress
from avp_wagtail.core.visibility import visible
from avp_wagtail.models.commenting import CommentablePageMixin
from avp_wagtail.models.decision_lists import plan_decisions
from avp_wagtail.models.mixins import AvpPageMixin
from avp_wagtail.models.organisations import ContactPerson
from avp_wagtail.models.translation_fields import PAGE_TEXTS, documents, facts, references, texts


class ActionPlanPage(PluggableRoutesMixin, AvpPageMixin, CommentablePageMixin, Page):
    summary = models.TextField(
        _("summary"), help_text=_("What the plan is about, in two or three sentences.")
    )
    start_date = models.DateField(_("start date"), help_text=_("First day of the plan period."))
    end_date = models.DateField(_("end date"), help_text=_("Last day of the plan period."))
    status = models.CharField(
        _("status"),
        max_length=32,
        choices=PlanStatus.choices,
        default=PlanStatus.DRAFT,
        help_text=_("Where the plan stands in its life cycle."),
    )
    common_goal = models.TextField(
        _("common goal"),
        blank=True,
        help_text=_("The goal this plan serves. Leave empty to use the programme's common goal."),
    )
    initiating_politician = models.ForeignKey(
        ContactPerson,
        verbose_name=_("initiating politician"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The politician who took the initiative for the plan (D2)."),
    )
    coordinating_official = models.ForeignKey(
        ContactPerson,
        verbose_name=_("coordinating official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The official who gathers ideas into the plan and coordinates it (D2)."),
    )
    monitoring_frequency = models.CharField(
        _("monitoring meeting frequency"),
        max_length=255,
        blank=True,
        help_text=_("How often progress is reviewed together, e.g. 'every three months' (D6)."),
    )
    monitoring_every = models.PositiveSmallIntegerField(
        _("monitoring meeting every"),
        null=True,
        blank=True,
        help_text=_("The cadence of monitoring meetings: every N weeks or months (D6)."),
    )
    monitoring_unit = models.CharField(
        _("unit"),
        max_length=8,
        choices=CadenceUnit.choices,
        default=CadenceUnit.MONTHS,
        help_text=_("Weeks or months."),
    )
    monitoring_start = models.DateField(
        _("first monitoring meeting due"),
        null=True,
        blank=True,
        help_text=_("The date the cadence counts from; the plan's start date if empty."),
    )
    change_procedure = RichTextField(
        _("how the plan gets changed"),
        blank=True,
        help_text=_("How the plan is changed or supplemented when needed (D6)."),
    )
    adoption_date = models.DateField(
        _("adoption date"), null=True, blank=True, help_text=_("When the plan was adopted.")
    )
    adopted_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("adopted document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The adopted plan as a document, e.g. the council decision (D4)."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Period")),
        FieldPanel("status"),
        FieldPanel("common_goal"),
        InlinePanel("themes", label=_("Priority themes"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("initiating_politician"),
                FieldPanel("coordinating_official"),
                InlinePanel("community_representatives", label=_("Community representatives")),
            ],
            heading=_("Roles (D2)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("monitoring_frequency"),
                FieldRowPanel(
                    [
                        FieldPanel("monitoring_every"),
                        FieldPanel("monitoring_unit"),
                        FieldPanel("monitoring_start"),
                    ]
                ),
                FieldPanel("change_procedure"),
            ],
            heading=_("Monitoring mechanism (D6)"),
        ),
        MultiFieldPanel(
            [FieldPanel("adoption_date"), FieldPanel("adopted_document")],
            heading=_("Adoption"),
        ),
    ]
    settings_panels = Page.settings_panels + CommentablePageMixin.comment_panels
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("common_goal"),
        index.FilterField("status"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status"),
        APIField("common_goal"),
        APIField("themes"),
        APIField("initiating_politician"),
        APIField("coordinating_official"),
        APIField("community_representatives"),
        APIField("monitoring_frequency"),
        APIField("monitoring_every"),
        APIField("monitoring_unit"),
        APIField("monitoring_start"),
        APIField("change_procedure"),
        APIField("adoption_date"),
        APIField("adopted_document"),
    ]

    override_translatable_fields = (
        CommentablePageMixin.comment_translation_fields
        + PAGE_TEXTS
        + texts("summary", "common_goal", "monitoring_frequency", "change_procedure", "themes")
        + facts(
            "start_date",
            "end_date",
            "status",
            "adoption_date",
            "monitoring_every",
            "monitoring_unit",
            "monitoring_start",
        )
        + documents("adopted_document")
        + references("initiating_politician", "coordinating_official", "community_representatives")
    )

    parent_page_types = ["avp_wagtail.OpenGovernmentPage"]
    subpage_types = ["avp_wagtail.ActionItemPage"]
    template = "avp_wagtail/action_plan_page.html"

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.monitoring_every == 0:
            raise ValidationError(
                {"monitoring_every": _("A cadence of zero means no meetings: leave it empty.")}
            )

    def get_items(self, request: HttpRequest | None = None) -> PageQuerySet:
        """Action items of this plan the visitor may see (live, not restricted: see
        avp_wagtail.core.visibility), with what the listing shows, in one query."""
        ActionItemPage = apps.get_model("avp_wagtail", "ActionItemPage")
        return (
            visible(ActionItemPage.objects.child_of(self), request)
            .select_related("theme", "lead_implementer")
            .prefetch_related("milestones")
            .order_by("path")
        )

    comments_open = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_(
            "Let residents comment on the draft plan. Comments are only accepted while "
            'the plan\'s status is "public consultation" (D3).'
        ),
    )

    def comments_closed_reason(self) -> str | Promise | None:
        if self.status != PlanStatus.CONSULTATION:
            return _("Comments on the plan are accepted during its public consultation only.")
        return super().comments_closed_reason()

    def get_structured_data(
        self, common: dict[str, Any], publisher: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        """A schema.org CreativeWork: the plan, its period, status and adoption date."""
        data = {
            **common,
            "@type": "CreativeWork",
            "genre": str(_("action plan")),
            "temporalCoverage": f"{self.start_date.isoformat()}/{self.end_date.isoformat()}",
            "creativeWorkStatus": str(self.get_status_display()),
            "publisher": publisher,
        }
        if self.adoption_date:
            data["datePublished"] = self.adoption_date.isoformat()
        return data

    # The parts of the template that are the same for every visitor who may see the same
    # items (avp_wagtail.core.fragments): while they are cached, the items are not loaded.
    cached_fragments = ("progress", "overview")

    def add_page_context(self, request: HttpRequest, context: dict[str, Any]) -> None:
        super().add_page_context(request, context)
        context["community_representatives"] = self.community_representatives.select_related(
            "person__organisation"
        )
        context["cancelled_status"] = ItemStatus.CANCELLED
        context["avp_fragments"] = cached = fragments.Fragments(
            self, request, self.cached_fragments
        )
        if cached.cached is not None:
            return
        items = list(self.get_items(request))
        themes = list(self.themes.all())
        context["items"] = items
        context["theme_groups"] = ThemeGroup.group(themes, items)
        context["progress"] = mean_progress(items)
        context["summary"] = PlanSummary(items)
        context["latest_updates"] = self.latest_updates(items)
        # In the cached "overview": decisions of public meetings only (decision_lists).
        context["decisions"] = plan_decisions(self, request)

    def latest_updates(self, items: Iterable[Any] | None = None) -> list[Any]:
        """The newest progress updates across the plan's live items, in one query."""
        ProgressUpdate = apps.get_model("avp_wagtail", "ProgressUpdate")
        item_ids = [item.pk for item in (items if items is not None else self.get_items())]
        return list(
            ProgressUpdate.objects.filter(page_id__in=item_ids)
            .select_related("page", "reported_by")
            .order_by("-date", "-pk")[: get_setting("PLAN_LATEST_UPDATES")]
        )

    @property
    def progress(self) -> int | None:
        """Overall progress: mean of the progress of the items the public sees, cancelled
        items excluded."""
        return mean_progress(self.get_items())


class PlanTheme(TranslatableMixin, Orderable):
    """A priority theme of a plan (D1); each action item belongs to one."""

    page = ParentalKey(ActionPlanPage, related_name="themes", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=255, help_text=_("Short name of the theme."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("Why this theme matters and what it covers.")
    )

    panels = [FieldPanel("title"), FieldPanel("description")]
    api_fields = [APIField("title"), APIField("description")]
    override_translatable_fields = texts("title", "description")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("priority theme")
        verbose_name_plural = _("priority themes")

    def __str__(self) -> str:
        return self.title


class PlanCommunityRepresentative(TranslatableMixin, Orderable):
    """A community representative who helps write the plan (D2)."""

    page = ParentalKey(
        ActionPlanPage, related_name="community_representatives", on_delete=models.CASCADE
    )
    person = models.ForeignKey(
        ContactPerson,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("An active community representative taking part in writing the plan."),
    )

    panels = [FieldPanel("person")]
    api_fields = [APIField("person")]
    override_translatable_fields = references("person")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("community representative")
        verbose_name_plural = _("community representatives")
