"""Building an approval by participants for the tests: a past meeting whose live protocol
differs from the draft submitted, a workflow with the participants' step, and helpers to
send it and open the participant's link."""

import datetime

from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.models import Workflow, WorkflowTask

from avp_wagtail.approvals.models import ParticipantApprovalTask
from avp_wagtail.approvals.tokens import participant_token
from avp_wagtail.models import AgendaItem, MeetingAttendingOrganisation
from tests.builders import make_meeting
from tests.factories import ContactPersonFactory, OrganisationFactory

LIVE_DECISION = "Zqx elav otsus"
DRAFT_DECISION = "Zqx mustandi otsus"


def past_meeting(programme, suffix="a"):
    society = OrganisationFactory(name=f"Külaselts {suffix}")
    council = OrganisationFactory(name=f"Vallavalitsus {suffix}")
    public = ContactPersonFactory(
        name=f"Avalik Isik {suffix}", organisation=council, show_contact_details=True
    )
    private = ContactPersonFactory(name=f"Privaatne Isik {suffix}", organisation=society)
    outsider = ContactPersonFactory(name=f"Võõras {suffix}")  # named by no page
    meeting = make_meeting(
        programme,
        1,
        -3,
        title=f"Koosolek {suffix}",
        slug=f"koosolek-{suffix}",
        attending_organisations=[
            MeetingAttendingOrganisation(organisation=society),
            MeetingAttendingOrganisation(organisation=council),
        ],
        agenda_items=[
            AgendaItem(
                title="Koolibuss",
                arguments_for="<p>Lapsed jõuavad kooli.</p>",
                arguments_against="<p>Kallis.</p>",
                decision=f"<p>{LIVE_DECISION}</p>",
            ),
            AgendaItem(title="Raamatukogu", decision="<p>Lahtiolekuaeg pikeneb.</p>"),
        ],
    )
    draft = meeting.specific
    points = list(draft.agenda_items.all())
    points[0].decision = f"<p>{DRAFT_DECISION}</p>"
    draft.agenda_items = points
    draft.save_revision()
    return {
        "meeting": meeting,
        "public": public,
        "private": private,
        "outsider": outsider,
        "society": society,
        "council": council,
    }


def workflow(name="Protokolli kinnitamine"):
    task = ParticipantApprovalTask.objects.create(name="Osalejate kinnitus", days_to_answer=5)
    flow = Workflow.objects.create(name=name)
    WorkflowTask.objects.create(workflow=flow, task=task, sort_order=0)
    return flow, task


def submit(page, user):
    flow, _task = workflow()
    flow.start(page, user)
    page.refresh_from_db()
    return page.current_workflow_task_state.specific


def review_url(state):
    return f"/admin/avp/approvals/{state.pk}/"


def send(client, state, people, days=5, message=""):
    deadline = timezone.localtime() + datetime.timedelta(days=days)
    return client.post(
        review_url(state),
        {
            "action": "send",
            "participants": [p.pk for p in people],
            "deadline": deadline.strftime("%Y-%m-%d %H:%M"),
            "message": message,
        },
    )


def link(participant, programme):
    return f"{programme.get_url()}approval/?t={participant_token(participant)}"


def approved_note(approved, total):
    """The published page's "Approved by N of M participants on" in Estonian (the test
    pages' language), up to the date."""
    with translation.override("et"):
        note = ngettext(
            "Approved by %(approved)s of %(total)s participant on %(date)s.",
            "Approved by %(approved)s of %(total)s participants on %(date)s.",
            total,
        ) % {"approved": approved, "total": total, "date": "DATE"}
    return note.split("DATE")[0]
