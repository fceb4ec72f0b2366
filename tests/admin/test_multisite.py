"""Several municipalities on one install: every AVP listing, feed, export and admin view
keeps to its own site; an editor of one municipality cannot see or change another's items,
submissions or comments."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from avp_wagtail.comments.models import AvpComment
from avp_wagtail.models import InterestSubmission, Milestone
from tests.builders import (
    make_call,
    make_item,
    make_meeting,
    make_plan,
    make_programme,
    make_site,
    publish,
)

pytestmark = pytest.mark.django_db
PAST = timezone.localdate() - datetime.timedelta(days=20)
NEIGHBOUR = {"HTTP_HOST": "naaber.example"}


def _municipality(root, name):
    programme = make_programme(root, title=f"{name} programm")
    plan = make_plan(programme, title=f"{name} kava", monitoring_every=3)
    item = make_item(plan, 1, title=f"{name} tegevus")
    item.milestones = [Milestone(title=f"{name} verstapost", due_date=PAST)]
    publish(item)
    call = make_call(programme, title=f"{name} kutse")
    make_meeting(programme, 1, 5, title=f"{name} koosolek")
    submission = InterestSubmission.objects.create(
        call=call, name=f"{name} elanik", email="x@example.ee", consent=True
    )
    comment = AvpComment.objects.create(
        content_object=item,
        site_id=1,
        user_name=f"{name} kommenteerija",
        user_email="c@example.ee",
        comment=f"{name} kommentaar",
        is_public=False,
    )
    return {
        "programme": programme,
        "plan": plan,
        "item": item,
        "submission": submission,
        "comment": comment,
    }


@pytest.fixture
def sites(home):
    ours = _municipality(home, "Näidiku")
    neighbour_site = make_site("naaber.example", title="Naabri vald")
    theirs = _municipality(neighbour_site.root_page, "Naabri")
    return ours, theirs


@pytest.fixture
def neighbour_editor(client, django_user_model, sites):
    """An editor (and moderator) of the neighbour's pages only."""
    _ours, theirs = sites
    group = Group.objects.create(name="Naabri toimetajad")
    for codename in (
        "access_admin",
        "view_interestsubmission",
        "change_interestsubmission",
        "delete_interestsubmission",
        "moderate_avpcomment",
        "delete_avpcomment",
    ):
        group.permissions.add(Permission.objects.get(codename=codename))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=theirs["programme"].get_parent(),
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user = django_user_model.objects.create_user("naaber", password="pw")
    user.groups.add(group)
    client.force_login(user)
    return client


# Public side: listings, feeds and exports of each site.


def test_programme_and_plan_pages_list_only_their_own_content(client, sites):
    ours, _theirs = sites
    html = client.get(ours["programme"].url).content.decode()
    assert "Näidiku kava" in html
    assert "Näidiku koosolek" in html
    assert "Näidiku kutse" in html
    assert "Naabri" not in html
    html = client.get("/et/open-government/", **NEIGHBOUR).content.decode()
    assert "Naabri kava" in html
    assert "Näidiku" not in html


@pytest.mark.parametrize("suffix", ["calendar/", "feed/rss/", "feed/atom/"])
def test_feeds_stay_within_their_site(client, sites, suffix):
    ours, _theirs = sites
    for page in (ours["programme"], ours["plan"]):
        body = client.get(page.get_url() + suffix).content.decode()
        assert "Näidiku" in body, (page, suffix)
        assert "Naabri" not in body, (page, suffix)


@pytest.mark.parametrize("suffix", ["open-data/json/", "open-data/csv/"])
def test_exports_stay_within_their_site(client, sites, suffix):
    body = client.get("/et/open-government/plan/" + suffix, **NEIGHBOUR).content.decode()
    assert "Naabri tegevus" in body
    assert "Näidiku" not in body


# Admin side: what the neighbour's editor sees and can change.


def _body(response):
    return b"".join(response.streaming_content).decode()


def _assert_denied(response):
    """Wagtail answers a permission error with a redirect to the dashboard."""
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_dashboard_shows_only_the_editors_municipality(neighbour_editor, sites):
    html = neighbour_editor.get(reverse("wagtailadmin_home")).content.decode()
    assert "Naabri tegevus" in html
    assert "Naabri kava" in html
    assert "Näidiku tegevus" not in html
    assert "Näidiku kava" not in html


def test_report_lists_only_the_editors_items(neighbour_editor, sites):
    url = reverse("avp_action_items_report")
    html = neighbour_editor.get(url).content.decode()
    assert "Naabri tegevus" in html
    assert "Näidiku tegevus" not in html
    assert "Näidiku kava" not in html  # not even as a filter choice
    csv = _body(neighbour_editor.get(url + "?export=csv"))
    assert "Naabri tegevus" in csv
    assert "Näidiku" not in csv


