"""Bad input in the page editor: a clear message on the field, and nothing typed is lost."""

from django.contrib.messages import get_messages
from django.utils.translation import gettext as _

from avp_wagtail.models import ActionItemPage, ActionPlanPage, MeetingProtocolPage
from tests.admin import forms_data
from tests.admin.helpers import publish
from tests.builders import make_plan, make_programme


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


def test_plan_end_before_start_is_rejected_on_the_end_date(admin_client, home):
    programme = make_programme(home)
    data = forms_data.plan_data(start_date="2027-01-01", end_date="2026-01-01")
    response = publish(admin_client, "actionplanpage", programme, data)
    assert response.status_code == 200
    assert field_errors(response, "end_date") == [
        _("The end date cannot be before the start date.")
    ]
    assert not ActionPlanPage.objects.exists()
    # What the editor typed is still in the form.
    html = response.content.decode()
    assert "What we will do." in html
    assert "every three months" in html


def test_item_progress_outside_0_100_is_rejected(admin_client, home):
    plan = make_plan(make_programme(home))
    for bad in ("101", "-5"):
        response = publish(admin_client, "actionitempage", plan, forms_data.item_data(progress=bad))
        assert response.status_code == 200
        assert field_errors(response, "progress"), bad
    assert not ActionItemPage.objects.exists()
    assert "Residents decide on part of the budget." in response.content.decode()


def test_item_planned_end_before_start_is_rejected(admin_client, home):
    plan = make_plan(make_programme(home))
    data = forms_data.item_data(planned_start="2026-06-01", planned_end="2026-01-01")
    response = publish(admin_client, "actionitempage", plan, data)
    assert field_errors(response, "planned_end") == [
        _("The planned end cannot be before the planned start.")
    ]


def test_theme_from_another_plan_is_rejected(admin_client, home):
    programme = make_programme(home)
    plan = make_plan(programme)
    other = make_plan(programme, slug="other", themes=("Foreign",))
    foreign = other.themes.get()
    data = forms_data.item_data(theme=str(foreign.pk))
    response = publish(admin_client, "actionitempage", plan, data)
    assert response.status_code == 200
    assert field_errors(response, "theme")
    assert not ActionItemPage.objects.exists()


def test_meeting_ending_before_start_is_rejected(admin_client, home):
    programme = make_programme(home)
    data = forms_data.meeting_data(start="2026-03-01 18:00", end="2026-03-01 17:00")
    response = publish(admin_client, "meetingprotocolpage", programme, data)
    assert field_errors(response, "end") == [_("The meeting cannot end before it starts.")]
    assert not MeetingProtocolPage.objects.exists()


def test_milestone_outside_period_saves_with_a_warning(admin_client, home):
    plan = make_plan(make_programme(home))
    data = forms_data.item_data(
        milestones=forms_data.inline_formset(
            [{"title": "Too late", "due_date": "2027-03-01", "completed_date": ""}]
        )
    )
    response = publish(admin_client, "actionitempage", plan, data)
    assert response.status_code == 302
    item = ActionItemPage.objects.get()
    assert [m.title for m in item.milestones.all()] == ["Too late"]
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert "Too late" in warnings[0]


def test_milestone_inside_period_gives_no_warning(admin_client, home):
    plan = make_plan(make_programme(home))
    data = forms_data.item_data(
        milestones=forms_data.inline_formset(
            [{"title": "On time", "due_date": "2026-05-01", "completed_date": ""}]
        )
    )
    response = publish(admin_client, "actionitempage", plan, data)
    warnings = [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert response.status_code == 302
    assert warnings == []
