"""Residents who follow one action item by e-mail and get each new progress update (I2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemFollower(models.Model):
    """A confirmed follower (double opt-in: stored only once the e-mailed link was opened)."""

    page = models.ForeignKey(
        "avp_wagtail.ActionItemPage",
        verbose_name=_("action item"),
        on_delete=models.CASCADE,
        related_name="followers",
        help_text=_("The item in the language the resident follows it in."),
    )
    email = models.EmailField(_("e-mail address"))
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follower of an action item")
        verbose_name_plural = _("followers of action items")
        constraints = [
            models.UniqueConstraint(fields=["page", "email"], name="avp_one_follow_per_address")
        ]

    def __str__(self) -> str:
        return f"{self.page_id}: {self.email}"
