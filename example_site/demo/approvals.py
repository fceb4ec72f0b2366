"""Demo approval by participants (the optional approvals app, D2, D3): the past meeting's
protocol went through a workflow with the participants' step; most participants approved
it, one amendment was accepted (the editor put it into the text) and one declined with the
reason, so the published protocol shows "approved by N of M participants" and the declined
amendment. Stored as data (workflow, task state, participants, amendments): no e-mail is
sent. Skipped when the app is absent.
"""

import datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

APP = "avp_wagtail.approvals"
WORKFLOW = "Protokolli kinnitamine osalejatega"
TASK = "Osalejate kinnitus"
# (agenda item index, participant index, state, text, reason, editor's reason)
AMENDMENTS = [
    (
        0,
        1,
        "accepted",
        "Lisada argumentide hulka: kaasav eelarve annab noortele võimaluse ise ideid ellu viia.",
        "Noortekogu esindaja ütles seda koosolekul, protokollist jäi see välja.",
        "",
    ),
    (
        1,
        2,
        "declined",
        "Otsuseks kirjutada, et ülekanded algavad kohe järgmisest istungist.",
        "Mäletan, et nii lepiti kokku.",
        "Koosolekul otsustati alustada pärast tehnika hankimist; nii on kirjas ka helisalvestises.",
    ),
]


def add_demo_approvals(programme, *, now=None):
    """The past meeting of ``programme`` approved by its participants; returns the task
    state (None without the app or without a past meeting)."""
    if not apps.is_installed(APP):
        return None
    from wagtail.models import Page, TaskState, Workflow, WorkflowState, WorkflowTask

    from avp_wagtail.approvals.models import (
        Amendment,
        Participant,
        ParticipantApprovalTask,
        ParticipantApprovalTaskState,
    )
    from avp_wagtail.approvals.parts import parts_of
    from avp_wagtail.models import ContactPerson, MeetingProtocolPage

    now = now or timezone.now()
    meeting = (
        MeetingProtocolPage.objects.child_of(programme)
        .filter(start__lt=now)
        .order_by("-start")
        .first()
    )
    if meeting is None:
        return None
    task = ParticipantApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = ParticipantApprovalTask.objects.create(name=TASK, days_to_answer=7)
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    page_type = ContentType.objects.get_for_model(Page)
    sent_at = meeting.start + datetime.timedelta(days=1)
    finished_at = meeting.start + datetime.timedelta(days=9)
    workflow_state = WorkflowState.objects.create(
        content_type=ContentType.objects.get_for_model(MeetingProtocolPage),
        base_content_type=page_type,
        object_id=str(meeting.pk),
        workflow=workflow,
        status=WorkflowState.STATUS_APPROVED,
    )
    revision = meeting.get_latest_revision() or meeting.save_revision()
    state = ParticipantApprovalTaskState.objects.create(
        workflow_state=workflow_state,
        revision=revision,
        task=task,
        status=TaskState.STATUS_APPROVED,
        page=meeting,
        deadline=meeting.start + datetime.timedelta(days=8),
        sent_at=sent_at,
        message="Palun vaadake protokoll üle enne avaldamist.",
    )
    ParticipantApprovalTaskState.objects.filter(pk=state.pk).update(
        started_at=sent_at, finished_at=finished_at
    )
    organisations = [a.organisation_id for a in meeting.attending_organisations.all()]
    people = ContactPerson.objects.filter(organisation_id__in=organisations).exclude(email="")
    people = list(
        people.filter(locale=meeting.locale).select_related("organisation").order_by("pk")
    )
    participants = [
        Participant.objects.create(
            task_state=state,
            person=person,
            name=person.name,
            organisation=person.organisation.name if person.organisation_id else "",
            email=person.email,
            language=meeting.locale.language_code,
            sent_at=sent_at,
            # Everyone but the last approved the protocol.
            approved_at=sent_at + datetime.timedelta(days=n + 1)
            if n < len(people) - 1 or len(people) == 1
            else None,
        )
        for n, person in enumerate(people)
    ]
    parts = parts_of(revision.as_object())
    for part_index, who, decision, text, reason, editor_reason in AMENDMENTS:
        if part_index >= len(parts) or not participants:
            continue
        part = parts[part_index]
        amendment = Amendment.objects.create(
            participant=participants[who % len(participants)],
            item_key=part.key,
            item_title=part.title,
            text=text,
            reason=reason,
            state=decision,
            decision_reason=editor_reason,
            decided_at=finished_at - datetime.timedelta(hours=2),
        )
        Amendment.objects.filter(pk=amendment.pk).update(
            created_at=sent_at + datetime.timedelta(days=2)
        )
    return state
