"""The comment model (``COMMENTS_XTD_MODEL``), resident flags and the site's moderation setting."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from avp_wagtail.comments.choices import CommentMark, FlagReason, ModerationMode
from avp_wagtail.core.i18n import language_name


def _municipality_of(comment):
    """Name of the municipality (Wagtail site) the comment's page belongs to (for a comment
    on an object, e.g. an idea: its host page's)."""
    from avp_wagtail.comments.targets import host_page
    from avp_wagtail.core.sites import municipality_name, site_of

    page = host_page(comment.content_object)
    return municipality_name(site_of(page)) if page is not None else ""


class AvpComment(XtdComment):
    """A resident's comment, marked for/against/question, in the language it was written in.

    One thread per translation group: comments attach to the group's oldest surviving page
    (see ``threads.thread_page``), whichever translation they were written on, and move on
    to the next one if that page is deleted.
    """

    mark = models.CharField(
        _("mark"),
        max_length=16,
        choices=CommentMark.choices,
        default=CommentMark.NEUTRAL,
        help_text=_("Whether the comment is for or against the proposal, or asks something."),
    )
    language = models.CharField(
        _("language"),
        max_length=15,
        blank=True,
        help_text=_("Language of the page the comment was written on."),
    )
    is_official_response = models.BooleanField(
        _("official response"),
        default=False,
        help_text=_("The municipality's reasoned response to the comment it replies to."),
    )
    official_role = models.CharField(
        _("official's role"),
        max_length=100,
        blank=True,
        help_text=_(
            'Optional role of the official who answered (e.g. "development adviser"), '
            "shown after the municipality's name. The login name is never shown."
        ),
    )
    hidden_by_flags = models.BooleanField(
        _("hidden after flags"),
        default=False,
        help_text=_("Residents flagged it often enough to hide it until a moderator looks."),
    )
    confirmation_key = models.CharField(
        _("confirmation key"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Fingerprint of the e-mail link that confirmed it, so a link works once."),
    )

    panels = [
        FieldPanel("comment"),
        FieldPanel("mark"),
        FieldPanel("is_official_response"),
        FieldPanel("official_role"),
        FieldPanel("is_public"),
        FieldPanel("is_removed"),
    ]

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [
            ("moderate_avpcomment", _("Can moderate comments and post official responses")),
        ]

    def __str__(self):
        text = " ".join(self.comment.split())
        return f"{self.name}: {text[:60]}{'…' if len(text) > 60 else ''}"

    @property
    def is_visible(self):
        return self.is_public and not self.is_removed

    @property
    def public_name(self):
        """The name shown publicly (page, e-mails, anywhere outside the admin).

        A resident's comment shows the name they gave (or their account's name). An official
        response is signed by the municipality, with the official's role if given, never
        with the login name (``user`` stays for the record, in the admin).
        """
        if not self.is_official_response:
            return self.name
        municipality = getattr(self, "municipality_name", None)
        if municipality is None:
            municipality = self.municipality_name = _municipality_of(self)
        if self.official_role:
            return f"{municipality}, {self.official_role}" if municipality else self.official_role
        return municipality or gettext("The municipality")

    @property
    def language_name(self):
        """Name of the language the comment was written in, in the reader's language."""
        return language_name(self.language) if self.language else ""

    @property
    def initials(self):
        """Avatar text: initials of the name (no Gravatar, no request to another host)."""
        parts = [part for part in (self.public_name or "").split() if part[:1].isalnum()]
        return "".join(part[0] for part in parts[:2]).upper() or "?"


class CommentFlagReport(models.Model):
    """One resident's flag on a comment. Enough of them hide the comment (threshold setting)."""

    comment = models.ForeignKey(
        AvpComment,
        verbose_name=_("comment"),
        on_delete=models.CASCADE,
        related_name="flag_reports",
    )
    reason = models.CharField(_("reason"), max_length=16, choices=FlagReason.choices)
    reporter_key = models.CharField(
        _("reporter"),
        max_length=64,
        help_text=_("A keyed hash of the user or address that flagged, so each counts once."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("flagged at"), auto_now_add=True)
    reviewed = models.BooleanField(
        _("reviewed"),
        default=False,
        help_text=_("A moderator approved the comment after this flag."),
    )

    class Meta:
        verbose_name = _("comment flag")
        verbose_name_plural = _("comment flags")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter_key"], name="avp_comments_one_flag_per_reporter"
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.comment_id})"


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    moderation = models.CharField(
        _("moderation"),
        max_length=8,
        choices=ModerationMode.choices,
        default=ModerationMode.PRE,
        help_text=_(
            "Comments of logged-in users always appear at once. Choose whether anonymous "
            "comments, once their author confirmed the e-mail address, wait for approval."
        ),
    )

    panels = [FieldPanel("moderation")]

    class Meta:
        verbose_name = _("comment moderation")
        verbose_name_plural = _("comment moderation")

    @classmethod
    def for_page(cls, page):
        """The setting of the Site ``page`` belongs to, whichever host the request came to
        (a link opened on another municipality's host must not change the moderation).
        A page outside every Site gets the default, pre-moderation."""
        site = page.get_site() if page is not None else None
        if site is None:
            return cls(moderation=ModerationMode.PRE)
        return cls.for_site(site)


