"""The outreach tracker's choice lists: whom, how, what they answered, in which language."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactKind(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation")
    POLITICIAN = "politician", _("Politician (C10)")
    EVENT = "event", _("Event of others attended (C9)")
    PERSON = "person", _("Person")


class Channel(models.TextChoices):
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    IN_PERSON = "in_person", _("In person")
    THEIR_EVENT = "their_event", _("At their event")
    VIA_ORGANISATION = "via_organisation", _("Via another organisation")


# C3: "talk to them" — a contact made directly rather than by an official letter.
DIRECT_CHANNELS = (Channel.PHONE, Channel.IN_PERSON, Channel.THEIR_EVENT)


class Answer(models.TextChoices):
    NOT_YET = "not_yet", _("Not yet")
    INTERESTED = "interested", _("Interested")
    NOT_NOW = "not_now", _("Not now")
    NO = "no", _("No")


class InvitationLanguage(models.TextChoices):
    ET = "et", _("Estonian")
    EN = "en", _("English")
    RU = "ru", _("Russian")


class InvitationState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Not sent")
