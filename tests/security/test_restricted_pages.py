"""Restricted pages stay restricted (issue 13, point 5).

A programme with a password-restricted plan (and its action), a login-restricted action in
a public plan, restricted meetings and a restricted call: no public listing, block, feed,
calendar, export, network page or JSON-LD names any of them, and the restricted pages' own
feeds, calendars and exports ask for the password or the login first. Every public surface
is one line of ``PUBLIC_SURFACES``: a new one is one line more.
"""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from avp_wagtail.core.choices import MeetingKind
from avp_wagtail.models import (
    ActionItemPage,
    AgendaItem,
    MeetingDiscussedItem,
    Milestone,
    NetworkPage,
    ProgressUpdate,
)
from tests.builders import make_call, make_item, make_meeting, make_plan, make_programme, publish

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
SECRET = "SALAJANE"  # in the title and text of every restricted page
HIDDEN_SLUG = "/hidden-"  # in the URL of every restricted page
PASSWORD = "parool-123"


def _restrict(page, kind):
    return PageViewRestriction.objects.create(
        page=page,
        restriction_type=kind,
        password=PASSWORD if kind == PageViewRestriction.PASSWORD else "",
    )


@pytest.fixture
def tree(home):
    programme = make_programme(home, in_network=True)
    network = NetworkPage(title="Võrgustik", slug="network")
    programme.add_child(instance=network)
    publish(network)

    plan = make_plan(
        programme,
        title="Avalik kava",
        slug="public-plan",
        monitoring_every=1,
        monitoring_unit="months",
        monitoring_start=TODAY,
    )
    public_item = make_item(plan, 1, title="Avalik tegevus", slug="public-item")
    public_item.progress_updates = [ProgressUpdate(title="Avalik uudis", date=TODAY)]
    publish(public_item)
    login_item = make_item(
        plan, 2, title=f"{SECRET} sisselogimisega tegevus", slug="hidden-login-item"
    )
    login_item.summary = f"{SECRET} kokkuvõte"
    login_item.milestones = [
        Milestone(title=f"{SECRET} verstapost", due_date=TODAY + datetime.timedelta(days=30))
    ]
    login_item.progress_updates = [ProgressUpdate(title=f"{SECRET} uudis 1", date=TODAY)]
    publish(login_item)
    _restrict(login_item, PageViewRestriction.LOGIN)

    secret_plan = make_plan(programme, title=f"{SECRET} kava", slug="hidden-plan")
    secret_item = make_item(secret_plan, 3, title=f"{SECRET} tegevus", slug="hidden-item")
    secret_item.milestones = [
        Milestone(title=f"{SECRET} tähtaeg", due_date=TODAY + datetime.timedelta(days=40))
    ]
    secret_item.progress_updates = [ProgressUpdate(title=f"{SECRET} uudis 2", date=TODAY)]
    publish(secret_item)
    _restrict(secret_plan, PageViewRestriction.PASSWORD)

    # A public meeting discussed the public and the restricted action.
    public_meeting = make_meeting(programme, 1, -5, title="Avalik koosolek", slug="meeting")
    public_meeting.discussed_items = [
        MeetingDiscussedItem(item=public_item),
        MeetingDiscussedItem(item=login_item),
    ]
    publish(public_meeting)
    # Restricted meetings: a past one that discussed the public action, and the next
    # monitoring meeting of the public plan.
    past = make_meeting(
        programme, 2, -3, title=f"{SECRET} koosolek", slug="hidden-meeting", summary=SECRET
    )
    past.agenda_items = [AgendaItem(title=SECRET, decision=f"<p>{SECRET} otsus</p>")]
    past.discussed_items = [MeetingDiscussedItem(item=public_item)]
    publish(past)
    _restrict(past, PageViewRestriction.PASSWORD)
    upcoming = make_meeting(
        programme,
        3,
        6,
        title=f"{SECRET} seire",
        slug="hidden-monitoring",
        kind=MeetingKind.MONITORING,
        monitored_plan=plan,
    )
    _restrict(upcoming, PageViewRestriction.LOGIN)

    make_call(programme, title="Avalik kutse", slug="call", deadline=TODAY + datetime.timedelta(30))
    make_call(
        programme,
        title=f"{SECRET} kutse",
        slug="hidden-call",
        deadline=TODAY + datetime.timedelta(days=3),
    )
    from avp_wagtail.models import CallToParticipatePage

    _restrict(CallToParticipatePage.objects.get(slug="hidden-call"), PageViewRestriction.PASSWORD)

    # The home page's blocks: every block, the plan at a glance set to the restricted plan.
    home.body = json.dumps(
        [
            {"type": "avp_latest_updates", "value": {"heading": "", "plan": None, "count": 20}},
            {
                "type": "avp_upcoming_meetings",
                "value": {"heading": "", "programme": None, "count": 20},
            },
            {"type": "avp_open_call", "value": {"heading": "", "call": None}},
            {"type": "avp_plan_at_a_glance", "value": {"heading": "", "plan": secret_plan.pk}},
        ]
    )
    publish(home)
    return {
        "home": home,
        "programme": programme,
        "plan": plan,
        "public_item": public_item,
        "login_item": login_item,
        "secret_plan": secret_plan,
        "secret_item": secret_item,
        "public_meeting": public_meeting,
        "past": past,
        "network": network,
    }


