"""The task type in Settings → Workflows, and the same approval for an action plan before
its adoption (its texts and themes are the parts participants amend)."""

import pytest
from django.core import mail

from avp_wagtail.approvals.models import Amendment, Participant, ParticipantApprovalTask
from avp_wagtail.models import PlanCommunityRepresentative
from tests.builders import make_plan
from tests.factories import ContactPersonFactory

from .helpers import link, review_url, send, submit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]


def test_editors_can_add_the_task_in_settings_workflows(admin_client):
    chooser = admin_client.get("/admin/workflows/tasks/select_type/").content.decode()
    assert "Approval by participants" in chooser
    response = admin_client.post(
        "/admin/workflows/tasks/add/avp_approvals/participantapprovaltask/",
        {"name": "Osalejad kinnitavad", "days_to_answer": "10"},
    )
    assert response.status_code == 302
    task = ParticipantApprovalTask.objects.get()
    assert (task.name, task.days_to_answer) == ("Osalejad kinnitavad", 10)


def test_a_plan_goes_to_its_drafters_before_adoption(client, programme, superuser):
    representative = ContactPersonFactory(name="Esindaja Eeva")
    plan = make_plan(
        programme,
        themes=("Kaasamine",),
        status="draft",
        summary="Kava kokkuvõte mustandis.",
        community_representatives=[PlanCommunityRepresentative(person=representative)],
    )
    client.force_login(superuser)
    state = submit(plan, superuser)
    html = client.get(review_url(state)).content.decode()
    assert "Esindaja Eeva" in html
    mail.outbox.clear()
    send(client, state, [representative])
    assert [m.to for m in mail.outbox] == [[representative.email]]
    participant = Participant.objects.get()
    page = client.get(link(participant, programme)).content.decode()
    assert "Kava kokkuvõte mustandis." in page
    assert "Kaasamine" in page
    client.post(
        link(participant, programme),
        {
            "action": "amend",
            "part": "0",
            "item-0-text": "Lühem kokkuvõte.",
            "item-0-reason": "Selgem.",
        },
    )
    assert Amendment.objects.get().item_key == "summary"
