"""Editors create every page type through the Wagtail page editor (real form posts)."""

import datetime

from django.urls import reverse
from wagtail.models import Page

from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    OpenGovernmentPage,
    Organisation,
)
from tests.admin import forms_data
from tests.admin.helpers import publish
from tests.builders import make_plan, make_programme
from tests.factories import filled_programme


def test_create_programme_under_home(admin_client, home):
    response = publish(admin_client, "opengovernmentpage", home, forms_data.programme_data())
    assert response.status_code == 302
    page = OpenGovernmentPage.objects.get(slug="open-government")
    assert page.live
    assert page.get_parent().pk == home.pk
    assert admin_client.get(page.url).status_code == 200


def test_create_call_with_steps_and_themes(admin_client, home):
    programme = make_programme(home)
    response = publish(admin_client, "calltoparticipatepage", programme, forms_data.call_data())
    assert response.status_code == 302
    call = CallToParticipatePage.objects.get(slug="join-us")
    assert [step.value["title"] for step in call.steps] == ["Fill in the form"]
    assert [theme.title for theme in call.interest_themes.all()] == ["Open budget"]


def test_create_plan_with_themes(admin_client, home):
    programme = make_programme(home)
    response = publish(admin_client, "actionplanpage", programme, forms_data.plan_data())
    assert response.status_code == 302
    plan = ActionPlanPage.objects.get(slug="plan")
    assert [theme.title for theme in plan.themes.all()] == ["Open budget", "Youth"]
    assert plan.end_date == datetime.date(2028, 12, 31)


def test_create_item_with_theme_implementers_milestones_and_tags(admin_client, home):
    plan = make_plan(make_programme(home), themes=("Budget", "Youth"))
    youth = plan.themes.get(title="Youth")
    lead = Organisation.objects.create(name="Village Society")
    partner = Organisation.objects.create(name="Youth Council")
    data = forms_data.item_data(
        theme=str(youth.pk),
        lead_implementer=str(lead.pk),
        partners=forms_data.inline_formset([{"organisation": str(partner.pk), "role": "advises"}]),
        milestones=forms_data.inline_formset(
            [{"title": "Ideas collected", "due_date": "2026-04-30", "completed_date": ""}]
        ),
    )
    response = publish(admin_client, "actionitempage", plan, data)
    assert response.status_code == 302
    item = ActionItemPage.objects.get(slug="participatory-budget")
    assert item.theme == youth
    assert item.lead_implementer == lead
    assert [p.organisation for p in item.partners.all()] == [partner]
    assert [m.title for m in item.milestones.all()] == ["Ideas collected"]
    assert sorted(tag.name for tag in item.tags.all()) == ["budget", "participation"]
    assert item.is_quick_win
    assert item.ogp_civic_participation
    assert not item.ogp_access_to_information
    # The public plan page shows it with its progress.
    html = admin_client.get(plan.url).content.decode()
    assert "Participatory budget" in html
    assert "40%" in html


def test_create_meeting_with_arguments_and_decision(admin_client, home):
    programme = make_programme(home)
    response = publish(admin_client, "meetingprotocolpage", programme, forms_data.meeting_data())
    assert response.status_code == 302
    meeting = MeetingProtocolPage.objects.get(slug="open-meeting")
    point = meeting.agenda_items.get()
    assert "Residents decide." in point.arguments_for
    assert "Little time." in point.arguments_against
    assert "Start small." in point.decision
    html = admin_client.get(meeting.url).content.decode()
    assert "Residents decide." in html
    assert "Little time." in html
    assert "Start small." in html
    assert "Together." in html  # the programme's common goal is shown automatically (C5)


def test_item_editor_offers_only_the_plans_themes(admin_client, home):
    programme = make_programme(home)
    plan = make_plan(programme, themes=("Mine",))
    make_plan(programme, themes=("Other plan's theme",), slug="other-plan", title="Other")
    from tests.admin.helpers import add_url

    html = admin_client.get(add_url("actionitempage", plan)).content.decode()
    assert "Mine" in html
    assert "Other plan&#x27;s theme" not in html
    assert "Other plan's theme" not in html


def test_editor_opens_every_page_type_filled_for_editing(admin_client, home):
    programme = filled_programme(home)
    pages = Page.objects.descendant_of(programme, inclusive=True).specific()
    assert {type(page).__name__ for page in pages} == {
        "OpenGovernmentPage",
        "CallToParticipatePage",
        "ActionPlanPage",
        "ActionItemPage",
        "MeetingProtocolPage",
        "NetworkPage",
    }
    for page in pages:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, page
        assert page.title in response.content.decode().replace("&#x27;", "'"), page
