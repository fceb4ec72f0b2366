"""All AVP models, importable from ``avp_wagtail.models``."""

from .action_item import ActionItemPage, ActionItemPartner, Milestone
from .call import CallContactPerson, CallInterestTheme, CallToParticipatePage
from .followers import ItemFollower
from .interest import InterestSubmission
from .meeting_protocol import (
    AgendaItem,
    MeetingAttachment,
    MeetingAttendingOrganisation,
    MeetingDiscussedItem,
    MeetingProtocolPage,
)
from .network import NetworkPage
from .organisations import ContactPerson, Organisation
from .plan import ActionPlanPage, PlanCommunityRepresentative, PlanTheme
from .programme import OpenGovernmentPage, ProgrammeContactPerson
from .progress_updates import ItemChange, ProgressUpdate
from .reminders import ReminderLog
from .tags import AvpTag, TaggedActionItem

__all__ = [
    "ActionItemPage",
    "ActionItemPartner",
    "ActionPlanPage",
    "AgendaItem",
    "AvpTag",
    "CallContactPerson",
    "CallInterestTheme",
    "CallToParticipatePage",
    "ContactPerson",
    "InterestSubmission",
    "ItemChange",
    "ItemFollower",
    "MeetingAttachment",
    "MeetingAttendingOrganisation",
    "MeetingDiscussedItem",
    "MeetingProtocolPage",
    "Milestone",
    "NetworkPage",
    "OpenGovernmentPage",
    "Organisation",
    "PlanCommunityRepresentative",
    "PlanTheme",
    "ProgrammeContactPerson",
    "ProgressUpdate",
    "ReminderLog",
    "TaggedActionItem",
]
