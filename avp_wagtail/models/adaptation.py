"""Where a borrowed action came from (I3: municipalities borrow each other's good ideas)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class AdaptedFromMixin(models.Model):
    """Fields that keep a visible "adapted from" attribution on a copied action."""

    adapted_from_title = models.CharField(
        _("original action"),
        max_length=255,
        blank=True,
        help_text=_("Title of the action this one was adapted from, if borrowed."),
    )
    adapted_from_municipality = models.CharField(
        _("original municipality"),
        max_length=255,
        blank=True,
        help_text=_("The municipality whose action this one was adapted from."),
    )
    adapted_from_plan = models.CharField(
        _("original plan"),
        max_length=255,
        blank=True,
        help_text=_("The action plan the original action belongs to."),
    )
    adapted_from_url = models.URLField(
        _("link to the original"),
        max_length=500,
        blank=True,
        help_text=_("Public address of the original action."),
    )
    source_id = models.CharField(
        _("original id"),
        max_length=64,
        blank=True,
        help_text=_(
            "Id of the original action in its open data export; a CSV import row with this "
            "id updates this action."
        ),
    )

    adaptation_panels = [
        MultiFieldPanel(
            [
                FieldPanel("adapted_from_title"),
                FieldPanel("adapted_from_municipality"),
                FieldPanel("adapted_from_plan"),
                FieldPanel("adapted_from_url"),
                FieldPanel("source_id", read_only=True),
            ],
            heading=_("Adapted from (I3)"),
            classname="collapsed",
        )
    ]
    adaptation_fields = (
        "adapted_from_title",
        "adapted_from_municipality",
        "adapted_from_plan",
        "adapted_from_url",
        "source_id",
    )

    class Meta:
        abstract = True

    def adapted_from(self) -> dict[str, str] | None:
        """The attribution as a dict, or None when the action is the municipality's own."""
        if not (self.adapted_from_title or self.adapted_from_url):
            return None
        return {
            "title": self.adapted_from_title,
            "municipality": self.adapted_from_municipality,
            "plan": self.adapted_from_plan,
            "url": self.adapted_from_url,
        }
