"""What a comment says about the proposal, and how a site moderates comments."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CommentMark(models.TextChoices):
    NEUTRAL = "neutral", _("Neutral")
    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    QUESTION = "question", _("Question or idea")


class ModerationMode(models.TextChoices):
    PRE = "pre", _("Pre-moderation: anonymous comments wait for a moderator's approval")
    POST = "post", _("Post-moderation: confirmed comments appear at once")


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam")
    OFFENSIVE = "offensive", _("Offensive")
    OFF_TOPIC = "off_topic", _("Off-topic")
