"""Decisions followed to the end (D3, I1): each agenda point's decision is open, done (on a
date), changed by a decision of a later meeting, or overdue (open, its deadline passed);
the plan, the action and the meeting pages show how each turned out."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset

from avp_wagtail.core.dates import format_date
from avp_wagtail.models import AgendaItem
from avp_wagtail.models.agenda_items import DecisionState
from tests.admin import forms_data
from tests.admin.helpers import add_url
from tests.admin.helpers import publish as admin_publish
from tests.builders import make_item, make_meeting, make_plan, make_programme, publish
from tests.factories import translate
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 18))


def days(n):
    return TODAY + datetime.timedelta(days=n)


def with_points(meeting, *points):
    """Give ``meeting`` its agenda points and publish it (as the editor's "Publish" does);
    the meeting as stored."""
    meeting.agenda_items = [AgendaItem(**point) for point in points]
    publish(meeting)
    return type(meeting).objects.get(pk=meeting.pk)


@pytest.fixture
def programme(home):
    return make_programme(home)


@pytest.fixture
def plan(programme):
    return make_plan(programme, title="Tegevuskava")


@pytest.fixture
def item(plan):
    return make_item(plan, 1, title="Kaasav eelarve")


# The states


@pytest.mark.parametrize(
    ("state", "deadline", "overdue"),
    [
        (DecisionState.OPEN, days(-1), True),
        (DecisionState.OPEN, TODAY, False),
        (DecisionState.OPEN, days(3), False),
        (DecisionState.OPEN, None, False),
        (DecisionState.DONE, days(-1), False),
        (DecisionState.CHANGED, days(-1), False),
    ],
)
def test_overdue_is_an_open_decision_past_its_deadline(state, deadline, overdue):
    assert AgendaItem(decision_state=state, deadline=deadline).is_overdue is overdue


def test_overdue_is_computed_not_stored(programme):
    meeting = with_points(make_meeting(programme, 1, -10), {"title": "Punkt", "deadline": days(-1)})
    point = meeting.agenda_items.get()
    assert point.decision_state == DecisionState.OPEN
    assert point.is_overdue
    assert not point.is_overdue_on(days(-2))


def test_a_decision_marked_done_without_a_date_is_done_today(programme):
    meeting = with_points(
        make_meeting(programme, 1, -10), {"title": "Punkt", "decision_state": DecisionState.DONE}
    )
    assert meeting.agenda_items.get().done_on == TODAY


def _point(meeting, **kwargs):
    return AgendaItem(page=meeting, title="Punkt", **kwargs)


def test_a_decision_changed_by_a_later_meetings_decision_is_valid(programme):
    earlier = make_meeting(programme, 1, -30)
    later = with_points(make_meeting(programme, 2, -5), {"title": "Uus otsus"})
    point = _point(
        earlier, decision_state=DecisionState.CHANGED, changed_by=later.agenda_items.get()
    )
    point.full_clean(exclude=["page", "translation_key", "locale"])


@pytest.mark.parametrize("other_day", [10, 5])  # the same start, an earlier one
def test_the_changing_decision_must_be_from_a_later_meeting(programme, other_day):
    meeting = make_meeting(programme, 1, 0, start=_at(2026, 3, 10))
    other = with_points(
        make_meeting(programme, 2, 0, start=_at(2026, 3, other_day)), {"title": "Otsus"}
    )
    point = _point(
        meeting, decision_state=DecisionState.CHANGED, changed_by=other.agenda_items.get()
    )
    with pytest.raises(ValidationError) as error:
        point.full_clean(exclude=["page", "translation_key", "locale"])
    assert error.value.message_dict["changed_by"] == [
        _("The decision that changed this one must be from a later meeting than this one.")
    ]


def test_the_changing_decision_must_be_of_the_same_programme(programme):
    meeting = make_meeting(programme, 1, -30)
    other_programme = make_programme(programme.get_parent(), title="Teine", slug="teine")
    other = with_points(make_meeting(other_programme, 2, -5), {"title": "Võõras otsus"})
    point = _point(
        meeting, decision_state=DecisionState.CHANGED, changed_by=other.agenda_items.get()
    )
    with pytest.raises(ValidationError) as error:
        point.full_clean(exclude=["page", "translation_key", "locale"])
    assert error.value.message_dict["changed_by"] == [
        _("The decision that changed this one must be from a meeting of the same programme.")
    ]


def test_changed_needs_the_later_decision_and_done_needs_the_state(programme):
    meeting = make_meeting(programme, 1, -30)
    with pytest.raises(ValidationError) as error:
        _point(meeting, decision_state=DecisionState.CHANGED).full_clean(
            exclude=["page", "translation_key", "locale"]
        )
    assert "changed_by" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _point(meeting, done_on=days(-1)).full_clean(exclude=["page", "translation_key", "locale"])
    assert "done_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _point(meeting, decision_state=DecisionState.DONE, done_on=days(1)).full_clean(
            exclude=["page", "translation_key", "locale"]
        )
    assert "done_on" in error.value.message_dict


def test_the_admin_form_shows_the_error_on_the_field(admin_client, programme):
    """An editor who picks a decision of an earlier meeting sees the error on the field;
    the choice names each decision's meeting, among this programme's meetings only."""
    earlier = with_points(
        make_meeting(programme, 1, 0, title="Jaanuari koosolek", start=_at(2026, 1, 10)),
        {"title": "Vana otsus"},
    )
    other_programme = make_programme(programme.get_parent(), title="Teine", slug="teine")
    with_points(make_meeting(other_programme, 9, 0, title="Võõras"), {"title": "Võõras otsus"})
    assert (
        "Jaanuari koosolek ("
        in admin_client.get(add_url("meetingprotocolpage", programme)).content.decode()
    )
    point = {
        "title": "Punkt",
        "decision_state": DecisionState.CHANGED,
        "changed_by": str(earlier.agenda_items.get().pk),
    }
    data = forms_data.meeting_data(agenda_items=inline_formset([point]))
    response = admin_publish(admin_client, "meetingprotocolpage", programme, data)
    assert response.status_code == 200
    html = response.content.decode()
    message = _("The decision that changed this one must be from a later meeting than this one.")
    assert message in html
    assert "Võõras otsus" not in html


# The pages


@pytest.fixture
def decisions(programme, item):
    """A meeting a month ago whose decisions are done, overdue and changed by one of a
    meeting a week ago, all about ``item``."""
    later = with_points(
        make_meeting(programme, 2, -7, title="Teine koosolek"),
        {"title": "Uus summa", "action_item": item},
    )
    meeting = with_points(
        make_meeting(programme, 1, -30, title="Esimene koosolek"),
        {
            "title": "Ideede kogumine",
            "responsible": "Kaja Kask",
            "deadline": days(-20),
            "decision_state": DecisionState.DONE,
            "done_on": days(-21),
            "action_item": item,
        },
        {
            "title": "Hääletuse hange",
            "responsible": "Mart Mänd",
            "deadline": days(-2),
            "action_item": item,
        },
        {
            "title": "Eelarve suurus",
            "decision_state": DecisionState.CHANGED,
            "changed_by": later.agenda_items.get(),
            "action_item": item,
        },
    )
    return meeting, later


def test_item_page_lists_its_decisions_with_their_state(client, item, decisions):
    meeting, later = decisions
    html = client.get(item.url).content.decode()
    section = html[html.index(_("Decisions about this action")) :]
    for title in ("Ideede kogumine", "Hääletuse hange", "Eelarve suurus", "Uus summa"):
        assert title in section
    assert _("done on %(date)s") % {"date": format_date(days(-21))} in section
    assert "Kaja Kask" in section
    assert "Mart Mänd" in section
    assert format_date(days(-2)) in section
    assert _("overdue") in section  # said in words, not by colour alone
    assert f'href="{meeting.url}#avp-agenda-item-' in section
    assert _("changed by a later decision") in section
    later_point = later.agenda_items.get()
    assert f'href="{later.url}#avp-agenda-item-{later_point.pk}"' in section


def test_plan_page_lists_the_decisions_about_its_actions(client, plan, item, decisions):
    html = client.get(plan.url).content.decode()
    section = html[html.index(_("Decisions about the actions")) :]
    assert "Hääletuse hange" in section
    assert f'href="{item.url}"' in section
    assert _("overdue") in section


def test_meeting_page_shows_how_each_decision_turned_out(client, item, decisions):
    meeting, later = decisions
    html = client.get(meeting.url).content.decode()
    assert _("How it turned out") in html
    assert _("done on %(date)s") % {"date": format_date(days(-21))} in html
    assert _("overdue") in html
    later_point = later.agenda_items.get()
    assert f'href="{later.url}#avp-agenda-item-{later_point.pk}"' in html
    assert f'id="avp-agenda-item-{later_point.pk}"' in client.get(later.url).content.decode()
    assert f'href="{item.url}"' in html  # the action it concerns


def test_decisions_of_restricted_meetings_are_not_listed(client, programme, plan, item):
    meeting = with_points(
        make_meeting(programme, 1, -30, title="Kinnine koosolek"),
        {"title": "Salajane otsus", "action_item": item},
    )
    PageViewRestriction.objects.create(page=meeting, restriction_type="login")
    assert "Salajane otsus" not in client.get(item.url).content.decode()
    assert "Salajane otsus" not in client.get(plan.url).content.decode()


def test_a_new_decision_shows_on_the_cached_item_page(client, programme, item):
    client.get(item.url)  # the body is cached
    with_points(make_meeting(programme, 1, -3), {"title": "Värske otsus", "action_item": item})
    assert "Värske otsus" in client.get(item.url).content.decode()


def test_translated_pages_link_the_decisions_in_their_language(client, programme, item):
    meeting = with_points(
        make_meeting(programme, 1, -30, title="Koosolek"),
        {"title": "Otsus", "deadline": days(-2), "action_item": item},
    )
    item_en = translate(item, "en")
    meeting_en = translate(meeting, "en")
    point_en = meeting_en.agenda_items.get()
    assert point_en.decision_state == DecisionState.OPEN  # synchronised, not translated
    assert point_en.deadline == days(-2)
    html = client.get(item_en.url).content.decode()
    assert f'href="{meeting_en.url}#avp-agenda-item-{point_en.pk}"' in html
    html = client.get(meeting_en.url).content.decode()
    assert f'href="{item_en.url}"' in html


def _many_decisions(programme, item, n, slug):
    later = with_points(
        make_meeting(programme, 0, -1, title=f"Hiline {slug}", slug=f"later-{slug}"),
        {"title": "Hiline otsus"},
    )
    later_point = later.agenda_items.get()
    states = [
        {"decision_state": DecisionState.DONE, "done_on": days(-3)},
        {"deadline": days(-2)},
        {"decision_state": DecisionState.CHANGED, "changed_by": later_point},
        {"deadline": days(5)},
    ]
    points = [
        {"title": f"Otsus {n}", "action_item": item, "responsible": "Kaja", **states[n % 4]}
        for n in range(n)
    ]
    return with_points(make_meeting(programme, 1, -30, slug=f"meeting-{slug}"), *points)


def test_query_counts_do_not_grow_with_the_decisions(client, programme):
    """The plan, action and meeting pages with 5 and with 200 decisions."""
    counts = {}
    for n in (5, 200):
        plan = make_plan(programme, title=f"Kava {n}", slug=f"plan-{n}")
        item = make_item(plan, 1, slug=f"item-{n}")
        meeting = _many_decisions(programme, item, n, str(n))
        for page in (plan, item, meeting):
            queries, response = page_queries(client, page.url)
            assert response.content.decode().count("avp-decision-state") == n
            counts.setdefault(type(page).__name__, []).append(queries)
    for name, (few, many) in counts.items():
        assert few == many, name


def test_a_preview_shows_the_edit_forms_decisions(programme, item):
    """In a preview the agenda points are the edit form's in-memory rows, not yet saved."""
    later = with_points(make_meeting(programme, 2, -2, title="Hiline"), {"title": "Uus otsus"})
    meeting = make_meeting(programme, 1, -30)
    meeting.agenda_items = [
        AgendaItem(
            title="Vana otsus",
            decision_state=DecisionState.CHANGED,
            changed_by=later.agenda_items.get(),
            action_item=item,
        ),
        AgendaItem(title="Hiljaks jäänud", responsible="Kaja", deadline=days(-1)),
    ]
    html = meeting.make_preview_request().render().content.decode()
    assert f'href="{later.url}#avp-agenda-item-{later.agenda_items.get().pk}"' in html
    assert f'href="{item.url}"' in html
    assert _("overdue") in html


def test_a_decision_cannot_concern_another_municipalitys_action(home):
    from django.core.exceptions import ValidationError

    from avp_wagtail.models import AgendaItem
    from tests.builders import make_item, make_meeting, make_plan, make_programme, make_site

    meeting = make_meeting(make_programme(home), 1, -3)
    neighbour = make_site("naaber.example").root_page
    theirs = make_item(make_plan(make_programme(neighbour)), 1, title="Naabri tegevus")
    point = AgendaItem(page=meeting, title="Otsus", action_item=theirs)
    with pytest.raises(ValidationError) as error:
        point.clean()
    assert "action_item" in error.value.message_dict
    point.action_item = make_item(make_plan(make_programme(home, slug="teine")), 1)
    point.clean()  # an action of the same municipality is fine
