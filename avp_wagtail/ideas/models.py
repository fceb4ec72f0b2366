"""An idea collection of an action plan, residents' ideas and their supports (D1).

Everything is keyed by the plan's translation group (``translation_key``): the plan's
language versions share one collection, one list of ideas and one support count. An idea
stays in the language it was written in; the page around it speaks the reader's.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avp_wagtail.ideas.choices import IdeaState, ModerationMode, ResponseState
from avp_wagtail.ideas.conf import default_moderation


class IdeaCollection(models.Model):
    """The settings of one plan's idea collection: when it is open and how it is moderated.

    Kept here, not on the plan page, so the core's page types know nothing of ideas; one
    row per translation group of the plan (whichever language version it names)."""

    plan = models.OneToOneField(
        "avp_wagtail.ActionPlanPage",
        verbose_name=_("action plan"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The plan residents send ideas for; its translations share them."),
    )
    translation_key = models.UUIDField(
        _("translation key"),
        unique=True,
        editable=False,
        help_text=_("The plan's translation group: one collection for all its languages."),
    )
    opens_on = models.DateField(_("opens on"), help_text=_("First day ideas can be sent."))
    closes_on = models.DateField(
        _("closes on"),
        null=True,
        blank=True,
        help_text=_("Last day ideas can be sent. Leave empty to keep it open."),
    )
    moderation = models.CharField(
        _("moderation"),
        max_length=8,
        choices=ModerationMode.choices,
        default=default_moderation,
        help_text=_("Whether a confirmed idea waits for a moderator before it is public."),
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What kind of ideas the municipality asks for, shown above the form."),
    )

    class Meta:
        verbose_name = _("idea collection")
        verbose_name_plural = _("idea collections")

    def __str__(self) -> str:
        return str(self.plan.title) if self.plan_id else ""

    def save(self, *args, **kwargs):
        self.translation_key = self.plan.translation_key
        super().save(*args, **kwargs)

    def clean(self):
        if self.closes_on and self.opens_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The collection cannot close before it opens.")})

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today and (self.closes_on is None or today <= self.closes_on)

    @property
    def has_closed(self) -> bool:
        return self.closes_on is not None and self.closes_on < timezone.localdate()

    @property
    def is_premoderated(self) -> bool:
        return self.moderation == ModerationMode.PRE

    @classmethod
    def of_plan(cls, plan) -> IdeaCollection | None:
        return cls.objects.filter(translation_key=plan.translation_key).first()


class IdeaQuerySet(models.QuerySet):
    def of_plan(self, plan):
        """Ideas of ``plan`` in any of its languages."""
        return self.filter(plan__translation_key=plan.translation_key)

    def public(self):
        return self.filter(state=IdeaState.PUBLIC)

    def with_support_count(self):
        return self.annotate(support_count=models.Count("supports", distinct=True))


class Idea(models.Model):
    """A resident's idea of what to improve, and the municipality's reasoned response."""

    plan = models.ForeignKey(
        "avp_wagtail.ActionPlanPage",
        verbose_name=_("action plan"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The language version of the plan the idea was sent on."),
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("The idea in a few words."))
    problem = models.TextField(
        _("what is wrong today"), max_length=3000, help_text=_("What needs improving, and why.")
    )
    proposal = models.TextField(
        _("what to do"), max_length=3000, help_text=_("What the municipality could do about it.")
    )
    theme = models.ForeignKey(
        "avp_wagtail.PlanTheme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The plan's priority theme the idea is filed under."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("The organisation the author speaks for, if any."),
    )
    author_name = models.CharField(
        _("author's name"), max_length=100, help_text=_("Shown with the idea.")
    )
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("The author's address: never shown publicly, erased on request."),
    )
    language = models.CharField(
        _("language"), max_length=15, help_text=_("The language the idea was written in.")
    )
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=IdeaState.choices,
        default=IdeaState.UNCONFIRMED,
        help_text=_("Only public ideas are shown on the site."),
    )
    response_state = models.CharField(
        _("response"),
        max_length=16,
        choices=ResponseState.choices,
        default=ResponseState.NONE,
        help_text=_("What the municipality decided about the idea."),
    )
    response_text = models.TextField(
        _("reasoned response"),
        blank=True,
        help_text=_(
            "The municipality's answer, published with the idea. Required if not taken up."
        ),
    )
    response_language = models.CharField(
        _("language of the response"),
        max_length=15,
        blank=True,
        help_text=_(
            "The language the response is written in, so that screen readers read it in "
            "that language on every language version of the site. Empty: the site's main "
            "language."
        ),
    )
    action_items = models.ManyToManyField(
        "avp_wagtail.ActionItemPage",
        verbose_name=_("action items"),
        blank=True,
        related_name="+",
        help_text=_("The plan's actions the idea became (accepted into the plan)."),
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged with"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_ideas",
        help_text=_("The idea this one was merged with."),
    )
    responded_at = models.DateTimeField(
        _("responded at"), null=True, blank=True, help_text=_("When the response last changed.")
    )
    response_announced_at = models.DateTimeField(
        _("response e-mailed at"),
        null=True,
        blank=True,
        help_text=_("When the author, supporters and followers were last told the response."),
    )
    created_at = models.DateTimeField(
        _("sent at"), default=timezone.now, help_text=_("When the idea was sent.")
    )
    confirmed_at = models.DateTimeField(
        _("confirmed at"),
        null=True,
        blank=True,
        help_text=_("When the author confirmed the e-mail address."),
    )

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "created_at"], name="avp_ideas_state_created")]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.response_state == ResponseState.DECLINED and not self.response_text.strip():
            raise ValidationError(
                {"response_text": _("Give the reason why the idea is not taken up.")}
            )
        if self.response_state == ResponseState.MERGED and self.merged_into_id is None:
            raise ValidationError({"merged_into": _("Choose the idea this one was merged with.")})
        if self.merged_into_id is not None and self.merged_into_id == self.pk:
            raise ValidationError({"merged_into": _("An idea cannot be merged with itself.")})

    @property
    def response_lang(self) -> str:
        """The language of the response (the site's main language unless given)."""
        from wagtail.models import Locale

        return self.response_language or Locale.get_default().language_code

    @property
    def response_unannounced(self) -> bool:
        """Whether a public idea has a response its people have not been e-mailed (e.g.
        given while the idea waited for moderation)."""
        if not self.is_public or self.response_state == ResponseState.NONE:
            return False
        announced = self.response_announced_at
        responded = self.responded_at
        return announced is None or (responded is not None and responded > announced)

    @property
    def is_public(self) -> bool:
        return self.state == IdeaState.PUBLIC

    def url_in(self, plan_url: str) -> str:
        """The idea's page under a plan page's URL (``…/plan/``)."""
        return f"{plan_url}ideas/{self.pk}/"


class IdeaSupport(models.Model):
    """One resident's support of an idea: a confirmed e-mail address or a logged-in user.
    Past the retention period the address is erased and the support stays, counted."""

    idea = models.ForeignKey(
        Idea,
        verbose_name=_("idea"),
        on_delete=models.CASCADE,
        related_name="supports",
        help_text=_("The idea supported."),
    )
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("The confirmed address of a supporter without an account; never shown."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The logged-in supporter."),
    )
    language = models.CharField(
        _("language"), max_length=15, blank=True, help_text=_("The supporter's page language.")
    )
    created_at = models.DateTimeField(
        _("supported at"), default=timezone.now, help_text=_("When the support was confirmed.")
    )

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "email"],
                condition=~Q(email=""),
                name="avp_ideas_one_support_per_email",
            ),
            models.UniqueConstraint(
                fields=["idea", "user"],
                condition=Q(user__isnull=False),
                name="avp_ideas_one_support_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.idea_id}"


class IdeaFollower(models.Model):
    """Someone who follows an idea without supporting it: an e-mail address confirmed by
    its link (double opt-in), or a logged-in user. They get the e-mail when the
    municipality's response changes, each with a link that stops it."""

    idea = models.ForeignKey(
        Idea,
        verbose_name=_("idea"),
        on_delete=models.CASCADE,
        related_name="followers",
        help_text=_("The idea followed."),
    )
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("The confirmed address of a follower without an account; never shown."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The logged-in follower."),
    )
    language = models.CharField(
        _("language"), max_length=15, blank=True, help_text=_("The follower's page language.")
    )
    confirmed_at = models.DateTimeField(
        _("followed since"), default=timezone.now, help_text=_("When the follow was confirmed.")
    )

    class Meta:
        verbose_name = _("follower of an idea")
        verbose_name_plural = _("followers of ideas")
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "email"],
                condition=~Q(email=""),
                name="avp_ideas_one_follow_per_email",
            ),
            models.UniqueConstraint(
                fields=["idea", "user"],
                condition=Q(user__isnull=False),
                name="avp_ideas_one_follow_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.idea_id}"