def test_submissions_of_another_municipality_are_out_of_reach(neighbour_editor, sites):
    ours, theirs = sites
    index = neighbour_editor.get("/admin/avp/interest-submissions/").content.decode()
    assert "Naabri elanik" in index
    assert "Näidiku elanik" not in index
    assert "Näidiku" not in index  # not even the other's call among the filter choices
    export = _body(neighbour_editor.get("/admin/avp/interest-submissions/?export=csv"))
    assert "Naabri elanik" in export
    assert "Näidiku" not in export
    pk = ours["submission"].pk
    for path in (f"inspect/{pk}/", f"edit/{pk}/", f"delete/{pk}/"):
        _assert_denied(neighbour_editor.get(f"/admin/avp/interest-submissions/{path}"))
    neighbour_editor.post(f"/admin/avp/interest-submissions/delete/{pk}/")
    assert InterestSubmission.objects.filter(pk=pk).exists()
    own = theirs["submission"].pk
    assert (
        neighbour_editor.get(f"/admin/avp/interest-submissions/inspect/{own}/").status_code == 200
    )


def test_comments_of_another_municipality_are_out_of_reach(neighbour_editor, sites):
    ours, theirs = sites
    index = neighbour_editor.get("/admin/avp/comments/").content.decode()
    assert "Naabri kommentaar" in index
    assert "Näidiku kommentaar" not in index
    assert "Näidiku" not in index  # not even the other's page among the filter choices
    other = ours["comment"]
    _assert_denied(neighbour_editor.get(f"/admin/avp/comments/inspect/{other.pk}/"))
    for action in ("avp_approve", "delete"):
        url = reverse("wagtail_bulk_action", args=("avp_comments", "avpcomment", action))
        neighbour_editor.post(f"{url}?id={other.pk}")
    other.refresh_from_db()
    assert not other.is_public  # not approved, and still there
    # Their own comment: approved through the same bulk action.
    own = theirs["comment"]
    url = reverse("wagtail_bulk_action", args=("avp_comments", "avpcomment", "avp_approve"))
    neighbour_editor.post(f"{url}?id={own.pk}")
    own.refresh_from_db()
    assert own.is_public


def test_page_chooser_offers_only_the_editors_own_avp_pages(neighbour_editor, sites):
    ours, theirs = sites
    item_type = {"page_type": "avp_wagtail.actionitempage"}
    html = neighbour_editor.get(
        reverse("wagtailadmin_choose_page_search"), {"q": "tegevus", **item_type}
    ).content.decode()
    assert "Naabri tegevus" in html
    assert "Näidiku tegevus" not in html
    html = neighbour_editor.get(
        reverse("wagtailadmin_choose_page_child", args=[ours["plan"].pk]), item_type
    ).content.decode()
    assert "Näidiku tegevus" not in html
    html = neighbour_editor.get(
        reverse("wagtailadmin_choose_page_child", args=[theirs["plan"].pk]), item_type
    ).content.decode()
    assert "Naabri tegevus" in html


def test_page_editor_of_one_site_cannot_edit_the_others_pages(neighbour_editor, sites):
    ours, theirs = sites
    response = neighbour_editor.get(reverse("wagtailadmin_pages:edit", args=[ours["item"].pk]))
    assert response.status_code == 302  # Wagtail: permission denied, back to the dashboard
    response = neighbour_editor.get(reverse("wagtailadmin_pages:edit", args=[theirs["item"].pk]))
    assert response.status_code == 200


def _official_fields(html):
    return 'name="official_response"' in html, 'name="official_role"' in html


def test_moderator_answers_officially_only_on_their_own_municipalitys_pages(
    neighbour_editor, sites, rf
):
    """A moderator of the neighbour sees no "official response" tick (nor the role field) on
    our items, and a forged tick posts a plain comment; on her own items she answers
    officially as before."""
    from avp_wagtail.comments.context import comment_context
    from tests.comments.helpers import comment_data

    ours, theirs = sites
    client = neighbour_editor
    html = client.get(ours["item"].get_url()).content.decode()
    assert "security_hash" in html  # the comment form is there, without the official fields
    assert _official_fields(html) == (False, False)
    data = comment_data(
        client, ours["item"], url=ours["item"].get_url(), comment="Vastus teisele vallale."
    )
    client.post("/comments/post/", {**data, "official_response": "on", "official_role": "x"})
    forged = AvpComment.objects.get(comment="Vastus teisele vallale.")
    assert not forged.is_official_response
    assert forged.official_role == ""

    client.defaults["HTTP_HOST"] = NEIGHBOUR["HTTP_HOST"]
    item_url = theirs["item"].get_url()
    assert _official_fields(client.get(item_url).content.decode()) == (True, True)
    data = comment_data(client, theirs["item"], url=item_url, comment="Ametlik vastus.")
    client.post("/comments/post/", {**data, "official_response": "on", "official_role": "nõunik"})
    answer = AvpComment.objects.get(comment="Ametlik vastus.")
    assert answer.is_official_response
    assert answer.official_role == "nõunik"

    # The page's "may moderate here" flag says the same.
    request = rf.get("/")
    request.user = AvpComment.objects.get(pk=answer.pk).user
    assert comment_context(theirs["item"], request)["can_moderate"]
    assert not comment_context(ours["item"], request)["can_moderate"]