# (name, the page of the fixture, the sub-URL under it, a text a working surface shows)
PUBLIC_SURFACES = [
    ("home page blocks", "home", "", "Avalik uudis"),
    ("programme page", "programme", "", "Avalik kava"),
    ("programme calendar", "programme", "calendar/", "Avalik koosolek"),
    ("programme RSS", "programme", "feed/rss/", "Avalik tegevus"),
    ("programme Atom", "programme", "feed/atom/", "Avalik tegevus"),
    ("plan page", "plan", "", "Avalik tegevus"),
    ("plan calendar", "plan", "calendar/", "Avalik koosolek"),
    ("plan RSS", "plan", "feed/rss/", "Avalik uudis"),
    ("plan Atom", "plan", "feed/atom/", "Avalik uudis"),
    ("plan JSON export", "plan", "open-data/json/", "Avalik tegevus"),
    ("plan CSV export", "plan", "open-data/csv/", "Avalik tegevus"),
    ("item page", "public_item", "", "Avalik koosolek"),
    ("item JSON export", "public_item", "open-data/json/", "Avalik koosolek"),
    ("meeting page", "public_meeting", "", "Avalik tegevus"),
    ("call page", "call", "", "Avalik koosolek"),
    ("network page", "network", "", "Avalik tegevus"),
    ("pages API", None, "/api/v2/pages/?limit=20", "Avalik tegevus"),
]


def _url(tree, page_name, sub):
    if page_name is None:
        return sub
    if page_name == "call":
        from avp_wagtail.models import CallToParticipatePage

        return CallToParticipatePage.objects.get(slug="call").url + sub
    return tree[page_name].url + sub


@pytest.mark.parametrize(
    ("page_name", "sub", "shown"),
    [s[1:] for s in PUBLIC_SURFACES],
    ids=[s[0] for s in PUBLIC_SURFACES],
)
def test_public_surfaces_show_no_restricted_page(client, tree, page_name, sub, shown):
    response = client.get(_url(tree, page_name, sub))
    assert response.status_code == 200
    body = response.content.decode("utf-8-sig")
    assert shown in body  # the surface works and lists what is public
    assert SECRET not in body.upper()
    assert HIDDEN_SLUG not in body


def test_next_monitoring_meeting_is_not_a_restricted_one(client, tree):
    """The public plan's next monitoring meeting is restricted: the pages say when it is
    due instead of naming it."""
    for page in (tree["programme"], tree["plan"]):
        html = client.get(page.url).content.decode()
        assert "Next monitoring meeting" in html or "Järgmine seirekoosolek" in html
        assert SECRET not in html


