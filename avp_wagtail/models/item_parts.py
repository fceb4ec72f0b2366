"""The rows inside an action item: its partner implementers (D5) and milestones (I1)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin

from avp_wagtail.core import progress
from avp_wagtail.models import item_schema
from avp_wagtail.models.item_schema import MILESTONE_FIELDS
from avp_wagtail.models.organisations import Organisation
from avp_wagtail.models.translation_fields import references, texts


class ActionItemPartner(TranslatableMixin, Orderable):
    """A partner implementer: the municipality does not have to do everything (D5)."""

    page = ParentalKey(
        "avp_wagtail.ActionItemPage", related_name="partners", on_delete=models.CASCADE
    )
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

    page = ParentalKey(
        "avp_wagtail.ActionItemPage", related_name="milestones", on_delete=models.CASCADE
    )
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
    api_fields = item_schema.api_fields(MILESTONE_FIELDS)
    override_translatable_fields = item_schema.translatable_fields(rows=MILESTONE_FIELDS)

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        """Due before today and not reached."""
        return progress.milestone_is_overdue(self)

    @property
    def is_late(self) -> bool:
        """Reached after its due date, or overdue."""
        if self.completed_date and self.due_date:
            return self.completed_date > self.due_date
        return self.is_overdue
