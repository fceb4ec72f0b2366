"""MeetingProtocolPage: a meeting announcement that becomes its protocol (C4, C5, C7, D3, I1).

The arguments for and against each decision, and how it turned out, live on its agenda
points (``agenda_items.AgendaItem``; D3: leave a trail of the reasoning behind every
decision).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from avp_wagtail.core.choices import MeetingKind
from avp_wagtail.core.plugins import PluggableRoutesMixin
from avp_wagtail.core.visibility import visible
from avp_wagtail.models.action_item import ActionItemPage
from avp_wagtail.models.commenting import CommentablePageMixin
from avp_wagtail.models.decision_lists import meeting_agenda

# Registers the model (it has no other importer among the models).
from avp_wagtail.models.decision_reminders import DecisionReminderLog  # noqa: F401
from avp_wagtail.models.mixins import AvpPageMixin
from avp_wagtail.models.organisations import Organisation
from avp_wagtail.models.page_forms import MeetingProtocolPageForm, monitored_plan_error
from avp_wagtail.models.signups import MeetingSignupSettings
from avp_wagtail.models.translation_fields import PAGE_TEXTS, facts, references, texts


class MeetingProtocolPage(
    PluggableRoutesMixin, AvpPageMixin, CommentablePageMixin, MeetingSignupSettings, Page
):
    start = models.DateTimeField(_("start"), help_text=_("Date and time the meeting starts."))
    end = models.DateTimeField(
        _("end"), null=True, blank=True, help_text=_("Date and time the meeting ends, if known.")
    )
    location = models.CharField(
        _("place"),
        max_length=255,
        blank=True,
        help_text=_("Address or room. Try new meeting places to build trust (C4)."),
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Link for joining online, if any.")
    )
    kind = models.CharField(
        _("meeting kind"),
        max_length=32,
        choices=MeetingKind.choices,
        default=MeetingKind.OPEN_MEETING,
        help_text=_("What kind of meeting this is (C4)."),
    )
    monitored_plan = models.ForeignKey(
        "avp_wagtail.ActionPlanPage",
        verbose_name=_("action plan monitored"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="monitoring_meetings",
        help_text=_(
            "For a monitoring meeting: the action plan whose progress it reviews. Required "
            "for monitoring meetings once the programme has an action plan; the plan shows "
            "it as its next monitoring meeting."
        ),
    )
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_meetings",
        help_text=_("Who calls the meeting."),
    )
    facilitator = models.CharField(
        _("facilitator or mediator"),
        max_length=255,
        blank=True,
        help_text=_("Who leads the discussion; a neutral mediator can help rebuild trust (C4)."),
    )
    outside_speakers = models.TextField(
        _("outside speakers"),
        blank=True,
        help_text=_("Guests who speak on the topic, one per line (C4)."),
    )
    attendee_count = models.PositiveIntegerField(
        _("number of attendees"),
        null=True,
        blank=True,
        help_text=_("How many people took part. Leave empty before the meeting."),
    )
    summary = models.TextField(
        _("public summary"),
        blank=True,
        help_text=_("A short summary for the public, also shown on calls to participate (C7)."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location"),
                FieldPanel("online_url"),
                FieldPanel("kind"),
                PageChooserPanel("monitored_plan", page_type="avp_wagtail.ActionPlanPage"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("facilitator"),
                FieldPanel("outside_speakers"),
                InlinePanel("attending_organisations", label=_("Attending organisations")),
                FieldPanel("attendee_count"),
            ],
            heading=_("People"),
        ),
        FieldPanel("summary"),
        InlinePanel("agenda_items", label=_("Agenda items")),
        InlinePanel("discussed_items", label=_("Action items discussed")),
        InlinePanel("attachments", label=_("Attachments")),
        *MeetingSignupSettings.signup_panels,
    ]
    settings_panels = Page.settings_panels + CommentablePageMixin.comment_panels
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("location"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("location"),
        APIField("online_url"),
        APIField("kind"),
        APIField("monitored_plan"),
        APIField("organiser"),
        APIField("facilitator"),
        APIField("outside_speakers"),
        APIField("attending_organisations"),
        APIField("attendee_count"),
        APIField("summary"),
        APIField("agenda_items"),
        APIField("discussed_items"),
        APIField("attachments"),
    ]

    override_translatable_fields = (
        CommentablePageMixin.comment_translation_fields
        + PAGE_TEXTS
        + texts("location", "facilitator", "outside_speakers", "summary", "agenda_items")
        + facts(
            "start",
            "end",
            "online_url",
            "kind",
            # The link stays on the source-language plan in translations: monitoring
            # matches it on the plan's translation key.
            "monitored_plan",
            "attendee_count",
            "discussed_items",
            "attachments",
            *MeetingSignupSettings.signup_translation_facts,
        )
        + references("organiser", "attending_organisations")
    )

    parent_page_types = ["avp_wagtail.OpenGovernmentPage"]
    subpage_types: list[str] = []
    template = "avp_wagtail/meeting_protocol_page.html"
    base_form_class = MeetingProtocolPageForm

    class Meta:
        verbose_name = _("meeting protocol")
        verbose_name_plural = _("meeting protocols")

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The meeting cannot end before it starts.")})
        signup_errors = self.clean_signup_settings()
        if signup_errors:
            raise ValidationError(signup_errors)
        # A monitoring meeting names its plan. A new page has no place in the tree yet:
        # its form checks with the parent page (and that the plan is the programme's).
        if self.kind == MeetingKind.MONITORING and self.monitored_plan_id is None:
            programme = self.get_parent() if self.path and self.depth else None
            error = monitored_plan_error(self.kind, None, programme)
            if error:
                raise ValidationError({"monitored_plan": error})

    @property
    def is_upcoming(self) -> bool:
        """A future meeting is shown as an announcement, a past one as its protocol."""
        return self.start >= timezone.now()

    def get_discussed_items(self, request: HttpRequest | None = None) -> list[Any]:
        """The action items discussed that the visitor may see (avp_wagtail.core.visibility),
        each in this page's language when translated."""
        # Read the links in Python: in a preview they are modelcluster's in-memory rows,
        # which cannot serve as a subquery (.values() there gives dicts, not keys).
        item_ids = {link.item_id for link in self.discussed_items.all() if link.item_id}
        keys = ActionItemPage.objects.filter(pk__in=item_ids).values("translation_key")
        candidates = visible(ActionItemPage.objects.filter(translation_key__in=keys), request)
        chosen: dict[Any, Any] = {}
        for item in candidates.order_by("path"):
            if item.translation_key not in chosen or item.locale_id == self.locale_id:
                chosen[item.translation_key] = item
        return list(chosen.values())

    @property
    def speakers_list(self) -> list[str]:
        return [line.strip() for line in self.outside_speakers.splitlines() if line.strip()]

    def get_structured_data(
        self, common: dict[str, Any], publisher: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        """A schema.org Event: when, where (place and/or online), who organises it."""
        locations = []
        if self.location:
            locations.append({"@type": "Place", "name": self.location, "address": self.location})
        if self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        if self.location and self.online_url:
            mode = "MixedEventAttendanceMode"
        elif self.online_url:
            mode = "OnlineEventAttendanceMode"
        else:
            mode = "OfflineEventAttendanceMode"
        data = {
            **common,
            "@type": "Event",
            "startDate": self.start.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": f"https://schema.org/{mode}",
        }
        if self.end:
            data["endDate"] = self.end.isoformat()
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        organiser = self.organiser
        if organiser is not None:
            data["organizer"] = {"@type": "Organization", "name": organiser.name}
            if organiser.website:
                data["organizer"]["url"] = organiser.website
        elif publisher:
            data["organizer"] = publisher
        return data

    def add_page_context(self, request: HttpRequest, context: dict[str, Any]) -> None:
        super().add_page_context(request, context)
        context["common_goal"] = self.get_common_goal()
        context["agenda"] = meeting_agenda(self, request)
        context["attending"] = self.attending_organisations.select_related("organisation")
        context["discussed"] = self.get_discussed_items(request)
        context["attachments"] = self.attachments.select_related("document")


class MeetingAttendingOrganisation(TranslatableMixin, Orderable):
    page = ParentalKey(
        MeetingProtocolPage, related_name="attending_organisations", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("An organisation represented at the meeting."),
    )

    panels = [FieldPanel("organisation")]
    api_fields = [APIField("organisation")]
    override_translatable_fields = references("organisation")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("attending organisation")
        verbose_name_plural = _("attending organisations")


class MeetingDiscussedItem(Orderable):
    """Links a meeting to an action item it discussed; the item lists the meeting back."""

    page = ParentalKey(
        MeetingProtocolPage, related_name="discussed_items", on_delete=models.CASCADE
    )
    item = models.ForeignKey(
        "avp_wagtail.ActionItemPage",
        verbose_name=_("action item"),
        on_delete=models.CASCADE,
        related_name="discussed_in_meetings",
        help_text=_("An action item discussed at this meeting."),
    )

    panels = [PageChooserPanel("item", page_type="avp_wagtail.ActionItemPage")]
    api_fields = [APIField("item")]

    class Meta(Orderable.Meta):
        verbose_name = _("action item discussed")
        verbose_name_plural = _("action items discussed")


class MeetingAttachment(Orderable):
    page = ParentalKey(MeetingProtocolPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("E.g. slides, the signed protocol or a handout."),
    )

    panels = [FieldPanel("document")]
    api_fields = [APIField("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
