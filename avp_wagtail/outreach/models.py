"""Whom the municipality wants to reach for a programme, and how that went (C2, C3, C9, C10).

An ``OutreachContact`` is one organisation, person, politician or event of others on a
programme's list: the Organisation / ContactPerson snippet when there is one, else a name
and an e-mail address typed in. It belongs to the municipality of its programme page
(``OUTREACH_SCOPE``). Each invitation e-mailed from the tracker is an
``OutreachInvitation`` on the contact (when, by whom, for which call).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avp_wagtail.outreach.choices import (
    Answer,
    Channel,
    ContactKind,
    InvitationLanguage,
    InvitationState,
)


class OutreachContactQuerySet(models.QuerySet):
    def of_programme(self, programme):
        """The contacts of ``programme`` and of its translations (one list per programme)."""
        return self.filter(programme__translation_key=programme.translation_key)


class OutreachContact(models.Model):
    class Source(models.TextChoices):
        ADMIN = "admin", _("Added in the admin")
        REFERRAL = "interest_form", _("Named in an expression of interest")

    programme = models.ForeignKey(
        "avp_wagtail.OpenGovernmentPage",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="outreach_contacts",
        help_text=_("The open-government programme this contact is invited to."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=ContactKind.choices,
        default=ContactKind.ORGANISATION,
        help_text=_(
            "An organisation, a local politician (C10), an event of others that the "
            "municipality attended (C9), or a person."
        ),
    )
    organisation = models.ForeignKey(
        "avp_wagtail.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation, when it is already among the organisations."),
    )
    person = models.ForeignKey(
        "avp_wagtail.ContactPerson",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person, when they are already among the contact people."),
    )
    name = models.CharField(
        _("name"),
        max_length=255,
        blank=True,
        help_text=_("The name of the organisation, person or event when it is not chosen above."),
    )
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_(
            "Where the invitation is sent when no contact person or organisation with an "
            "address is chosen."
        ),
    )
    channel = models.CharField(
        _("channel"),
        max_length=24,
        choices=Channel.choices,
        blank=True,
        help_text=_("How they were contacted (C3: talking to people directly often works best)."),
    )
    contacted_on = models.DateField(
        _("contacted on"), null=True, blank=True, help_text=_("When they were contacted.")
    )
    contacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contacted by (user)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The admin user who contacted them."),
    )
    contacted_by_text = models.CharField(
        _("contacted by (someone else)"),
        max_length=255,
        blank=True,
        help_text=_("Who contacted them, when it was not an admin user."),
    )
    referred_by = models.ForeignKey(
        "self",
        verbose_name=_("referred by (contact)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
        help_text=_("The contact on this list who suggested asking them (C2)."),
    )
    referred_by_text = models.CharField(
        _("referred by"),
        max_length=255,
        blank=True,
        help_text=_("Who suggested asking them, when it is not a contact on this list (C2)."),
    )
    referral_submission = models.ForeignKey(
        "avp_wagtail.InterestSubmission",
        verbose_name=_("referred in the expression of interest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The expression of interest whose sender named them."),
    )
    source = models.CharField(
        _("source"),
        max_length=16,
        choices=Source.choices,
        default=Source.ADMIN,
        help_text=_("Where the entry came from."),
    )
    answer = models.CharField(
        _("answer"),
        max_length=16,
        choices=Answer.choices,
        default=Answer.NOT_YET,
        help_text=_("What they answered to the invitation."),
    )
    submission = models.ForeignKey(
        "avp_wagtail.InterestSubmission",
        verbose_name=_("joined: expression of interest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Their expression of interest, when they sent one."),
    )
    meeting = models.ForeignKey(
        "avp_wagtail.MeetingProtocolPage",
        verbose_name=_("joined: meeting attended"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A meeting of the programme they attended."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=InvitationLanguage.choices,
        default=InvitationLanguage.ET,
        help_text=_("The language the invitation is sent in."),
    )
    notes = models.TextField(
        _("notes"),
        blank=True,
        max_length=5000,
        help_text=_("Anything worth remembering; personal data here is erased with the rest."),
    )
    anonymised = models.BooleanField(
        _("anonymised"),
        default=False,
        help_text=_("Names, e-mail and notes were erased (retention or a request)."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = OutreachContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("outreach contact")
        verbose_name_plural = _("outreach contacts")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.display_name or str(_("(erased)"))

    @property
    def display_name(self) -> str:
        person, organisation = self.person, self.organisation
        if person is not None and organisation is not None:
            return f"{person.name} ({organisation.name})"
        if person is not None:
            return person.name
        if organisation is not None:
            return organisation.name
        return self.name

    @property
    def contact_email(self) -> str:
        """Where an invitation goes: the typed address, else the person's, else the
        organisation's public address; "" when there is none."""
        person, organisation = self.person, self.organisation
        if self.email:
            return self.email
        if person is not None and person.email:
            return person.email
        if organisation is not None and organisation.email:
            return organisation.email
        return ""

    @property
    def contacted_by_display(self) -> str:
        user = self.contacted_by
        if user is not None:
            return user.get_full_name() or user.get_username()
        return self.contacted_by_text

    @property
    def referred_by_display(self) -> str:
        if self.referred_by_id:
            return str(self.referred_by)
        return self.referred_by_text

    @property
    def joined(self) -> bool:
        return bool(self.submission_id or self.meeting_id)

    @property
    def last_invited_at(self):
        """When an invitation last left (None: never); reads prefetched invitations."""
        sent = [
            invitation.sent_at
            for invitation in self.invitations.all()
            if invitation.state == InvitationState.SENT and invitation.sent_at
        ]
        return max(sent) if sent else None


class OutreachInvitation(models.Model):
    """One invitation e-mail to one contact (never a list of recipients)."""

    contact = models.ForeignKey(
        OutreachContact,
        verbose_name=_("contact"),
        on_delete=models.CASCADE,
        related_name="invitations",
        help_text=_("Whom it was sent to."),
    )
    call = models.ForeignKey(
        "avp_wagtail.CallToParticipatePage",
        verbose_name=_("call to participate"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The call the invitation is for."),
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The admin user who sent it."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=InvitationLanguage.choices,
        help_text=_("The language it was written in."),
    )
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=InvitationState.choices,
        default=InvitationState.QUEUED,
        help_text=_("Whether the e-mail left."),
    )
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    sent_at = models.DateTimeField(
        _("sent at"), null=True, blank=True, help_text=_("When the e-mail left.")
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.contact} — {self.call}"
