"""Snippets: the organisations and people who take part in the process (D2, D5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from avp_wagtail.core.choices import OrganisationKind
from avp_wagtail.models.translation_fields import facts, references, texts


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A municipality, council, unit, NGO or company that carries out or attends."""

    name = models.CharField(_("name"), max_length=255, help_text=_("Full public name."))
    kind = models.CharField(
        _("kind"),
        max_length=32,
        choices=OrganisationKind.choices,
        default=OrganisationKind.NGO,
        help_text=_("What kind of organisation this is."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Public website address, if any.")
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("General public e-mail address, if any.")
    )
    description = models.TextField(
        _("short description"),
        blank=True,
        help_text=_("One or two sentences on what the organisation does."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("email"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        APIField("name"),
        APIField("kind"),
        APIField("website"),
        APIField("email"),
        APIField("description"),
    ]
    override_translatable_fields = texts("name", "description") + facts("kind", "website", "email")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ContactPerson(TranslatableMixin, index.Indexed, models.Model):
    """A person residents can contact. Details are private unless the editor opts in."""

    name = models.CharField(_("name"), max_length=255, help_text=_("Full name."))
    role = models.CharField(
        _("role"),
        max_length=255,
        blank=True,
        help_text=_("Position or role in the process, e.g. 'community cooperation specialist'."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_people",
        help_text=_("Organisation this person represents."),
    )
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("Used for notifications; shown publicly only if allowed below."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=64,
        blank=True,
        help_text=_("Shown publicly only if allowed below."),
    )
    show_contact_details = models.BooleanField(
        _("show contact details publicly"),
        default=False,
        help_text=_(
            "Only tick this with the person's consent: their e-mail and phone then "
            "appear on public pages."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("show_contact_details"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.FilterField("organisation_id"),
        index.FilterField("locale_id"),
    ]
    api_fields = [APIField("name"), APIField("role"), APIField("organisation")]
    override_translatable_fields = (
        texts("role")
        + facts("name", "email", "phone", "show_contact_details")
        + references("organisation")
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["name"]

    def __str__(self) -> str:
        if self.role:
            return f"{self.name} ({self.role})"
        return self.name

    @property
    def public_email(self) -> str:
        return self.email if self.show_contact_details else ""

    @property
    def public_phone(self) -> str:
        return self.phone if self.show_contact_details else ""


class PageContactPerson(TranslatableMixin, Orderable):
    """Abstract ordered link from a page to a ContactPerson; subclasses add the ParentalKey."""

    person = models.ForeignKey(
        ContactPerson,
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Person residents can turn to."),
    )

    panels = [FieldPanel("person")]
    api_fields = [APIField("person")]
    override_translatable_fields = references("person")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
