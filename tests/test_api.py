"""Every page type exposes its fields through Wagtail's API (api_fields)."""

from wagtail.models import Page


def test_every_demo_page_type_serialises_through_the_api(client, demo):
    seen = set()
    for page in Page.objects.descendant_of(demo, inclusive=True).live().specific():
        model = type(page).__name__
        if model in seen:
            continue
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


def test_api_item_carries_progress_status_and_milestones(client, demo):
    from avp_wagtail.models import ActionItemPage

    item = ActionItemPage.objects.get(slug="kaasav-eelarve")
    data = client.get(f"/api/v2/pages/{item.pk}/").json()
    assert data["progress"] == 45  # set by the item's latest progress update
    assert data["status"] == "in_progress"
    assert [m["title"] for m in data["milestones"]][0] == "Ideede kogumine"
    assert data["theme"] is not None
