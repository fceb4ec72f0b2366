"""All AVP models, importable from ``avp_wagtail.models``."""

from avp_wagtail.models.action_item import ActionItemPage
from avp_wagtail.models.agenda_items import AgendaItem
from avp_wagtail.models.call import CallContactPerson, CallInterestTheme, CallToParticipatePage
from avp_wagtail.models.followers import ItemFollower
from avp_wagtail.models.imports import ItemImport
from avp_wagtail.models.interest import InterestSubmission
from avp_wagtail.models.item_parts import ActionItemPartner, Milestone
from avp_wagtail.models.meeting_protocol import (
    MeetingAttachment,
    MeetingAttendingOrganisation,
    MeetingDiscussedItem,
    MeetingProtocolPage,
)
from avp_wagtail.models.network import NetworkPage
from avp_wagtail.models.organisations import ContactPerson, Organisation
from avp_wagtail.models.plan import ActionPlanPage, PlanCommunityRepresentative, PlanTheme
from avp_wagtail.models.programme import OpenGovernmentPage, ProgrammeContactPerson
from avp_wagtail.models.progress_updates import ItemChange, ProgressUpdate
from avp_wagtail.models.reminders import ReminderLog
from avp_wagtail.models.signups import MeetingSignup
from avp_wagtail.models.tags import AvpTag, TaggedActionItem

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
    "ItemImport",
    "MeetingAttachment",
    "MeetingAttendingOrganisation",
    "MeetingDiscussedItem",
    "MeetingProtocolPage",
    "MeetingSignup",
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
