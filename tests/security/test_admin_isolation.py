"""Isolation matrix: an editor of one municipality, and a user who may only open the admin,
get no data of the other municipality from any admin URL the package registers.

The URLs are generated from Django's URL resolver, not listed by hand (tests/security/
isolation.py): every pattern under the Wagtail admin whose view belongs to avp_wagtail or
whose path names an AVP model, plus Wagtail's generic bulk-action URLs for every action
registered for our models and the page chooser (which our hook limits). Path parameters are
filled with the first municipality's object ids; bulk URLs get ``?id=`` with its ids;
confirmation views are also POSTed to, and nothing of the first municipality may change.

Here without the optional comments app's views and data (they run without the app too);
the matrix with the discussion: tests/comments/test_admin_isolation.py.
"""

import pytest
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

from avp_wagtail.ideas.models import Idea, IdeaCollection
from avp_wagtail.models import ContactPerson, InterestSubmission, MeetingSignup

from .isolation import (
    COMMENTS_APP,
    PARAM,
    avp_admin_routes,
    build_world,
    check_bulk_actions,
    check_choosers,
    check_every_admin_url,
    core_snapshot,
    make_bare_user,
    make_editor_b,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def editor_b(django_user_model, world):
    """Editor of site B: page permissions only under B's root."""
    return make_editor_b(django_user_model, world)


@pytest.fixture
def bare_user(django_user_model, world):
    return make_bare_user(django_user_model)


def test_the_walk_finds_every_view_a_viewset_registers(world):
    """The generator itself: it sees the submission and snippet views (a regression in the
    walk would otherwise make the matrix pass vacuously)."""
    routes = {PARAM.sub(r"<\g<name>>", route) for route, _ in avp_admin_routes(comments=False)}
    for expected in (
        "admin/avp/interest-submissions/",
        "admin/avp/interest-submissions/edit/<pk>/",
        "admin/avp/interest-submissions/inspect/<pk>/",
        "admin/avp/interest-submissions/history/<pk>/",
        "admin/avp/interest-submissions/usage/<pk>/",
        "admin/snippets/avp_wagtail/contactperson/edit/<pk>/",
        "admin/avp/plans/<plan_id>/import/",
        "admin/avp/plans/<plan_id>/import/<import_id>/",
        "admin/avp/meetings/<meeting_id>/attending-from-signups/",
        "admin/avp/meeting-signups/inspect/<pk>/",
        "admin/reports/avp-action-items/",
        "admin/avp/ideas/edit/<pk>/",
        "admin/avp/ideas/inspect/<pk>/",
        "admin/avp/ideas/history/<pk>/",
        "admin/avp/ideas/<idea_id>/create-action/",
    ):
        assert expected in routes, expected
    assert not any("comments" in route for route in routes)


@pytest.mark.parametrize("who", ["editor_b", "bare_user"])
def test_no_admin_url_of_the_package_shows_another_municipalitys_data(client, world, request, who):
    client.force_login(request.getfixturevalue(who))
    before = core_snapshot(world)
    check_every_admin_url(client, world, comments=False)
    assert core_snapshot(world) == before


@pytest.mark.parametrize("who", ["editor_b", "bare_user"])
def test_bulk_action_confirmations_show_nothing_of_another_municipality(
    client, world, request, who
):
    client.force_login(request.getfixturevalue(who))
    a = world["a"]
    ids = {
        "interestsubmission": [a["submission"].pk],
        "meetingsignup": [a["signup"].pk],
        "idea": [a["idea"].pk],
        "ideacollection": [a["collection"].pk],
        "page": [a["draft"].pk, a["item"].pk],
    }
    before = core_snapshot(world)
    assert check_bulk_actions(client, ids) >= 4  # delete submissions; page actions
    assert core_snapshot(world) == before


@pytest.mark.parametrize("who", ["editor_b", "bare_user"])
def test_choosers_offer_nothing_of_another_municipality(client, world, request, who):
    client.force_login(request.getfixturevalue(who))
    check_choosers(client, world)


def test_personal_data_is_never_copied(client, world, django_user_model):
    """Copying an expression of interest or a contact person would duplicate someone's
    personal data: the copy views do not exist (not even for a superuser)."""
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.ee", "pw"))
    submission = world["a"]["submission"]
    person = ContactPerson.objects.first()
    for url in (
        f"/admin/avp/interest-submissions/copy/{submission.pk}/",
        f"/admin/snippets/avp_wagtail/contactperson/copy/{person.pk}/",
    ):
        assert client.get(url, follow=True).status_code == 404, url


def test_editor_b_still_sees_their_own(client, world, editor_b):
    """The scope keeps B's own data reachable (the matrix must not pass by denying all)."""
    client.force_login(editor_b)
    b = world["b"]
    draft = f"/admin/bulk/wagtailcore/page/publish/?id={b['draft'].pk}"
    assert "Mustand b" in client.get(draft).content.decode()
    Idea.objects.filter(pk=b["idea"].pk).update(state="public")
    hide = f"/admin/bulk/avp_ideas/idea/avp_hide/?id={b['idea'].pk}"
    assert "Idee b" in client.get(hide).content.decode()
    client.post(hide)
    assert Idea.objects.get(pk=b["idea"].pk).state == "hidden"
    create_action = f"/admin/avp/ideas/{b['idea'].pk}/create-action/"
    assert client.get(create_action).status_code == 200
    sub = b["submission"].pk
    for path in (f"inspect/{sub}/", f"edit/{sub}/", f"history/{sub}/", f"usage/{sub}/"):
        assert client.get(f"/admin/avp/interest-submissions/{path}").status_code == 200, path


def test_every_view_of_a_scoped_viewset_is_scoped():
    """No view class of a scoped viewset is left out (a future Wagtail view included), and
    every bulk action registered for a scoped model keeps to the scope."""
    from wagtail.admin.viewsets import viewsets

    from avp_wagtail.admin.scope import ScopedBulkActionMixin, ScopedViewMixin
    from avp_wagtail.federation.models import FollowedSource
    from avp_wagtail.outreach.models import OutreachContact

    scoped = [viewset for viewset in viewsets.viewsets if getattr(viewset, "scope", None)]
    core = {viewset.model for viewset in scoped if viewset.model._meta.app_label != COMMENTS_APP}
    assert core == {
        InterestSubmission,
        MeetingSignup,
        Idea,
        IdeaCollection,
        OutreachContact,
        FollowedSource,
    }
    for viewset in scoped:
        for name in dir(viewset):
            view_class = getattr(viewset, name)
            if name.endswith("_view_class") and isinstance(view_class, type):
                assert issubclass(view_class, ScopedViewMixin), (viewset, name)
    bulk_action_registry._scan_for_bulk_actions()
    for model in core:
        actions = bulk_action_registry.get_bulk_actions_for_model(
            model._meta.app_label, model._meta.model_name
        )
        for action in actions:
            assert issubclass(action, ScopedBulkActionMixin), action
