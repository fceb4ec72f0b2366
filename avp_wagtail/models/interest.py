"""InterestSubmission: one expression of interest sent through a call's form."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InterestSubmission(models.Model):
    call = models.ForeignKey(
        "avp_wagtail.CallToParticipatePage",
        verbose_name=_("call to participate"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    name = models.CharField(_("name"), max_length=255)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    themes = models.JSONField(_("themes of interest"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)
    referrals = models.TextField(
        _("who else should we ask"),
        blank=True,
        max_length=2000,
        help_text=_("Organisations or people the sender suggests inviting too (C2)."),
    )
    consent = models.BooleanField(
        _("consent to store the data"),
        default=False,
        help_text=_("The person agreed that their data is stored for this process."),
    )
    language = models.CharField(_("language"), max_length=16, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-submitted_at"]
        # Not only expressions of interest: a resident's comments and follows too (the
        # admin's "Erase personal data", avp_wagtail.admin.erasure).
        permissions = [
            ("erase_personal_data", _("Can erase one person's personal data on request")),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.call})"

    @property
    def themes_display(self) -> str:
        return ", ".join(self.themes)
