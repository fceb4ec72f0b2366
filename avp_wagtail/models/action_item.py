"""ActionItemPage: one action of a plan, its implementers and milestones (D1, D5, I1)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.utils.functional import Promise, SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from avp_wagtail.core import fragments, progress
from avp_wagtail.core.choices import ItemStatus, OgpValue
from avp_wagtail.core.plugins import PluggableRoutesMixin
from avp_wagtail.core.progress import FactsFromUpdates
from avp_wagtail.core.visibility import is_public, visible
from avp_wagtail.models import item_schema
from avp_wagtail.models.adaptation import AdaptedFromMixin
from avp_wagtail.models.commenting import CommentablePageMixin
from avp_wagtail.models.decision_lists import item_decisions
from avp_wagtail.models.item_schema import OGP_VALUE_FIELDS, FromSchema
from avp_wagtail.models.mixins import AvpPageMixin
from avp_wagtail.models.organisations import ContactPerson, Organisation
from avp_wagtail.models.page_forms import ActionItemPageForm
from avp_wagtail.models.plan import PlanTheme
from avp_wagtail.models.tags import TaggedActionItem
from avp_wagtail.models.translation_fields import PAGE_TEXTS


def _ogp_field(value: OgpValue) -> models.BooleanField[Any, Any]:
    return models.BooleanField(
        value.label,
        default=False,
        help_text=_("Tick if the action serves this OGP value."),
    )


class ActionItemPage(
    PluggableRoutesMixin,
    AvpPageMixin,
    CommentablePageMixin,
    AdaptedFromMixin,
    Page,
):
    summary = models.TextField(_("summary"), help_text=_("The action in one or two sentences."))
    problem = RichTextField(
        _("problem addressed"), blank=True, help_text=_("What is wrong today, and for whom.")
    )
    activities = RichTextField(
        _("what will be done"), blank=True, help_text=_("The concrete activities.")
    )
    expected_result = RichTextField(
        _("expected result"), blank=True, help_text=_("What will have changed when it is done.")
    )
    theme = models.ForeignKey(
        PlanTheme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
        help_text=_("One of the priority themes of the plan this item belongs to."),
    )
    lead_implementer = models.ForeignKey(
        Organisation,
        verbose_name=_("lead implementer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_action_items",
        help_text=_(
            "Who is responsible for carrying the action out; not always the municipality (D5)."
        ),
    )
    lead_implementer_role = models.CharField(
        _("lead implementer's role"),
        max_length=255,
        blank=True,
        help_text=_("What the lead implementer does, e.g. 'organises the meetings'."),
    )
    contact_person = models.ForeignKey(
        ContactPerson,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Whom residents can ask about this action."),
    )
    budget = models.DecimalField(
        _("budget (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Money planned for the action, in euros."),
    )
    funding_source = models.CharField(
        _("funding source"),
        max_length=255,
        blank=True,
        help_text=_("E.g. 'municipal budget 2026' or a grant programme."),
    )
    people_and_time = models.CharField(
        _("people and time"),
        max_length=255,
        blank=True,
        help_text=_("Work time needed, e.g. '0.2 FTE of the community specialist'."),
    )
    other_resources = models.TextField(
        _("other resources"), blank=True, help_text=_("Rooms, equipment, volunteers and so on.")
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=32,
        choices=ItemStatus.choices,
        default=ItemStatus.PLANNED,
        help_text=_(
            "Where the action stands now. Once a progress update sets a status, the latest "
            "such update decides it: add a progress update to change it."
        ),
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_(
            "How far the action has come, from 0 to 100. Once a progress update sets "
            "progress, the latest such update decides it: add a progress update to change it."
        ),
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "How much this action counts in the plan's overall progress (1-100); "
            "all actions count equally by default."
        ),
    )
    is_quick_win = models.BooleanField(
        _("quick win"),
        default=False,
        help_text=_("An initiative that can be tried right away (D1)."),
    )
    ogp_access_to_information = _ogp_field(OgpValue.ACCESS_TO_INFORMATION)
    ogp_civic_participation = _ogp_field(OgpValue.CIVIC_PARTICIPATION)
    ogp_public_accountability = _ogp_field(OgpValue.PUBLIC_ACCOUNTABILITY)
    ogp_technology_and_innovation = _ogp_field(OgpValue.TECHNOLOGY_AND_INNOVATION)
    # Action items are discussed by default (I1, I2); the editor can close a thread.
    comments_open = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_("Let residents comment on this page."),
    )
    tags = ClusterTaggableManager(
        through=TaggedActionItem,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Free keywords, e.g. 'youth' or 'transparency'."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("activities"),
        FieldPanel("expected_result"),
        FieldPanel("theme"),
        MultiFieldPanel(
            [
                FieldPanel("lead_implementer"),
                FieldPanel("lead_implementer_role"),
                InlinePanel("partners", label=_("Partner implementers")),
                FieldPanel("contact_person"),
            ],
            heading=_("Who carries it out (D5)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("budget"),
                FieldPanel("funding_source"),
                FieldPanel("people_and_time"),
                FieldPanel("other_resources"),
            ],
            heading=_("Resources (D5)"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_end")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("progress")]),
                FieldRowPanel([FieldPanel("weight"), FieldPanel("is_quick_win")]),
            ],
            heading=_("Schedule and progress"),
        ),
        InlinePanel("milestones", label=_("Milestones")),
        InlinePanel("progress_updates", label=_("Progress updates (I1)")),
        MultiFieldPanel(
            [FieldPanel(name) for name in OGP_VALUE_FIELDS.values()],
            heading=_("OGP values"),
        ),
        FieldPanel("tags"),
        *AdaptedFromMixin.adaptation_panels,
    ]
    settings_panels = Page.settings_panels + CommentablePageMixin.comment_panels
    # From the schema of an action item (avp_wagtail.models.item_schema), on every read.
    search_fields = FromSchema(lambda: item_schema.search_fields(Page.search_fields))
    api_fields = FromSchema(item_schema.api_fields)
    override_translatable_fields = FromSchema(
        lambda: item_schema.translatable_fields(
            CommentablePageMixin.comment_translation_fields + PAGE_TEXTS
        )
    )

    parent_page_types = ["avp_wagtail.ActionPlanPage"]
    subpage_types: list[str] = []
    template = "avp_wagtail/action_item_page.html"
    base_form_class = ActionItemPageForm

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def clean(self) -> None:
        super().clean()
        # Before the revision is stored (save_revision cleans first) and on every save.
        self.follow_progress_updates()
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            raise ValidationError(
                {"planned_end": _("The planned end cannot be before the planned start.")}
            )

    @property
    def ogp_values(self) -> list[str | Promise]:
        """Labels of the OGP values this action serves, in the canonical order."""
        return [value.label for value, name in OGP_VALUE_FIELDS.items() if getattr(self, name)]

    # Schedule facts: one definition each, in avp_wagtail.core.progress.
    @property
    def is_cancelled(self) -> bool:
        return progress.is_cancelled(self)

    @property
    def is_delayed(self) -> bool:
        return progress.is_delayed(self)

    @property
    def is_overdue(self) -> bool:
        return progress.is_overdue(self)

    @property
    def is_behind_schedule(self) -> bool:
        return progress.is_behind_schedule(self)

    @property
    def counted_progress(self) -> int | None:
        """Progress as it counts; None for a cancelled action ("not counted")."""
        return progress.counted_progress(self)

    def facts_from_updates(self) -> FactsFromUpdates:
        """(status, progress) set by the progress updates: each from the latest update (by
        date, then order) that sets it; None where no update sets it."""
        return progress.facts_from_updates(self.progress_updates.all())

    def follow_progress_updates(self) -> None:
        """Take status and progress from the latest progress updates that set them (one
        source for each fact); the item's own fields stay the source while no update sets
        them (initial planning, CSV import, borrowing)."""
        status, value = self.facts_from_updates()
        if status is not None:
            self.status = status
        if value is not None:
            self.progress = value

    def save(self, *args: Any, **kwargs: Any) -> Any:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"status", "progress"} & set(update_fields):
            self.follow_progress_updates()
        return super().save(*args, **kwargs)

    def milestones_outside_period(self) -> list[Any]:
        """Milestones due before the planned start or after the planned end (a warning only)."""
        outside: list[Any] = []
        for milestone in self.milestones.all():
            if not milestone.due_date:
                continue
            if (self.planned_start and milestone.due_date < self.planned_start) or (
                self.planned_end and milestone.due_date > self.planned_end
            ):
                outside.append(milestone)
        return outside

    def get_structured_data(
        self, common: dict[str, Any], publisher: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        """A schema.org CreativeWork: the action, its status, what it was adapted from."""
        data = {
            **common,
            "@type": "CreativeWork",
            "genre": str(_("action item")),
            "creativeWorkStatus": str(self.get_status_display()),
            "publisher": publisher,
        }
        if self.adapted_from_url:
            data["isBasedOn"] = self.adapted_from_url
        return data

    def _public_changes(self, request: HttpRequest) -> list[Any]:
        if not self.pk:
            return []
        changes = self.changes.select_related("decision__page")
        return [
            change
            for change in changes
            if change.decision is None or is_public(change.decision.page, request)
        ]

    def add_page_context(self, request: HttpRequest, context: dict[str, Any]) -> None:
        super().add_page_context(request, context)
        meeting_page = apps.get_model("avp_wagtail", "MeetingProtocolPage")
        # Loaded only if a (host's) template asks for it.
        context["plan"] = SimpleLazyObject(lambda: self.get_parent().specific)
        # The body of the page, the same for every visitor (avp_wagtail.core.fragments):
        # while it is cached, the querysets below (but the meetings) stay unread.
        context["avp_fragments"] = cached = fragments.Fragments(self, request, ("body",))
        if cached.enabled and cached.cached is None:
            # One query for the status ("overdue") and the milestone table. Not in a
            # preview (fragments off): its milestones are the edit form's, not the database's.
            prefetch_related_objects([self], "milestones")
        context["partners"] = self.partners.select_related("organisation")
        context["progress_updates"] = self.progress_updates.select_related("reported_by").order_by(
            "-date", "-sort_order"
        )
        # A page not saved yet (the preview of a new item) has no history. A decision's row
        # names its meeting: only meetings public to everyone (the list is in the cached
        # body, the same for every visitor). Read when the template asks.
        context["changes"] = SimpleLazyObject(lambda: self._public_changes(request))
        # A meeting links one language version of the item; list it in the reader's language.
        # Only meetings the visitor may see (avp_wagtail.core.visibility).
        context["meetings"] = (
            visible(meeting_page.objects.all(), request)
            .filter(locale_id=self.locale_id)
            .filter(discussed_items__item__translation_key=self.translation_key)
            .distinct()
            .order_by("-start")
        )
        # In the cached body, read only when it is rendered: decisions of public meetings
        # only, the same for every visitor (avp_wagtail.models.decision_lists).
        context["decisions"] = SimpleLazyObject(lambda: item_decisions(self))
