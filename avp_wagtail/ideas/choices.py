"""The states of an idea: where it is on its way to the public, and the municipality's
response to it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ModerationMode(models.TextChoices):
    PRE = "pre", _("Pre-moderation: a confirmed idea waits for a moderator's approval")
    POST = "post", _("Post-moderation: a confirmed idea appears at once")


class IdeaState(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Awaiting e-mail confirmation")
    PENDING = "pending", _("Awaiting moderation")
    PUBLIC = "public", _("Public")
    HIDDEN = "hidden", _("Hidden")


class ResponseState(models.TextChoices):
    NONE = "none", _("No response yet")
    CONSIDERING = "considering", _("Under consideration")
    ACCEPTED = "accepted", _("Accepted into the plan")
    MERGED = "merged", _("Merged with another idea")
    DECLINED = "declined", _("Not taken up")
    ALREADY = "already", _("Already being done")


# The states a moderator may set (an unconfirmed idea waits for its author, not for them).
MODERATED_STATES = [IdeaState.PENDING, IdeaState.PUBLIC, IdeaState.HIDDEN]
