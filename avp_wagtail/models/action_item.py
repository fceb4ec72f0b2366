"""ActionItemPage: one action of a plan, its implementers and milestones (D1, D5, I1)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from .. import progress
from ..choices import ItemStatus, OgpValue
from ..following import FollowRoutesMixin
from ..forms.page_forms import ActionItemPageForm
from ..open_data.routes import ItemOpenDataRoutesMixin
from ..visibility import visible
from .adaptation import AdaptedFromMixin
from .commenting import CommentablePageMixin
from .mixins import AvpPageMixin
from .organisations import ContactPerson, Organisation
from .plan import PlanTheme
from .tags import TaggedActionItem
from .translation_fields import PAGE_TEXTS, facts, references, texts

OGP_VALUE_FIELDS = {
    OgpValue.ACCESS_TO_INFORMATION: "ogp_access_to_information",
    OgpValue.CIVIC_PARTICIPATION: "ogp_civic_participation",
    OgpValue.PUBLIC_ACCOUNTABILITY: "ogp_public_accountability",
    OgpValue.TECHNOLOGY_AND_INNOVATION: "ogp_technology_and_innovation",
}


def _ogp_field(value):
    return models.BooleanField(
        value.label,
        default=False,
        help_text=_("Tick if the action serves this OGP value."),
    )


class ActionItemPage(
    ItemOpenDataRoutesMixin,
    FollowRoutesMixin,
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
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("activities"),
        index.SearchField("expected_result"),
        index.FilterField("status"),
        index.FilterField("is_quick_win"),
        index.FilterField("theme_id"),
        index.FilterField("lead_implementer_id"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("problem"),
        APIField("activities"),
        APIField("expected_result"),
        APIField("theme"),
        APIField("lead_implementer"),
        APIField("lead_implementer_role"),
        APIField("partners"),
        APIField("contact_person"),
        APIField("budget"),
        APIField("funding_source"),
        APIField("people_and_time"),
        APIField("other_resources"),
        APIField("planned_start"),
        APIField("planned_end"),
        APIField("status"),
        APIField("progress"),
        APIField("is_quick_win"),
        *(APIField(name) for name in OGP_VALUE_FIELDS.values()),
        APIField("weight"),
        APIField("milestones"),
        APIField("progress_updates"),
        APIField("tags"),
        *(APIField(name) for name in AdaptedFromMixin.adaptation_fields),
    ]

    override_translatable_fields = (
        CommentablePageMixin.comment_translation_fields
        + PAGE_TEXTS
        + texts(
            "summary",
            "problem",
            "activities",
            "expected_result",
            "lead_implementer_role",
            "funding_source",
            "people_and_time",
            "other_resources",
            "milestones",
            "progress_updates",
            "adapted_from_title",
            "adapted_from_plan",
        )
        + facts(
            "planned_start",
            "planned_end",
            "status",
            "progress",
            "budget",
            "weight",
            "is_quick_win",
            *OGP_VALUE_FIELDS.values(),
            "tags",
            "tagged_items",
            "adapted_from_municipality",
            "adapted_from_url",
            "source_id",
        )
        + references("theme", "lead_implementer", "contact_person", "partners")
    )

    parent_page_types = ["avp_wagtail.ActionPlanPage"]
    subpage_types = []
    template = "avp_wagtail/action_item_page.html"
    base_form_class = ActionItemPageForm

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def clean(self):
        super().clean()
        # Before the revision is stored (save_revision cleans first) and on every save.
        self.follow_progress_updates()
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            raise ValidationError(
                {"planned_end": _("The planned end cannot be before the planned start.")}
            )

    @property
    def ogp_values(self):
        """Labels of the OGP values this action serves, in the canonical order."""
        return [value.label for value, name in OGP_VALUE_FIELDS.items() if getattr(self, name)]

    # Schedule facts: one definition each, in avp_wagtail.progress.
    @property
    def is_cancelled(self):
        return progress.is_cancelled(self)

    @property
    def is_delayed(self):
        return progress.is_delayed(self)

    @property
    def is_overdue(self):
        return progress.is_overdue(self)

    @property
    def is_behind_schedule(self):
        return progress.is_behind_schedule(self)

    @property
    def counted_progress(self):
        """Progress as it counts; None for a cancelled action ("not counted")."""
        return progress.counted_progress(self)

    def facts_from_updates(self):
        """(status, progress) set by the progress updates: each from the latest update (by
        date, then order) that sets it; None where no update sets it."""
        return progress.facts_from_updates(self.progress_updates.all())

    def follow_progress_updates(self):
        """Take status and progress from the latest progress updates that set them (one
        source for each fact); the item's own fields stay the source while no update sets
        them (initial planning, CSV import, borrowing)."""
        status, value = self.facts_from_updates()
        if status is not None:
            self.status = status
        if value is not None:
            self.progress = value

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"status", "progress"} & set(update_fields):
            self.follow_progress_updates()
        return super().save(*args, **kwargs)

    def milestones_outside_period(self):
        """Milestones due before the planned start or after the planned end (a warning only)."""
        outside = []
        for milestone in self.milestones.all():
            if not milestone.due_date:
                continue
            if (self.planned_start and milestone.due_date < self.planned_start) or (
                self.planned_end and milestone.due_date > self.planned_end
            ):
                outside.append(milestone)
        return outside

    def get_context(self, request, *args, **kwargs):
        from .meeting_protocol import MeetingProtocolPage

        context = super().get_context(request, *args, **kwargs)
        context["plan"] = self.get_parent().specific
        context["partners"] = self.partners.select_related("organisation")
        context["progress_updates"] = self.progress_updates.select_related("reported_by").order_by(
            "-date", "-sort_order"
        )
        # A page not saved yet (the preview of a new item) has no history.
        context["changes"] = self.changes.all() if self.pk else []
        # A meeting links one language version of the item; list it in the reader's language.
        # Only meetings the visitor may see (avp_wagtail.visibility).
        context["meetings"] = (
            visible(MeetingProtocolPage.objects.all(), request)
            .filter(locale_id=self.locale_id)
            .filter(discussed_items__item__translation_key=self.translation_key)
            .distinct()
            .order_by("-start")
        )
        return context


class ActionItemPartner(TranslatableMixin, Orderable):
    """A partner implementer: the municipality does not have to do everything (D5)."""

    page = ParentalKey(ActionItemPage, related_name="partners", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="partner_in_action_items",
        help_text=_("A partner organisation taking part in carrying the action out."),
    )
    role = models.CharField(
        _("role"), max_length=255, blank=True, help_text=_("What this partner does.")
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]
    api_fields = [APIField("organisation"), APIField("role")]
    override_translatable_fields = texts("role") + references("organisation")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partner implementer")
        verbose_name_plural = _("partner implementers")


class Milestone(TranslatableMixin, Orderable):
    """A step of an action with its due date and, once done, its completion date."""

    page = ParentalKey(ActionItemPage, related_name="milestones", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=255, help_text=_("What is reached."))
    due_date = models.DateField(
        _("due date"),
        null=True,
        blank=True,
        help_text=_("When it is planned; normally within the item's planned period."),
    )
    completed_date = models.DateField(
        _("completed date"), null=True, blank=True, help_text=_("When it was actually reached.")
    )
    delay_reason = models.TextField(
        _("reason for the delay"),
        blank=True,
        help_text=_("If the milestone is late: why, and what happens now."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("due_date"), FieldPanel("completed_date")]),
        FieldPanel("delay_reason"),
    ]
    api_fields = [
        APIField("title"),
        APIField("due_date"),
        APIField("completed_date"),
        APIField("delay_reason"),
    ]
    override_translatable_fields = texts("title", "delay_reason") + facts(
        "due_date", "completed_date"
    )

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title

    @property
    def is_overdue(self):
        """Due before today and not reached."""
        return progress.milestone_is_overdue(self)

    @property
    def is_late(self):
        """Reached after its due date, or overdue."""
        if self.completed_date and self.due_date:
            return self.completed_date > self.due_date
        return self.is_overdue
