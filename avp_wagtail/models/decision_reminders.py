"""Which reminders about overdue decisions were sent, so a daily cron run never repeats one
within its period (``avp_wagtail.tracking.reminders``, D3, I1)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionReminderLog(models.Model):
    decision = models.ForeignKey(
        "avp_wagtail.AgendaItem",
        verbose_name=_("decision"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The agenda item whose overdue decision was reminded of."),
    )
    period = models.PositiveIntegerField(
        _("period"), help_text=_("Number of the reminder period (days since 1.1.1 / period).")
    )
    recipient = models.EmailField(_("recipient"), help_text=_("Who the reminder went to."))
    sent_at = models.DateTimeField(
        _("sent at"), auto_now_add=True, help_text=_("When the reminder was sent.")
    )

    class Meta:
        verbose_name = _("decision reminder sent")
        verbose_name_plural = _("decision reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "period"], name="avp_one_decision_reminder_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.decision_id} ({self.period})"
