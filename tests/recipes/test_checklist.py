"""Each computed checklist item, met and unmet; the hook's answer; the manual ticks."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from avp_wagtail.core.plugins import RECIPE_STATUS_HOOK
from avp_wagtail.models import (
    ActionItemPage,
    AgendaItem,
    ContactPerson,
    Organisation,
    PlanCommunityRepresentative,
    ProgressUpdate,
)
from avp_wagtail.recipes import checklist
from avp_wagtail.recipes.models import ChecklistTick
from tests.builders import make_call, make_item, make_meeting, make_plan, make_programme, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]


def status(programme, rid):
    items = {i.recipe.id: i for p in checklist.build(programme) for i in p.items}
    return items[rid]


def edit(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.fixture
def programme(home):
    return make_programme(home, principles="<p>Open.</p>", common_goal="Together.")


@pytest.fixture
def people(db):
    org = Organisation.objects.create(name="Küla selts")
    return [ContactPerson.objects.create(name=f"P{n}", organisation=org) for n in range(3)]


# C1


def test_c1_met_when_published_with_principles_and_goal(programme):
    assert status(programme, "C1").met


def test_c1_unmet_without_principles_or_unpublished(home):
    programme = make_programme(home, principles="<p> </p>", common_goal="Goal")
    item = status(programme, "C1")
    assert not item.met
    assert "principles" in item.why
    assert item.fix_url == edit(programme)
    programme.principles = "<p>Yes</p>"
    publish(programme)
    programme.unpublish()
    item = status(programme, "C1")
    assert not item.met
    assert "not published" in item.why


# C7


def test_c7_needs_a_call_published_after_a_summarised_meeting(programme):
    item = status(programme, "C7")
    assert not item.met
    assert item.fix_url.endswith(f"/add/avp_wagtail/meetingprotocolpage/{programme.pk}/")
    make_meeting(programme, 1, -10, summary="We met.")
    call = make_call(programme)
    # The call's publication is taken as before the meeting: not repeated.
    type(call).objects.filter(pk=call.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=20)
    )
    item = status(programme, "C7")
    assert not item.met
    assert item.fix_url == edit(call)
    publish(call.specific)  # published again now, after the meeting
    assert status(programme, "C7").met


def test_c7_a_meeting_without_summary_does_not_count(programme):
    meeting = make_meeting(programme, 1, -10, summary="")
    make_call(programme)
    item = status(programme, "C7")
    assert not item.met
    assert item.fix_url == edit(meeting)


# D2


def test_d2_names_initiator_coordinator_and_representative(programme, people):
    plan = make_plan(programme, initiating_politician=people[0])
    item = status(programme, "D2")
    assert not item.met
    assert "coordinating official" in item.why
    assert item.fix_url == edit(plan)
    assert "community representative" in item.why
    plan.coordinating_official = people[1]
    plan.community_representatives = [PlanCommunityRepresentative(person=people[2])]
    publish(plan)
    item = status(programme, "D2")
    assert item.met
    assert "1 community representative" in item.why


def test_d2_without_a_plan_links_to_adding_one(programme):
    item = status(programme, "D2")
    assert not item.met
    assert item.fix_url == reverse(
        "wagtailadmin_pages:add", args=["avp_wagtail", "actionplanpage", programme.pk]
    )


# D5


def test_d5_every_action_has_a_lead_and_resources(programme):
    plan = make_plan(programme)
    assert not status(programme, "D5").met  # no actions yet
    org = Organisation.objects.create(name="Vald")
    make_item(plan, 1, lead_implementer=org, budget=Decimal("100"))
    lacking = make_item(plan, 2, lead_implementer=org)  # no resources
    make_item(plan, 3, status="cancelled")  # cancelled: not counted
    item = status(programme, "D5")
    assert not item.met
    assert "“Item 2”" in item.why
    assert item.fix_url == edit(lacking)
    ActionItemPage.objects.filter(pk=lacking.pk).update(people_and_time="0.1 FTE")
    item = status(programme, "D5")
    assert item.met
    assert "2 actions" in item.why


# D6


def test_d6_monitoring_cadence(programme):
    plan = make_plan(programme)
    item = status(programme, "D6")
    assert not item.met
    assert item.fix_url == edit(plan)
    plan.monitoring_every = 3
    publish(plan)
    item = status(programme, "D6")
    assert item.met
    assert "every 3 months" in item.why


# I1


def test_i1_an_update_on_every_ongoing_action_within_the_cadence(programme):
    plan = make_plan(programme, monitoring_every=1, monitoring_unit="months")
    fresh = make_item(plan, 1, status="in_progress")
    stale = make_item(plan, 2, status="delayed")
    make_item(plan, 3, status="planned")  # not under way
    today = timezone.localdate()
    ProgressUpdate.objects.create(
        page=fresh, title="Done a bit", date=today - datetime.timedelta(days=5)
    )
    ProgressUpdate.objects.create(page=stale, title="Old", date=today - datetime.timedelta(days=70))
    item = status(programme, "I1")
    assert not item.met
    assert "“Item 2”" in item.why
    assert "“Item 1”" not in item.why
    assert item.fix_url == edit(stale)
    ProgressUpdate.objects.create(page=stale, title="New", date=today)
    item = status(programme, "I1")
    assert item.met
    assert "2 actions" in item.why


def test_i1_needs_the_cadence_first(programme):
    plan = make_plan(programme)
    make_item(plan, 1, status="in_progress")
    item = status(programme, "I1")
    assert not item.met
    assert "D6" in item.why
    assert item.fix_url == edit(plan)


# I2


def test_i2_a_published_plan_and_the_latest_protocol_published(programme):
    plan = make_plan(programme, publish=False, live=False)
    item = status(programme, "I2")
    assert not item.met
    assert item.fix_url == edit(plan)
    publish(plan)
    assert status(programme, "I2").met
    meeting = make_meeting(programme, 1, -3)
    meeting.agenda_items = [AgendaItem(title="Budget", decision="<p>Yes.</p>")]
    meeting.save_revision()  # a decision written down, not published
    item = status(programme, "I2")
    assert not item.met
    assert item.fix_url == edit(meeting)
    meeting.get_latest_revision().publish()
    item = status(programme, "I2")
    assert item.met
    assert meeting.title in item.why


# I3


def test_i3_network_or_borrowing(home):
    programme = make_programme(home, principles="<p>x</p>")
    plan = make_plan(programme)
    own = make_item(plan, 1)
    item = status(programme, "I3")
    assert not item.met
    assert item.fix_url == edit(programme)
    # Another municipality borrowed our action (its open data id is the translation key).
    other = make_programme(home, title="Naaber", slug="naaber")
    other_plan = make_plan(other, slug="naabri-kava")
    make_item(other_plan, 1, source_id=str(own.translation_key), adapted_from_title="X")
    assert status(programme, "I3").met
    assert "borrowed 1" in status(programme, "I3").why
    assert "was borrowed from" in status(other, "I3").why


def test_i3_in_network(home):
    programme = make_programme(home, in_network=True)
    assert status(programme, "I3").met


# The hook and the manual ticks


def test_the_hook_answers_other_ids_first_non_none_wins(programme):
    calls = []

    def silent(page, rid, request):
        calls.append(rid)
        return None

    def tracker(page, rid, request):
        if rid == "D3":
            return (True, "12 protocols with arguments.", "")
        return None

    with (
        # Before the installed apps' own functions (the outreach tracker, approvals …).
        hooks.register_temporarily(RECIPE_STATUS_HOOK, silent, order=-200),
        hooks.register_temporarily(RECIPE_STATUS_HOOK, tracker, order=-100),
    ):
        items = {i.recipe.id: i for p in checklist.build(programme) for i in p.items}
        d3 = items["D3"]
    assert d3.met
    assert d3.why == "12 protocols with arguments."
    assert d3.source == "feature"
    manual = [i for i in items.values() if i.source == "manual"]
    assert manual  # nobody answered these: the manual ticks decide (none yet)
    assert not any(i.met for i in manual)
    # Asked about the non-computed ids only, once each.
    assert "C1" not in calls
    assert calls.count("D3") == 1


def test_manual_tick(programme, django_user_model):
    user = django_user_model.objects.create_user("kaja", first_name="Kaja", last_name="Kask")
    item = status(programme, "C4")
    assert not item.met
    assert item.fix_url.endswith("#tick-C4")
    ChecklistTick.objects.create(
        programme=programme, recommendation="C4", done=True, note="Village", ticked_by=user
    )
    item = status(programme, "C4")
    assert item.met
    assert "Kaja Kask" in item.why
    assert item.tick.note == "Village"


def test_totals_count_the_met_items(programme):
    phases = checklist.build(programme)
    met, total = checklist.totals(phases)
    assert total == 19
    assert met == sum(i.met for p in phases for i in p.items)
    assert status(programme, "C1").met
    assert met >= 1
