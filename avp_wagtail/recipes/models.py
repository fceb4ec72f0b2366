"""A manual tick on a programme's checklist: for a recommendation the data cannot show
(C4: "we held an open meeting with a neutral facilitator"), the coordinator marks it done,
with a note."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from avp_wagtail.recipes.catalogue import ids


class ChecklistTick(models.Model):
    programme = models.ForeignKey(
        "avp_wagtail.OpenGovernmentPage",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    recommendation = models.CharField(
        _("recommendation"), max_length=4, choices=[(rid, rid) for rid in ids()]
    )
    done = models.BooleanField(_("done"), default=False)
    note = models.TextField(
        _("note"), blank=True, help_text=_("What was done, when and with whom.")
    )
    ticked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ticked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("checklist tick")
        verbose_name_plural = _("checklist ticks")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "recommendation"], name="avp_recipes_one_tick"
            )
        ]

    def __str__(self) -> str:
        return f"{self.recommendation} – {self.programme_id}"
