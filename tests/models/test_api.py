"""Every page type exposes its fields through Wagtail's API (api_fields)."""

import datetime

from django.utils import timezone

from tests.factories import (
    ActionItemPageFactory,
    ActionPlanPageFactory,
    CallToParticipatePageFactory,
    MeetingProtocolPageFactory,
    MilestoneFactory,
    NetworkPageFactory,
    OpenGovernmentPageFactory,
    ProgressUpdateFactory,
)


def test_every_page_type_serialises_through_the_api(client, db):
    programme = OpenGovernmentPageFactory()
    plan = ActionPlanPageFactory(parent=programme)
    pages = [
        programme,
        CallToParticipatePageFactory(parent=programme),
        plan,
        ActionItemPageFactory(parent=plan),
        MeetingProtocolPageFactory(parent=programme),
        NetworkPageFactory(parent=programme),
    ]
    seen = set()
    for page in pages:
        model = type(page).__name__
        seen.add(model)
        response = client.get(f"/api/v2/pages/{page.pk}/")
        assert response.status_code == 200, model
        data = response.json()
        assert data["title"] == page.title
        for field in page.api_fields:
            assert field.name in data, (model, field.name)
    assert seen == {
        "OpenGovernmentPage",
        "CallToParticipatePage",
        "ActionPlanPage",
        "ActionItemPage",
        "MeetingProtocolPage",
        "NetworkPage",
    }


def test_api_item_carries_progress_status_and_milestones(client, db):
    today = timezone.localdate()
    plan = ActionPlanPageFactory()
    item = ActionItemPageFactory(
        parent=plan,
        theme=plan.themes.first(),
        milestones=[
            MilestoneFactory.build(title="Ideede kogumine", due_date=datetime.date(2026, 4, 30)),
            MilestoneFactory.build(title="Rahvahääletus", due_date=datetime.date(2026, 10, 15)),
        ],
        progress_updates=[
            ProgressUpdateFactory.build(date=today - datetime.timedelta(days=60), progress=40),
            ProgressUpdateFactory.build(
                date=today - datetime.timedelta(days=30), kind="obstacle", status="delayed"
            ),
            ProgressUpdateFactory.build(
                date=today - datetime.timedelta(days=10), status="in_progress", progress=45
            ),
        ],
    )
    data = client.get(f"/api/v2/pages/{item.pk}/").json()
    assert data["progress"] == 45  # set by the item's latest progress update
    assert data["status"] == "in_progress"
    assert next(m["title"] for m in data["milestones"]) == "Ideede kogumine"
    assert data["theme"] is not None