# (name, the restricted page of the fixture, its sub-URL)
RESTRICTED_SURFACES = [
    ("plan page", "secret_plan", ""),
    ("plan calendar", "secret_plan", "calendar/"),
    ("plan RSS", "secret_plan", "feed/rss/"),
    ("plan Atom", "secret_plan", "feed/atom/"),
    ("plan JSON export", "secret_plan", "open-data/json/"),
    ("plan CSV export", "secret_plan", "open-data/csv/"),
    ("item of the plan", "secret_item", ""),
    ("item JSON export", "secret_item", "open-data/json/"),
    ("meeting", "past", ""),
    ("login item", "login_item", ""),
    ("login item JSON export", "login_item", "open-data/json/"),
]


@pytest.mark.parametrize(
    ("page_name", "sub"),
    [s[1:] for s in RESTRICTED_SURFACES],
    ids=[s[0] for s in RESTRICTED_SURFACES],
)
def test_restricted_pages_own_urls_ask_for_password_or_login(client, tree, page_name, sub):
    page = tree[page_name]
    response = client.get(page.url + sub)
    body = response.content.decode()
    if page_name == "login_item":
        assert response.status_code == 302
        assert "login" in response["Location"]
    else:
        assert response.status_code == 200
        assert 'name="password"' in body
    assert f"{SECRET} tegevus" not in body
    assert f"{SECRET} uudis" not in body


def _give_password(client, page):
    restriction = PageViewRestriction.objects.get(page=page)
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    response = client.post(url, {"password": PASSWORD, "return_url": page.url})
    assert response.status_code == 302


def test_restricted_plan_feeds_and_exports_work_after_the_password(client, tree):
    """Whoever gave the plan's password sees its actions in its own feed and export."""
    plan = tree["secret_plan"]
    _give_password(client, plan)
    for sub, expected in (
        ("", f"{SECRET} tegevus"),
        ("feed/rss/", f"{SECRET} uudis 2"),
        ("calendar/", f"{SECRET} tähtaeg"),
        ("open-data/json/", f"{SECRET} tegevus"),
        ("open-data/csv/", f"{SECRET} tegevus"),
    ):
        response = client.get(plan.url + sub)
        assert response.status_code == 200
        assert expected in response.content.decode("utf-8-sig"), sub
    # The other restrictions still hold: the restricted meeting is not in the plan's feed.
    assert f"{SECRET} koosolek" not in client.get(plan.url + "feed/rss/").content.decode()


def test_a_logged_in_visitor_sees_the_login_restricted_action(client, tree, django_user_model):
    user = django_user_model.objects.create_user("elanik", "elanik@example.ee", "pw")
    client.force_login(user)
    html = client.get(tree["plan"].url).content.decode()
    assert f"{SECRET} sisselogimisega tegevus" in html
    assert f"{SECRET} kava" not in client.get(tree["programme"].url).content.decode()


def test_a_comment_to_a_restricted_page_is_refused_without_showing_it(client, tree):
    """The form's fields, taken by someone who gave the password, posted by someone who did
    not: nothing is stored and the restricted page is not rendered in the answer."""
    from django.test import Client

    from avp_wagtail.comments.models import AvpComment
    from tests.comments.helpers import comment_data

    secret_item = ActionItemPage.objects.get(slug="hidden-item")
    _give_password(client, secret_item.get_parent())
    data = comment_data(client, secret_item, comment="")  # an invalid comment
    response = Client().post("/comments/post/", data)
    assert response.status_code == 400
    assert SECRET not in response.content.decode()
    assert not AvpComment.objects.exists()
    # Who gave the password gets the page back with the error, as on any page.
    response = client.post("/comments/post/", data)
    assert response.status_code == 400
    assert SECRET in response.content.decode()
