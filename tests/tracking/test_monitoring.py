"""The next monitoring meeting from the plan's cadence (D6, I1)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from avp_wagtail.core.choices import CadenceUnit, MeetingKind
from avp_wagtail.models import ActionPlanPage, OpenGovernmentPage
from avp_wagtail.tracking.monitoring import add_periods, next_monitoring
from tests.builders import make_meeting, make_plan, make_programme
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def programme(home):
    return make_programme(home)


def test_months_are_added_on_the_calendar():
    assert add_periods(datetime.date(2026, 1, 31), 1, CadenceUnit.MONTHS) == datetime.date(
        2026, 2, 28
    )
    assert add_periods(datetime.date(2026, 11, 15), 3, CadenceUnit.MONTHS) == datetime.date(
        2027, 2, 15
    )
    assert add_periods(datetime.date(2026, 1, 1), 2, CadenceUnit.WEEKS) == datetime.date(
        2026, 1, 15
    )


def test_cadence_of_zero_is_a_field_error(programme):
    plan = ActionPlanPage(
        title="P", slug="p", summary="S", start_date=TODAY, end_date=TODAY, monitoring_every=0
    )
    with pytest.raises(ValidationError) as error:
        plan.clean()
    assert "monitoring_every" in error.value.message_dict


def test_no_cadence_no_next_meeting(programme):
    assert next_monitoring(make_plan(programme)) is None


def test_overdue_when_the_cadence_was_missed(client, programme):
    start = TODAY - datetime.timedelta(days=100)
    plan = make_plan(
        programme, monitoring_every=1, monitoring_unit="months", monitoring_start=start
    )
    result = next_monitoring(plan)
    assert (result.due, result.meeting, result.overdue) == (start, None, True)
    html = client.get(plan.url).content.decode()
    assert "avp-next-monitoring--overdue" in html
    assert "avp-next-monitoring--overdue" in client.get(programme.url).content.decode()


def test_next_due_date_follows_the_last_meeting_held(programme):
    start = TODAY - datetime.timedelta(weeks=5)
    plan = make_plan(programme, monitoring_every=2, monitoring_unit="weeks", monitoring_start=start)
    # held three days ago
    make_meeting(programme, 1, -3, kind=MeetingKind.MONITORING, monitored_plan=plan)
    result = next_monitoring(plan)
    # Due dates: -35, -21, -7, +7 days; the first after the meeting held three days ago:
    assert result.due == start + datetime.timedelta(weeks=6)
    assert result.overdue == (result.due < TODAY)


def test_announced_meeting_is_shown(client, programme):
    plan = make_plan(
        programme, monitoring_every=3, monitoring_unit="months", monitoring_start=TODAY
    )
    meeting = make_meeting(programme, 2, 10, kind=MeetingKind.MONITORING, monitored_plan=plan)
    make_meeting(programme, 3, 5, kind=MeetingKind.OPEN_MEETING)  # not a monitoring meeting
    assert next_monitoring(plan).meeting.pk == meeting.pk
    html = client.get(plan.url).content.decode()
    assert f'href="{meeting.url}"' in html.split("avp-next-monitoring")[1]


def test_demo_announces_its_first_monitoring_meeting(demo):
    plan = ActionPlanPage.objects.get()
    result = next_monitoring(plan)
    assert result.meeting is not None
    assert result.meeting.slug == "seirekoosolek"
    assert not result.overdue
    assert OpenGovernmentPage.objects.get().pk == demo.pk


def test_programme_page_and_dashboard_cost_the_same_for_one_or_many_plans(
    client, admin_client, programme
):
    """Next monitoring meetings of all plans come from one query, not two per plan."""
    plan = make_plan(programme, slug="p0", monitoring_every=3)
    make_meeting(programme, 1, 5, kind=MeetingKind.MONITORING, monitored_plan=plan)
    one_page = page_queries(client, programme.url)[0]
    one_dashboard = page_queries(admin_client, "/admin/")[0]
    for n in range(1, 6):
        make_plan(programme, slug=f"p{n}", monitoring_every=n)
    assert page_queries(client, programme.url)[0] == one_page
    assert page_queries(admin_client, "/admin/")[0] == one_dashboard
    html = client.get(programme.url).content.decode()
    assert html.count('class="avp-next-monitoring') >= 6
