"""OpenGovernmentPage: the programme's home on the municipality site (C1, C5, C6, C8)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from avp_wagtail.conf import get_setting
from avp_wagtail.core.choices import ProgrammePhase
from avp_wagtail.core.plugins import PluggableRoutesMixin
from avp_wagtail.core.visibility import visible
from avp_wagtail.models.call import CallToParticipatePage
from avp_wagtail.models.meeting_protocol import MeetingProtocolPage
from avp_wagtail.models.mixins import AvpPageMixin
from avp_wagtail.models.organisations import PageContactPerson
from avp_wagtail.models.plan import ActionPlanPage
from avp_wagtail.models.translation_fields import PAGE_TEXTS, documents, facts, references, texts


class OpenGovernmentPage(PluggableRoutesMixin, AvpPageMixin, Page):
    intro = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_("What open government means for this municipality, in a few sentences (C1)."),
    )
    common_goal = models.TextField(
        _("common goal"),
        help_text=_(
            "The goal the municipality and the community share. It is repeated on every "
            "meeting page (C5)."
        ),
    )
    principles = RichTextField(
        _("AVP KOV principles"),
        blank=True,
        help_text=_("The principles of the open government partnership (C1, C8)."),
    )
    benefits = RichTextField(
        _("benefits of taking part"),
        blank=True,
        help_text=_("What NGOs and residents gain from taking part (C6)."),
    )
    current_phase = models.CharField(
        _("current phase"),
        max_length=32,
        choices=ProgrammePhase.choices,
        default=ProgrammePhase.MAKING_CONTACT,
        help_text=_("Where the process stands now."),
    )
    network_url = models.URLField(
        _("national AVP KOV network"),
        blank=True,
        help_text=_("Link to the national AVP KOV network, which residents can also join (I3)."),
    )
    in_network = models.BooleanField(
        _("list on network pages"),
        default=False,
        help_text=_(
            "Let network pages of this installation list this programme's plans and actions, "
            "so that other municipalities can find ideas to borrow (I3)."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("common_goal"),
        FieldPanel("current_phase"),
        FieldPanel("principles"),
        FieldPanel("benefits"),
        MultiFieldPanel(
            [
                InlinePanel("contact_people", label=_("Contact people")),
                FieldPanel("network_url"),
                FieldPanel("in_network"),
            ],
            heading=_("Contacts and network"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("common_goal"),
        index.SearchField("principles"),
        index.FilterField("current_phase"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("common_goal"),
        APIField("principles"),
        APIField("benefits"),
        APIField("current_phase"),
        APIField("network_url"),
        APIField("contact_people"),
        APIField("in_network"),
    ]

    override_translatable_fields = (
        PAGE_TEXTS
        + texts("intro", "common_goal", "principles", "benefits")
        + facts("current_phase", "in_network")
        + documents("network_url")
        + references("contact_people")
    )

    subpage_types = [
        "avp_wagtail.CallToParticipatePage",
        "avp_wagtail.ActionPlanPage",
        "avp_wagtail.MeetingProtocolPage",
        "avp_wagtail.NetworkPage",
    ]
    template = "avp_wagtail/open_government_page.html"

    class Meta:
        verbose_name = _("open government programme page")
        verbose_name_plural = _("open government programme pages")

    def get_structured_data(
        self, common: dict[str, Any], publisher: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        """A schema.org WebPage about the municipality."""
        return {**common, "@type": "WebPage", "about": publisher, "publisher": publisher}

    def add_page_context(self, request: HttpRequest, context: dict[str, Any]) -> None:
        super().add_page_context(request, context)
        today = timezone.localdate()
        now = timezone.now()
        # Only what the visitor may see (live, not restricted: avp_wagtail.core.visibility).
        context["open_calls"] = (
            visible(CallToParticipatePage.objects.child_of(self), request)
            .filter(models.Q(deadline__isnull=True) | models.Q(deadline__gte=today))
            .order_by("deadline", "path")
        )
        plans = list(
            visible(ActionPlanPage.objects.child_of(self), request).order_by("-start_date", "path")
        )
        context["plans"] = plans
        meetings = visible(MeetingProtocolPage.objects.child_of(self), request).select_related(
            "organiser"
        )
        context["upcoming_meetings"] = meetings.filter(start__gte=now).order_by("start")
        context["recent_meetings"] = meetings.filter(start__lt=now).order_by("-start")[
            : get_setting("RECENT_MEETINGS")
        ]
        context["contacts"] = self.contact_people.select_related("person__organisation")


class ProgrammeContactPerson(PageContactPerson):
    page = ParentalKey(OpenGovernmentPage, related_name="contact_people", on_delete=models.CASCADE)