def is_premoderated(page):
    """Whether an anonymous comment on ``page`` waits for a moderator once confirmed."""
    return CommentSettings.for_page(page).moderation == ModerationMode.PRE


class PendingComment(models.Model):
    """An anonymous comment waiting for its author to open the e-mailed confirmation link.

    The link carries only a random key (signed, with a time limit); the comment, name,
    e-mail and IP address stay here. The row is deleted once the comment is confirmed, and
    after ``expires_at`` by ``delete_expired_pending()`` (the retention command).
    """

    key_hash = models.CharField(
        _("key fingerprint"),
        max_length=64,
        unique=True,
        editable=False,
        help_text=_("SHA-256 of the random key in the e-mailed link (the key is not stored)."),
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("content type"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Type of the page the comment is on."),
    )
    object_pk = models.CharField(
        _("page id"), max_length=64, help_text=_("The page whose discussion it joins.")
    )
    from_page_id = models.PositiveBigIntegerField(
        _("written on page"),
        null=True,
        blank=True,
        help_text=_("The language version of the page it was written on."),
    )
    user_name = models.CharField(_("name"), max_length=50, help_text=_("The name given."))
    user_email = models.EmailField(
        _("e-mail address"), help_text=_("Where the confirmation link was sent.")
    )
    comment = models.TextField(_("comment"), help_text=_("The text as written."))
    mark = models.CharField(
        _("mark"),
        max_length=16,
        choices=CommentMark.choices,
        default=CommentMark.NEUTRAL,
        help_text=_("Whether the comment is for or against the proposal, or asks something."),
    )
    reply_to = models.PositiveBigIntegerField(
        _("reply to"), default=0, help_text=_("The comment it answers (0: a new comment).")
    )
    followup = models.BooleanField(
        _("e-mail me about replies"),
        default=False,
        help_text=_("The author asked for e-mails about replies."),
    )
    language = models.CharField(
        _("language"),
        max_length=15,
        blank=True,
        help_text=_("Language of the page the comment was written on."),
    )
    ip_address = models.GenericIPAddressField(
        _("IP address"),
        null=True,
        blank=True,
        unpack_ipv4=True,
        help_text=_("The address it was sent from."),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(
        _("expires at"), db_index=True, help_text=_("After this the link no longer works.")
    )

    class Meta:
        verbose_name = _("comment awaiting e-mail confirmation")
        verbose_name_plural = _("comments awaiting e-mail confirmation")

    def __str__(self):
        return f"{self.user_name} ({self.created_at:%Y-%m-%d})"
