"""CallToParticipatePage: the invitation to take part, with its built-in form (C1-C3, C6-C8)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from avp_wagtail.conf import get_setting
from avp_wagtail.core.cache_headers import cache_headers
from avp_wagtail.core.ratelimit import over_limit
from avp_wagtail.core.tasks import enqueue_after_commit, send_interest_notification_task
from avp_wagtail.core.visibility import visible
from avp_wagtail.models.commenting import CommentablePageMixin
from avp_wagtail.models.meeting_protocol import MeetingProtocolPage
from avp_wagtail.models.mixins import AvpPageMixin
from avp_wagtail.models.organisations import PageContactPerson
from avp_wagtail.models.translation_fields import PAGE_TEXTS, facts, references, texts


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Step"), help_text=_("A short action, e.g. 'Fill in the form'.")
    )
    description = blocks.TextBlock(
        label=_("Description"), required=False, help_text=_("What exactly happens in this step.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class CallToParticipatePage(AvpPageMixin, CommentablePageMixin, Page):
    what_is_avp = RichTextField(
        _("what AVP KOV is"),
        blank=True,
        help_text=_("A plain-language explanation of the open government partnership (C1, C8)."),
    )
    why_cooperate = RichTextField(
        _("why we want to cooperate"),
        help_text=_("Why the municipality (or NGO) invites others to work together (C3)."),
    )
    contribution_expected = RichTextField(
        _("contribution expected"),
        blank=True,
        help_text=_("What is expected from NGOs and residents who join (C1)."),
    )
    steps = StreamField(
        [("step", StepBlock())],
        verbose_name=_("how to take part"),
        blank=True,
        help_text=_("The steps a newcomer takes, in order (C3)."),
    )
    long_term_goal = RichTextField(
        _("long-term goal"),
        blank=True,
        help_text=_("E.g. making local governance more open and transparent (C1)."),
    )
    benefits = RichTextField(
        _("benefits"), blank=True, help_text=_("What taking part gives the participants (C6).")
    )
    target_groups = RichTextField(
        _("target groups"),
        blank=True,
        help_text=_(
            "Who this call is for: NGOs, village societies, youth, businesses... (C2, D1)."
        ),
    )
    deadline = models.DateField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_(
            "Last day to express interest. After it the form is replaced by a 'closed' "
            "message. Leave empty for a call without a deadline."
        ),
    )
    thank_you_text = RichTextField(
        _("thank-you message"),
        blank=True,
        help_text=_("Shown after a successful submission. A default text is used if empty."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("what_is_avp"),
        FieldPanel("why_cooperate"),
        FieldPanel("contribution_expected"),
        FieldPanel("steps"),
        FieldPanel("long_term_goal"),
        FieldPanel("benefits"),
        FieldPanel("target_groups"),
        InlinePanel("contact_people", label=_("Contact people")),
        MultiFieldPanel(
            [
                FieldPanel("deadline"),
                InlinePanel("interest_themes", label=_("Themes of interest")),
                FieldPanel("thank_you_text"),
            ],
            heading=_("Expression-of-interest form"),
        ),
    ]
    settings_panels = Page.settings_panels + CommentablePageMixin.comment_panels
    search_fields = Page.search_fields + [
        index.SearchField("why_cooperate"),
        index.SearchField("contribution_expected"),
        index.SearchField("target_groups"),
        index.FilterField("deadline"),
    ]
    api_fields = [
        APIField("what_is_avp"),
        APIField("why_cooperate"),
        APIField("contribution_expected"),
        APIField("steps"),
        APIField("long_term_goal"),
        APIField("benefits"),
        APIField("target_groups"),
        APIField("deadline"),
        APIField("contact_people"),
        APIField("interest_themes"),
    ]

    override_translatable_fields = (
        CommentablePageMixin.comment_translation_fields
        + PAGE_TEXTS
        + texts(
            "what_is_avp",
            "why_cooperate",
            "contribution_expected",
            "steps",
            "long_term_goal",
            "benefits",
            "target_groups",
            "thank_you_text",
            "interest_themes",
        )
        + facts("deadline")
        + references("contact_people")
    )

    parent_page_types = ["avp_wagtail.OpenGovernmentPage"]
    subpage_types: list[str] = []
    template = "avp_wagtail/call_to_participate_page.html"

    class Meta:
        verbose_name = _("call to participate")
        verbose_name_plural = _("calls to participate")

    @property
    def is_open(self) -> bool:
        return self.deadline is None or timezone.localdate() <= self.deadline

    def get_form(self, data: Any = None) -> Any:
        """The expression-of-interest form: ``AVP_WAGTAIL[\"INTEREST_FORM\"]`` (a dotted path, so
        a host site can extend it), built for this call."""
        return import_string(get_setting("INTEREST_FORM"))(data=data, call=self)

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = None
        status = 200
        notice = None
        if self.is_open and request.method == "POST":
            form = self.get_form(request.POST)
            if form.is_valid():
                if self._over_rate_limit(request, form.cleaned_data["email"]):
                    # Nothing stored or mailed; the form comes back as typed.
                    status = 429
                    notice = gettext(
                        "Several expressions of interest have been sent from here or for "
                        "this e-mail address in a short time. Please wait a while and send "
                        "again; what you typed is kept below."
                    )
                else:
                    submission = form.save()
                    # Sent by a background task (ids only), after the row is committed.
                    enqueue_after_commit(
                        send_interest_notification_task, submission.pk, get_language()
                    )
                    redirect = HttpResponseRedirect(
                        self.get_url(request) + "?submitted=1#interest-form"
                    )
                    return cache_headers(self, request, redirect)
        context = self.get_context(request, *args, **kwargs)
        if form is not None:
            context["form"] = form  # the resident's input with its errors
        context["interest_error_notice"] = notice
        context["submitted"] = request.GET.get("submitted") == "1" and request.method == "GET"
        response = TemplateResponse(
            request, self.get_template(request, *args, **kwargs), context, status=status
        )
        return cache_headers(self, request, response)

    @staticmethod
    def _over_rate_limit(request: HttpRequest, email: str | None) -> bool:
        """Per network and per e-mail address (``INTEREST_RATE_*`` settings)."""
        return over_limit(
            request,
            "avp_interest",
            get_setting("INTEREST_RATE_LIMIT"),
            get_setting("INTEREST_RATE_PERIOD"),
            trusted_networks=get_setting("RATE_TRUSTED_NETWORKS"),
            email=email,
            email_limit=get_setting("INTEREST_RATE_ADDRESS_LIMIT"),
        )

    def add_page_context(self, request: HttpRequest, context: dict[str, Any]) -> None:
        super().add_page_context(request, context)
        # An empty interest form (serve() swaps in the posted one); also shown when the page is
        # rendered again for a rejected comment.
        context["form"] = self.get_form() if self.is_open else None
        context["contacts"] = self.contact_people.select_related("person__organisation")
        # C7: late-comers see what the process has done so far.
        # Only meetings the visitor may see (avp_wagtail.core.visibility).
        meetings = visible(MeetingProtocolPage.objects.sibling_of(self), request)
        context["meeting_summaries"] = meetings.filter(start__lt=timezone.now()).order_by("-start")[
            : get_setting("CALL_MEETING_SUMMARIES")
        ]
        # C4: the next meeting of the programme, with its sign-up if it takes them.
        context["next_meeting"] = (
            meetings.filter(start__gte=timezone.now()).order_by("start").first()
        )

    def notification_recipients(self) -> list[str]:
        emails = [
            link.person.email
            for link in self.contact_people.select_related("person")
            if link.person.email
        ]
        return emails or list(get_setting("INTEREST_NOTIFICATION_FALLBACK"))


class CallContactPerson(PageContactPerson):
    page = ParentalKey(
        CallToParticipatePage, related_name="contact_people", on_delete=models.CASCADE
    )


class CallInterestTheme(TranslatableMixin, Orderable):
    """A theme residents can tick in the expression-of-interest form."""

    page = ParentalKey(
        CallToParticipatePage, related_name="interest_themes", on_delete=models.CASCADE
    )
    title = models.CharField(
        _("title"), max_length=255, help_text=_("E.g. 'Youth participation' or 'Open budget'.")
    )

    panels = [FieldPanel("title")]
    api_fields = [APIField("title")]
    override_translatable_fields = texts("title")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("theme of interest")
        verbose_name_plural = _("themes of interest")

    def __str__(self) -> str:
        return self.title
