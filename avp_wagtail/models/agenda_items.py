"""AgendaItem: one agenda point of a meeting protocol, with the arguments for and against,
the decision and how it turned out (D3: leave a trail of the reasoning behind every
decision; I1: follow it to the end)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin

from avp_wagtail.models.decision_panels import LaterDecisionPanel
from avp_wagtail.models.translation_fields import facts, texts


def _has_text(html: str) -> bool:
    return bool(strip_tags(html or "").strip())


class DecisionState(models.TextChoices):
    """How an agenda point's decision turned out (D3, I1). "Overdue" is not stored: it is an
    open decision whose deadline has passed (``AgendaItem.is_overdue``)."""

    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CHANGED = "changed", _("Changed by a later decision")


class AgendaItem(TranslatableMixin, Orderable):
    """One agenda point: the discussion, arguments for and against, and the decision (D3)."""

    page = ParentalKey(
        "avp_wagtail.MeetingProtocolPage", related_name="agenda_items", on_delete=models.CASCADE
    )
    title = models.CharField(_("title"), max_length=255, help_text=_("The question on the agenda."))
    discussion = RichTextField(
        _("course of the discussion"),
        blank=True,
        help_text=_("How the discussion went. Fill in after the meeting."),
    )
    arguments_for = RichTextField(
        _("arguments for"), blank=True, help_text=_("Arguments raised in favour (D3).")
    )
    arguments_against = RichTextField(
        _("arguments against"), blank=True, help_text=_("Arguments raised against (D3).")
    )
    decision = RichTextField(
        _("decision"), blank=True, help_text=_("What was decided and, briefly, why.")
    )
    responsible = models.CharField(
        _("responsible"),
        max_length=255,
        blank=True,
        help_text=_("Who carries the decision out."),
    )
    deadline = models.DateField(
        _("by when"), null=True, blank=True, help_text=_("When the decision must be carried out.")
    )
    decision_state = models.CharField(
        _("state of the decision"),
        max_length=16,
        choices=DecisionState.choices,
        default=DecisionState.OPEN,
        # Blank allowed so that a form posted without it (an older client) keeps "open".
        blank=True,
        help_text=_(
            "How the decision turned out. An open decision whose deadline has passed is shown "
            "as overdue (D3, I1)."
        ),
    )
    done_on = models.DateField(
        _("done on"),
        null=True,
        blank=True,
        help_text=_("The date the decision was carried out. Today's date if left empty."),
    )
    changed_by = models.ForeignKey(
        "self",
        verbose_name=_("changed by the decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="changes",
        help_text=_(
            "For a decision changed by a later one: the agenda item of a later meeting that "
            "changed it."
        ),
    )
    action_item = models.ForeignKey(
        "avp_wagtail.ActionItemPage",
        verbose_name=_("action item concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
        help_text=_("The action item this decision concerns, if any; the item lists it."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("discussion"),
        FieldPanel("arguments_for"),
        FieldPanel("arguments_against"),
        FieldPanel("decision"),
        FieldRowPanel([FieldPanel("responsible"), FieldPanel("deadline")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("decision_state"), FieldPanel("done_on")]),
                LaterDecisionPanel("changed_by"),
                PageChooserPanel("action_item", page_type="avp_wagtail.ActionItemPage"),
            ],
            heading=_("Follow-up of the decision"),
            help_text=_(
                "Come back after the meeting: mark the decision done, or changed by a "
                "decision of a later meeting (D3, I1)."
            ),
        ),
    ]
    api_fields = [
        APIField("title"),
        APIField("discussion"),
        APIField("arguments_for"),
        APIField("arguments_against"),
        APIField("decision"),
        APIField("responsible"),
        APIField("deadline"),
        APIField("decision_state"),
        APIField("done_on"),
        APIField("changed_by"),
        APIField("action_item"),
    ]
    # The follow-up is a fact, the same in every language. The two links are copied as they
    # are (to the source-language point and action); pages show them in the reader's
    # language where a translation exists (``avp_wagtail.tracking.decisions``). Re-pointing
    # them on sync (``references``) would stop the meeting's translation from syncing while
    # the linked action or later meeting is not translated.
    override_translatable_fields = texts(
        "title", "discussion", "arguments_for", "arguments_against", "decision", "responsible"
    ) + facts("deadline", "decision_state", "done_on", "changed_by", "action_item")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if not self.decision_state:
            self.decision_state = DecisionState.OPEN
        if self.decision_state == DecisionState.DONE and self.done_on is None:
            self.done_on = timezone.localdate()
        if self.decision_state == DecisionState.CHANGED and self.changed_by_id is None:
            raise ValidationError(
                {"changed_by": _("Choose the later decision that changed this one.")}
            )
        if self.changed_by_id is not None:
            if self.decision_state != DecisionState.CHANGED:
                raise ValidationError(
                    {
                        "decision_state": _(
                            "A decision with a later decision that changed it must be in the "
                            "state: changed by a later decision."
                        )
                    }
                )
            later = self.changed_by
            meeting = self.page if self.page_id or "page" in self._state.fields_cache else None
            later_start = later.page.start if later is not None else None
            meeting_start = meeting.start if meeting is not None else None
            if later_start is None or meeting_start is None or later_start <= meeting_start:
                raise ValidationError(
                    {
                        "changed_by": _(
                            "The decision that changed this one must be from a later meeting "
                            "than this one."
                        )
                    }
                )
            # The editor is offered the programme's meetings only (LaterDecisionPanel); a
            # posted id of another programme (or site) is refused. A new meeting has no
            # place in the tree yet: its form offers its programme's points only.
            if meeting is not None and meeting.path and later is not None:
                steplen = Page.steplen
                if later.page.path[:-steplen] != meeting.path[:-steplen]:
                    raise ValidationError(
                        {
                            "changed_by": _(
                                "The decision that changed this one must be from a meeting "
                                "of the same programme."
                            )
                        }
                    )
        if self.done_on and self.decision_state != DecisionState.DONE:
            raise ValidationError(
                {"done_on": _("Only a decision that is done has a date it was done.")}
            )
        # The chooser offers the editor's own site; a posted id of another municipality's
        # action (its public change history, its contact person's reminders) is refused.
        meeting = self.page if self.page_id or "page" in self._state.fields_cache else None
        if self.action_item_id is not None and meeting is not None and meeting.path:
            site_root = meeting.path[: 2 * Page.steplen]
            action = self.action_item
            if action is not None and not action.path.startswith(site_root):
                raise ValidationError(
                    {"action_item": _("Choose an action of this municipality's plans.")}
                )
        if self.done_on and self.done_on > timezone.localdate():
            raise ValidationError({"done_on": _("A decision cannot be done in the future.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.decision_state:
            self.decision_state = DecisionState.OPEN
        if self.decision_state == DecisionState.DONE and self.done_on is None:
            self.done_on = timezone.localdate()
        super().save(*args, **kwargs)

    def is_overdue_on(self, today: datetime.date) -> bool:
        return bool(
            self.decision_state == DecisionState.OPEN and self.deadline and self.deadline < today
        )

    @property
    def is_overdue(self) -> bool:
        """Open, with its deadline passed: computed, never stored."""
        return self.is_overdue_on(timezone.localdate())

    @property
    def is_done(self) -> bool:
        return self.decision_state == DecisionState.DONE

    @property
    def is_changed(self) -> bool:
        return self.decision_state == DecisionState.CHANGED

    @property
    def has_decision(self) -> bool:
        """A point with a decision, or with someone responsible or a deadline (something
        to follow up)."""
        return bool(
            self.responsible or self.deadline or self.action_item_id or _has_text(self.decision)
        )
