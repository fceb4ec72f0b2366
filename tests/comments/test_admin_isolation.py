"""Isolation matrix with the discussion: an editor and moderator of one municipality, and a
user who may only open the admin, get no data of the other municipality (its comments and
commenters among them) from any admin URL the package registers, the comments app's
included. How the URLs are generated: tests/security/isolation.py; the core's matrix:
tests/security/test_admin_isolation.py."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

from avp_wagtail.comments.models import AvpComment
from avp_wagtail.ideas.models import Idea, IdeaCollection
from avp_wagtail.models import InterestSubmission, MeetingSignup
from tests.security.isolation import (
    B_MARKERS,
    PARAM,
    A,
    avp_admin_routes,
    build_world,
    check_bulk_actions,
    check_every_admin_url,
    core_snapshot,
    make_bare_user,
    make_editor_b,
)

pytestmark = pytest.mark.django_db


def _comment(page, text, *, public, name, email):
    return AvpComment.objects.create(
        content_type=ContentType.objects.get_for_model(page),
        object_pk=str(page.pk),
        site_id=1,
        user_name=name,
        user_email=email,
        comment=text,
        is_public=public,
    )


def _discussion(data, markers, suffix):
    """A held and a public comment on the municipality's action."""
    item = data["item"]
    data["held"] = _comment(
        item,
        markers["held"],
        public=False,
        name=markers.get("commenter", f"Kommenteerija {suffix}"),
        email=markers.get("commenter_email", f"c-{suffix}@example.ee"),
    )
    data["public"] = _comment(
        item,
        markers.get("public", f"Avalik {suffix}"),
        public=True,
        name=f"Avalik kommenteerija {suffix}",
        email=f"p-{suffix}@example.ee",
    )


@pytest.fixture
def world(db):
    world = build_world()
    _discussion(world["a"], A, "a")
    _discussion(world["b"], B_MARKERS, "b")
    return world


@pytest.fixture
def editor_b(django_user_model, world):
    """Editor and moderator of site B: page permissions only under B's root."""
    return make_editor_b(django_user_model, world, ("moderate_avpcomment", "delete_avpcomment"))


@pytest.fixture
def bare_user(django_user_model, world):
    return make_bare_user(django_user_model)


def _snapshot(world):
    comments = AvpComment.objects.filter(object_pk=str(world["a"]["item"].pk))
    return (
        sorted(comments.values_list("pk", "is_public", "is_removed", "comment")),
        core_snapshot(world),
    )


def test_the_walk_finds_every_view_the_comment_viewset_registers(world):
    """The generator sees the comment views (a regression in the walk would otherwise make
    the matrix pass vacuously)."""
    routes = {PARAM.sub(r"<\g<name>>", route) for route, _ in avp_admin_routes()}
    for expected in (
        "admin/avp/comments/",
        "admin/avp/comments/inspect/<pk>/",
        "admin/avp/comments/history/<pk>/",
        "admin/avp/comments/usage/<pk>/",
        "admin/avp/comments/delete/<pk>/",
        "admin/avp/interest-submissions/",
    ):
        assert expected in routes, expected


@pytest.mark.parametrize("who", ["editor_b", "bare_user"])
def test_no_admin_url_of_the_package_shows_another_municipalitys_data(client, world, request, who):
    """Every admin URL, the core's and the comments app's, with both municipalities'
    discussions in the database."""
    client.force_login(request.getfixturevalue(who))
    before = _snapshot(world)
    check_every_admin_url(client, world)
    assert _snapshot(world) == before


@pytest.mark.parametrize("who", ["editor_b", "bare_user"])
def test_bulk_action_confirmations_show_nothing_of_another_municipality(
    client, world, request, who
):
    client.force_login(request.getfixturevalue(who))
    a = world["a"]
    ids = {
        "avpcomment": [a["held"].pk, a["public"].pk],
        "interestsubmission": [a["submission"].pk],
        "page": [a["draft"].pk, a["item"].pk],
    }
    before = _snapshot(world)
    checked = check_bulk_actions(client, ids)
    assert checked >= 4  # approve, hide and delete comments; page actions
    assert _snapshot(world) == before


def test_comment_chooser_is_switched_off(client, world, editor_b):
    """Nothing in the admin chooses a comment: the chooser's URLs do not exist."""
    client.force_login(editor_b)
    pk = world["a"]["held"].pk
    for url in (
        "/admin/snippets/choose/avp_comments/avpcomment/",
        "/admin/snippets/choose/avp_comments/avpcomment/results/?q=Zqx",
        f"/admin/snippets/choose/avp_comments/avpcomment/chosen/{pk}/",
    ):
        assert client.get(url, follow=True).status_code == 404, url


def test_editor_b_still_sees_and_moderates_their_own(client, world, editor_b):
    """The scope keeps B's own comments reachable (the matrix must not pass by denying
    all)."""
    client.force_login(editor_b)
    b = world["b"]
    html = client.get("/admin/avp/comments/").content.decode()
    assert B_MARKERS["held"] in html
    for path in (f"inspect/{b['held'].pk}/", f"history/{b['held'].pk}/"):
        response = client.get(f"/admin/avp/comments/{path}")
        assert response.status_code == 200, path
    inspect = client.get(f"/admin/avp/comments/inspect/{b['held'].pk}/")
    assert B_MARKERS["held"] in inspect.content.decode()
    url = f"/admin/bulk/avp_comments/avpcomment/avp_approve/?id={b['held'].pk}"
    assert B_MARKERS["held"] in client.get(url).content.decode()
    client.post(url)
    b["held"].refresh_from_db()
    assert b["held"].is_public


def test_the_comment_viewset_and_its_bulk_actions_are_scoped():
    """The comment listing is one of the scoped viewsets (every view of which is checked by
    tests/security/test_admin_isolation.py), and its bulk actions keep to the scope."""
    from wagtail.admin.viewsets import viewsets

    from avp_wagtail.admin.scope import ScopedBulkActionMixin
    from avp_wagtail.federation.models import FollowedSource
    from avp_wagtail.outreach.models import OutreachContact

    scoped = [viewset for viewset in viewsets.viewsets if getattr(viewset, "scope", None)]
    assert {viewset.model for viewset in scoped} == {
        AvpComment,
        InterestSubmission,
        MeetingSignup,
        Idea,
        IdeaCollection,
        OutreachContact,
        FollowedSource,
    }
    bulk_action_registry._scan_for_bulk_actions()
    actions = bulk_action_registry.get_bulk_actions_for_model(
        AvpComment._meta.app_label, AvpComment._meta.model_name
    )
    assert actions
    for action in actions:
        assert issubclass(action, ScopedBulkActionMixin), action
