"""Sign-up for an announced meeting (C4: meet in the open, and know who is coming).

``MeetingSignupSettings`` holds the fields of a meeting page that open and bound its sign-up
(capacity, deadline, which questions to ask); ``MeetingSignup`` is one resident's sign-up.
A meeting's translations share one list: sign-ups are counted over the meeting's
translation group (``translation_key``), whatever language they were made in. The public
page shows places left, never who signed up.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class InterpretationLanguage(models.TextChoices):
    ESTONIAN = "et", _("Estonian")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
    ESTONIAN_SIGN = "sign", _("Estonian Sign Language")
    OTHER = "other", _("Another language (say which under accessibility needs)")


class MeetingSignupSettings(models.Model):
    """The sign-up fields of a meeting page (``MeetingProtocolPage``)."""

    signup_open = models.BooleanField(
        _("take sign-ups"),
        default=False,
        help_text=_(
            "Show a sign-up form on the announced meeting (C4). It closes at the deadline, "
            "or when the meeting starts."
        ),
    )
    signup_capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_(
            "How many people fit. When they are taken, new sign-ups go on a waiting list and "
            "move up as others cancel. Leave empty for no limit."
        ),
    )
    signup_deadline = models.DateTimeField(
        _("sign-up deadline"),
        null=True,
        blank=True,
        help_text=_("Last moment to sign up. Leave empty to take sign-ups until the start."),
    )
    signup_ask_organisation = models.BooleanField(
        _("ask for the organisation"),
        default=True,
        help_text=_("Ask which organisation the person represents, if any."),
    )
    signup_ask_accessibility = models.BooleanField(
        _("ask about accessibility needs"),
        default=True,
        help_text=_("Ask what the person needs to take part (access, hearing loop, …)."),
    )
    signup_ask_interpretation = models.BooleanField(
        _("ask about interpretation"),
        default=False,
        help_text=_("Ask which language the person needs interpretation into."),
    )

    signup_panels = [
        MultiFieldPanel(
            [
                FieldPanel("signup_open"),
                FieldRowPanel([FieldPanel("signup_capacity"), FieldPanel("signup_deadline")]),
                FieldPanel("signup_ask_organisation"),
                FieldPanel("signup_ask_accessibility"),
                FieldPanel("signup_ask_interpretation"),
            ],
            heading=_("Sign-up"),
        )
    ]
    signup_translation_facts = (
        "signup_open",
        "signup_capacity",
        "signup_deadline",
        "signup_ask_organisation",
        "signup_ask_accessibility",
        "signup_ask_interpretation",
    )

    class Meta:
        abstract = True

    def signup_closes_at(self) -> datetime.datetime:
        start: datetime.datetime = self.start  # type: ignore[attr-defined]
        if self.signup_deadline is not None and self.signup_deadline < start:
            return self.signup_deadline
        return start

    def takes_signups(self, now: datetime.datetime | None = None) -> bool:
        """Whether the form is open now."""
        return self.signup_open and (now or timezone.now()) < self.signup_closes_at()

    def signups(self) -> models.QuerySet[MeetingSignup]:
        """The sign-ups of this meeting in every language."""
        return MeetingSignup.objects.filter(
            meeting__translation_key=self.translation_key  # type: ignore[attr-defined]
        )

    def group_capacity(self) -> int | None:
        """The places of the meeting in all its languages (None: no limit). The number is
        synchronised to the translations, but a translation not yet synchronised may
        differ: the smallest limit of this page and its live translations counts, so that
        no language version gives away a place another has not got."""
        others = (
            type(self)
            .objects.filter(translation_key=self.translation_key, live=True)  # type: ignore[attr-defined]
            .exclude(pk=self.pk)
            .values_list("signup_capacity", flat=True)
        )
        limits = [c for c in [self.signup_capacity, *others] if c is not None]
        return min(limits) if limits else None

    def places_left(self) -> int | None:
        """Free places (None: no limit), over the meeting's language versions."""
        capacity = self.group_capacity()
        if capacity is None:
            return None
        taken = self.signups().filter(state=MeetingSignup.State.CONFIRMED).count()
        return max(capacity - taken, 0)

    def clean_signup_settings(self) -> dict[str, Any]:
        """Field errors of the sign-up settings (for the page's ``clean``)."""
        errors: dict[str, Any] = {}
        start = getattr(self, "start", None)
        if self.signup_deadline and start and self.signup_deadline > start:
            errors["signup_deadline"] = _("The deadline must be before the meeting starts.")
        if self.signup_capacity == 0:
            errors["signup_capacity"] = _("Give at least one place, or leave it empty.")
        return errors


class MeetingSignup(models.Model):
    class State(models.TextChoices):
        CONFIRMED = "confirmed", _("Has a place")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    meeting = models.ForeignKey(
        "avp_wagtail.MeetingProtocolPage",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="signup_rows",
        help_text=_("The meeting page (in the language) the person signed up on."),
    )
    name = models.CharField(_("name"), max_length=255)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    accessibility_needs = models.TextField(
        _("accessibility needs"),
        blank=True,
        max_length=2000,
        help_text=_("What the person needs to take part."),
    )
    interpretation = models.CharField(
        _("interpretation into"),
        max_length=16,
        blank=True,
        choices=InterpretationLanguage.choices,
    )
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.CONFIRMED
    )
    language = models.CharField(
        _("language"),
        max_length=16,
        blank=True,
        help_text=_("The language of the page the person signed up on; e-mails are in it."),
    )
    consent = models.BooleanField(
        _("consent to store the data"),
        default=False,
        help_text=_("The person agreed that their data is stored for this meeting."),
    )
    created_at = models.DateTimeField(_("signed up at"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting sign-up")
        verbose_name_plural = _("meeting sign-ups")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.meeting})"
