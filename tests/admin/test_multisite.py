"""Several municipalities on one install: every AVP listing, feed, export and admin view
keeps to its own site; an editor of one municipality cannot see or change another's items or
submissions (their comments: tests/comments/test_multisite.py)."""

import pytest
from django.urls import reverse

from avp_wagtail.models import InterestSubmission
from tests.admin.multisite import (
    NEIGHBOUR,
    assert_denied,
    body,
    log_in_neighbour_editor,
    two_municipalities,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites(home):
    return two_municipalities(home)


@pytest.fixture
def neighbour_editor(client, django_user_model, sites):
    """An editor of the neighbour's pages only."""
    _ours, theirs = sites
    return log_in_neighbour_editor(client, django_user_model, theirs)


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
    csv = body(neighbour_editor.get(url + "?export=csv"))
    assert "Naabri tegevus" in csv
    assert "Näidiku" not in csv


def test_submissions_of_another_municipality_are_out_of_reach(neighbour_editor, sites):
    ours, theirs = sites
    index = neighbour_editor.get("/admin/avp/interest-submissions/").content.decode()
    assert "Naabri elanik" in index
    assert "Näidiku elanik" not in index
    assert "Näidiku" not in index  # not even the other's call among the filter choices
    export = body(neighbour_editor.get("/admin/avp/interest-submissions/?export=csv"))
    assert "Naabri elanik" in export
    assert "Näidiku" not in export
    pk = ours["submission"].pk
    for path in (f"inspect/{pk}/", f"edit/{pk}/", f"delete/{pk}/"):
        assert_denied(neighbour_editor.get(f"/admin/avp/interest-submissions/{path}"))
    neighbour_editor.post(f"/admin/avp/interest-submissions/delete/{pk}/")
    assert InterestSubmission.objects.filter(pk=pk).exists()
    own = theirs["submission"].pk
    assert (
        neighbour_editor.get(f"/admin/avp/interest-submissions/inspect/{own}/").status_code == 200
    )


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
