"""Approval by participants (D2, D3): a Wagtail workflow task, its task state (one round
of approval of one submitted revision), the participants it was sent to and their
amendments per agenda item."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from avp_wagtail.models import ContactPerson


def new_key() -> str:
    return secrets.token_hex(16)


class AmendmentState(models.TextChoices):
    PROPOSED = "proposed", _("Awaiting a decision")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class ParticipantApprovalTaskState(TaskState):
    """One round of approval: the revision submitted (``revision``) sent to participants
    with a deadline. Approved when the editor has decided on every amendment."""

    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message to the participants"), blank=True)

    class Meta:
        verbose_name = _("approval by participants")
        verbose_name_plural = _("approvals by participants")

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.page_id is None and self.workflow_state_id is not None:  # type: ignore[has-type]
            obj = self.workflow_state.content_object
            if isinstance(obj, Page):
                self.page_id = obj.pk
        super().save(*args, **kwargs)

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None

    def undecided(self) -> models.QuerySet[Amendment]:
        return Amendment.objects.filter(participant__task_state=self, state=AmendmentState.PROPOSED)

    def is_ready(self) -> bool:
        """Sent, and every amendment has a decision: the editor may approve the task."""
        return self.is_sent and not self.undecided().exists()

    def get_admin_url(self) -> str:
        return reverse("avp_approvals_review", args=[self.pk])


class ParticipantApprovalTask(Task):
    """A workflow step: the participants of the meeting (or the plan's drafters) approve
    the submitted draft, or propose amendments per agenda item, through a signed link
    sent by e-mail; the editor accepts or declines each amendment (D2, D3)."""

    days_to_answer = models.PositiveSmallIntegerField(
        _("days to answer"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("The deadline offered when the draft is sent to the participants."),
    )

    admin_form_fields = Task.admin_form_fields + ["days_to_answer"]
    task_state_class = ParticipantApprovalTaskState

    class Meta:
        verbose_name = _("approval by participants")
        verbose_name_plural = _("approvals by participants")

    @classmethod
    def get_description(cls) -> str:
        return _(  # type: ignore[return-value]
            "The participants approve the draft or propose amendments through a link sent "
            "by e-mail; an editor decides on each amendment (D2, D3)."
        )

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, str, bool]]:
        from avp_wagtail.approvals.permissions import can_publish, can_review

        if not isinstance(obj, Page) or not can_review(user, obj):
            return []
        actions = [("avp_participants", str(_("Approval by participants")), False)]
        if can_publish(user, obj):
            state = self.current_state(obj)
            if state is not None and state.is_ready():
                actions.append(("approve", str(_("Approve")), False))
            actions.append(("reject", str(_("Request changes")), True))
        return actions

    def current_state(self, obj: Any) -> ParticipantApprovalTaskState | None:
        return (
            ParticipantApprovalTaskState.objects.filter(
                task=self, page_id=obj.pk, status=TaskState.STATUS_IN_PROGRESS
            )
            .order_by("-pk")
            .first()
        )

    def on_action(self, task_state: Any, user: Any, action_name: str, **kwargs: Any) -> Any:
        if action_name == "avp_participants":
            return reverse("avp_approvals_review", args=[task_state.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user: Any, **kwargs: Any) -> Any:
        from avp_wagtail.approvals.permissions import can_publish

        states = ParticipantApprovalTaskState.objects.filter(
            task=self, status=TaskState.STATUS_IN_PROGRESS
        ).select_related("page")
        ids = [s.pk for s in states if s.page is not None and can_publish(user, s.page)]
        return TaskState.objects.filter(pk__in=ids)


class Participant(models.Model):
    """A contact person the draft was sent to. Name and organisation are copied when it is
    sent (the protocol's record); the e-mail address follows retention."""

    task_state = models.ForeignKey(
        ParticipantApprovalTaskState,
        verbose_name=_("approval"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    person = models.ForeignKey(
        ContactPerson,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=255, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=16, blank=True)
    key = models.CharField(max_length=64, default=new_key, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name or self.organisation

    @property
    def public_label(self) -> str:
        """What the published page may say about this participant: the person's name only
        if their contact details are public, else their organisation (never e-mails)."""
        person = self.person
        if person is not None and person.show_contact_details and self.name:
            if self.organisation:
                return f"{self.name} ({self.organisation})"
            return self.name
        return self.organisation


class Amendment(models.Model):
    """A participant's proposed change to one agenda item (or part of a plan) of the
    submitted draft, with their reason; the editor accepts or declines it."""

    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="amendments",
    )
    item_key = models.CharField(_("part"), max_length=64)
    item_title = models.CharField(_("agenda item"), max_length=255)
    text = models.TextField(_("proposed text"))
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    state = models.CharField(
        _("decision"),
        max_length=16,
        choices=AmendmentState.choices,
        default=AmendmentState.PROPOSED,
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.item_title
