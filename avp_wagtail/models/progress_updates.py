"""Carrying out an action (I1): dated progress updates and the automatic change history."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin

from avp_wagtail.core.choices import ItemStatus, UpdateKind
from avp_wagtail.models import item_schema
from avp_wagtail.models.action_item import ActionItemPage
from avp_wagtail.models.item_schema import FromSchema
from avp_wagtail.models.organisations import Organisation
from avp_wagtail.models.translation_fields import facts, references, texts


class ProgressUpdate(TranslatableMixin, Orderable):
    """A dated report on an action: progress, an obstacle, a lesson learned, a change."""

    page = ParentalKey(
        "avp_wagtail.ActionItemPage", related_name="progress_updates", on_delete=models.CASCADE
    )
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("When it happened; not in the future.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=UpdateKind.choices,
        default=UpdateKind.PROGRESS,
        help_text=_("Obstacles and lessons learned are marked as such on the page (I1)."),
    )
    title = models.CharField(_("title"), max_length=255, help_text=_("The update in a few words."))
    text = models.TextField(_("text"), blank=True, help_text=_("What happened, and what now."))
    status = models.CharField(
        _("status set"),
        max_length=32,
        choices=ItemStatus.choices,
        blank=True,
        help_text=_(
            "The action's status from this update on, if it changed. The latest update "
            "that sets a status sets the action's status."
        ),
    )
    progress = models.PositiveSmallIntegerField(
        _("progress set (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_(
            "The action's progress from this update on, from 0 to 100, if it changed. The "
            "latest update that sets progress sets the action's progress."
        ),
    )
    reported_by = models.ForeignKey(
        Organisation,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation reporting the update."),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("progress")]),
        FieldPanel("reported_by"),
    ]
    api_fields = [
        APIField("date"),
        APIField("kind"),
        APIField("title"),
        APIField("text"),
        APIField("status"),
        APIField("progress"),
        APIField("reported_by"),
    ]
    override_translatable_fields = (
        texts("title", "text")
        + facts("date", "kind", "status", "progress")
        + references("reported_by")
    )

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("A progress update cannot be dated in the future.")})

    @property
    def is_setback(self) -> bool:
        """Obstacles and lessons learned: shown distinctly, failures analysed in the open."""
        return self.kind in (UpdateKind.OBSTACLE, UpdateKind.LESSON)


class ItemChange(models.Model):
    """One public change-history entry, recorded automatically when a published item's
    status, progress or planned dates change. Not in the page editor: nobody can forge or
    delete it there."""

    # The fields marked ``tracked`` in the schema of an action item (read on every access).
    TRACKED_FIELDS = FromSchema(item_schema.tracked_fields)

    page = models.ForeignKey(
        "avp_wagtail.ActionItemPage",
        verbose_name=_("action item"),
        on_delete=models.CASCADE,
        related_name="changes",
    )
    field = models.CharField(_("field"), max_length=32)
    old_value = models.CharField(_("old value"), max_length=64, blank=True)
    new_value = models.CharField(_("new value"), max_length=64, blank=True)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    # Set on the rows of ``DECISION_FIELD``: the decision of a meeting that concerns the item
    # was marked done or changed by a later decision (``tracking.change_history``).
    decision = models.ForeignKey(
        "avp_wagtail.AgendaItem",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a change of a decision's state: the agenda item of the decision."),
    )

    # The ``field`` of a change of a decision's state; its values are ``DecisionState``
    # values, "done" with the date it was done ("done:2026-05-04").
    DECISION_FIELD = "decision"

    class Meta:
        verbose_name = _("change of an action item")
        verbose_name_plural = _("changes of action items")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.field}: {self.old_value} → {self.new_value}"

    @property
    def field_label(self) -> str | Promise:
        if self.field == self.DECISION_FIELD:
            # Rows listed on the item page come with ``select_related("decision__page")``.
            decision = self.decision
            if decision is None:
                return _("decision of a meeting")
            return format_lazy(_("decision of {meeting}"), meeting=decision.page.title)
        return ActionItemPage._meta.get_field(self.field).verbose_name  # type: ignore[union-attr]

    def _display(self, value: str) -> str | Promise:
        if self.field == self.DECISION_FIELD:
            return decision_state_display(value)
        if self.field == "status":
            return ItemStatus(value).label if value in ItemStatus.values else value
        if self.field == "progress" and value != "":
            return f"{value}%"
        if value and self.field in ("planned_start", "planned_end"):
            from datetime import date

            from avp_wagtail.core.dates import format_date

            return format_date(date.fromisoformat(value))
        return value or "—"

    @property
    def old_display(self) -> str | Promise:
        return self._display(self.old_value)

    @property
    def new_display(self) -> str | Promise:
        return self._display(self.new_value)


def decision_state_display(value: str) -> str | Promise:
    """A recorded decision state: "open", "changed by a later decision", "done on 4 May 2026"."""
    from datetime import date

    from avp_wagtail.core.dates import format_date
    from avp_wagtail.models.agenda_items import DecisionState

    state, _separator, done_on = value.partition(":")
    if state == DecisionState.DONE and done_on:
        return format_lazy(_("done on {date}"), date=format_date(date.fromisoformat(done_on)))
    if state in DecisionState.values:
        return DecisionState(state).label
    return value or "—"
