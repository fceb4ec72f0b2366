"""Which reminders were sent, so a daily cron run never repeats one within its period."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderLog(models.Model):
    class Kind(models.TextChoices):
        OVERDUE = "overdue", _("Overdue milestones")
        STALE = "stale", _("No recent update")

    page = models.ForeignKey(
        "avp_wagtail.ActionItemPage",
        verbose_name=_("action item"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    period = models.PositiveIntegerField(
        _("period"), help_text=_("Number of the reminder period (days since 1.1.1 / period).")
    )
    recipient = models.EmailField(_("recipient"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "kind", "period"], name="avp_one_reminder_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.page_id} ({self.period})"
