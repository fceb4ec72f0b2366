"""The StreamField blocks and view restrictions: a block choosing a page an editor later
restricted (password, login, groups) shows nothing of it to a visitor who has not passed
the restriction, neither its title nor what is under it (avp_wagtail.core.visibility)."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import PageViewRestriction

from avp_wagtail.blocks import (
    LatestUpdatesBlock,
    OpenCallBlock,
    PlanAtAGlanceBlock,
    UpcomingMeetingsBlock,
)
from avp_wagtail.models import ProgressUpdate
from tests.builders import make_call, make_item, make_meeting, make_plan, make_programme, publish
from tests.factories import translate

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
SECRET = "Salajane"


def _render(block, data, host_page):
    request = RequestFactory().get("/")  # an anonymous visitor
    value = block.to_python(data)
    return block.render(value, context={"request": request, "page": host_page})


def _restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )


@pytest.fixture
def secret(home):
    programme = make_programme(home, title=f"{SECRET} programm", slug="secret-programme")
    plan = make_plan(programme, title=f"{SECRET} kava", slug="secret-plan")
    item = make_item(plan, 1, title=f"{SECRET} tegevus", status="in_progress", progress=40)
    item.progress_updates = [ProgressUpdate(title=f"{SECRET} uudis", date=TODAY)]
    publish(item)
    make_meeting(programme, 1, 5, title=f"{SECRET} koosolek")
    call = make_call(
        programme, title=f"{SECRET} kutse", deadline=TODAY + datetime.timedelta(days=9)
    )
    return programme, plan, call


def test_blocks_choosing_a_restricted_section_show_nothing_of_it(home, secret):
    programme, plan, call = secret
    _restrict(programme)
    html = "".join(
        [
            _render(PlanAtAGlanceBlock(), {"plan": plan.pk, "heading": ""}, home),
            _render(LatestUpdatesBlock(), {"plan": plan.pk, "count": 5}, home),
            _render(UpcomingMeetingsBlock(), {"programme": programme.pk, "count": 3}, home),
            _render(OpenCallBlock(), {"call": call.pk}, home),
        ]
    )
    assert SECRET not in html
    assert plan.url not in html


def test_blocks_choosing_a_restricted_plan_show_nothing_of_it(home, secret):
    programme, plan, _call = secret
    _restrict(plan)
    html = _render(PlanAtAGlanceBlock(), {"plan": plan.pk, "heading": ""}, home)
    html += _render(LatestUpdatesBlock(), {"plan": plan.pk, "count": 5}, home)
    assert SECRET not in html
    assert plan.url not in html
    # The programme's own meeting is not under the restriction: still listed.
    meetings = _render(UpcomingMeetingsBlock(), {"programme": programme.pk, "count": 3}, home)
    assert f"{SECRET} koosolek" in meetings


def test_a_restricted_translation_is_not_shown_nor_named(home, secret):
    _programme, plan, _call = secret
    english_plan = translate(plan, "en")
    english_plan.title = "Secret plan"
    english_plan.save_revision().publish()
    english_home = home.get_translation(english_plan.locale)
    _restrict(english_plan)

    html = _render(PlanAtAGlanceBlock(), {"plan": plan.pk, "heading": ""}, english_home)
    assert "Secret plan" not in html
    assert english_plan.url not in html
    # The chosen (Estonian) plan, which the visitor may see, is shown instead.
    assert plan.title in html
    assert 'value="40"' in html
