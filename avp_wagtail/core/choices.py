"""Choice lists shared by the page types (statuses, phases, kinds)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammePhase(models.TextChoices):
    """The three phases of the AVP KOV process (recipes C, D and I)."""

    MAKING_CONTACT = "contact", _("Making contact")
    DRAFTING = "drafting", _("Drafting the action plan")
    CARRYING_OUT = "carrying_out", _("Carrying out the action plan")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("Public consultation")
    ADOPTED = "adopted", _("Adopted")
    IN_PROGRESS = "in_progress", _("Being carried out")
    COMPLETED = "completed", _("Completed")


class ItemStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingKind(models.TextChoices):
    OPEN_MEETING = "open", _("Open meeting")
    WORKING_GROUP = "working_group", _("Working group")
    COUNCIL_SESSION = "council", _("Council session")
    VILLAGE_SOCIETY = "village_society", _("Village society meeting")
    MONITORING = "monitoring", _("Monitoring meeting")
    OTHER = "other", _("Other")


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    COUNCIL = "council", _("Council")
    MUNICIPAL_UNIT = "municipal_unit", _("Municipal unit")
    NGO = "ngo", _("NGO")
    COMPANY = "company", _("Company")
    OTHER = "other", _("Other")


class OgpValue(models.TextChoices):
    """The four OGP values; an action item stores one boolean field per value."""

    ACCESS_TO_INFORMATION = "access_to_information", _("Access to information")
    CIVIC_PARTICIPATION = "civic_participation", _("Civic participation")
    PUBLIC_ACCOUNTABILITY = "public_accountability", _("Public accountability")
    TECHNOLOGY_AND_INNOVATION = "technology_and_innovation", _("Technology and innovation")


class UpdateKind(models.TextChoices):
    """What a progress update reports (I1: failures are analysed in the open)."""

    PROGRESS = "progress", _("Progress")
    OBSTACLE = "obstacle", _("Obstacle")
    LESSON = "lesson", _("Lesson learned")
    CHANGE = "change", _("Change of plan")


class CadenceUnit(models.TextChoices):
    WEEKS = "weeks", _("weeks")
    MONTHS = "months", _("months")
