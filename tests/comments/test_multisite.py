"""Several municipalities on one install, their discussions: a moderator of one
municipality cannot see or change another's comments, nor answer officially on its pages
(the rest: tests/admin/test_multisite.py)."""

import pytest
from django.urls import reverse

from avp_wagtail.comments.models import AvpComment
from tests.admin.multisite import (
    NEIGHBOUR,
    assert_denied,
    log_in_neighbour_editor,
    two_municipalities,
)

pytestmark = pytest.mark.django_db


def _with_comment(data, name):
    data["comment"] = AvpComment.objects.create(
        content_object=data["item"],
        site_id=1,
        user_name=f"{name} kommenteerija",
        user_email="c@example.ee",
        comment=f"{name} kommentaar",
        is_public=False,
    )
    return data


@pytest.fixture
def sites(home):
    """Both municipalities, each with a held comment on its action."""
    ours, theirs = two_municipalities(home)
    return _with_comment(ours, "Näidiku"), _with_comment(theirs, "Naabri")


@pytest.fixture
def neighbour_editor(client, django_user_model, sites):
    """An editor and moderator of the neighbour's pages only."""
    _ours, theirs = sites
    moderator = ("moderate_avpcomment", "delete_avpcomment")
    return log_in_neighbour_editor(client, django_user_model, theirs, moderator)


def test_comments_of_another_municipality_are_out_of_reach(neighbour_editor, sites):
    ours, theirs = sites
    index = neighbour_editor.get("/admin/avp/comments/").content.decode()
    assert "Naabri kommentaar" in index
    assert "Näidiku kommentaar" not in index
    assert "Näidiku" not in index  # not even the other's page among the filter choices
    other = ours["comment"]
    assert_denied(neighbour_editor.get(f"/admin/avp/comments/inspect/{other.pk}/"))
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
