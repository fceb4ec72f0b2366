"""Isolation matrix: an editor (and moderator) of one municipality, and a user who may only
open the admin, get no data of the other municipality from any admin URL the package registers.

The URLs are generated from Django's URL resolver, not listed by hand: every pattern under
the Wagtail admin whose view belongs to avp_wagtail or whose path names an AVP model, plus
Wagtail's generic bulk-action URLs for every action registered for our models and the page
chooser (which our hook limits). Path parameters are filled with the first municipality's
object ids; bulk URLs get ``?id=`` with its ids; confirmation views are also POSTed to, and
nothing of the first municipality may change.
"""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import GroupPagePermission, Page, Site

from avp_wagtail.comments.models import AvpComment
from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    ContactPerson,
    InterestSubmission,
    ItemFollower,
    OpenGovernmentPage,
)
from tests.builders import make_call, make_item, make_site
from tests.factories import (
    ActionItemPageFactory,
    ActionPlanPageFactory,
    OpenGovernmentPageFactory,
    filled_programme,
)

pytestmark = pytest.mark.django_db

# Site A's secrets: none of these may reach site B's editor or a bare admin user.
A = {
    "held": "Zqxheldcomment alpha",
    "public": "Zqxpubliccomment alpha",
    "commenter": "Zqxcommenter Alpha",
    "commenter_email": "zqx.commenter@alpha.example",
    "submitter": "Zqxsubmitter Alpha",
    "submitter_email": "zqx.submitter@alpha.example",
    "submitter_phone": "+372 5550 1234",
    "submitter_message": "Zqxmessage alpha",
    "follower_email": "zqx.follower@alpha.example",
    "draft": "Zqxdraft alpha",
    "draft_revision": "Zqxrevision alpha",
}
B_MARKERS = {"held": "Zqxheldcomment beta", "submitter": "Zqxsubmitter Beta"}


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


def _municipality(site, markers, suffix):
    """Comments (held and public), a submission, a follower and drafts under ``site``."""
    root = site.root_page
    plan = ActionPlanPage.objects.descendant_of(root).live().first()
    item = ActionItemPage.objects.child_of(plan).live().first()
    call = CallToParticipatePage.objects.descendant_of(root).first()
    if call is None:
        programme = OpenGovernmentPage.objects.descendant_of(root).first()
        call = make_call(programme, title=f"Kutse {suffix}", slug=f"kutse-{suffix}")
    data = {
        "plan": plan,
        "item": item,
        "call": call,
        "held": _comment(
            item,
            markers["held"],
            public=False,
            name=markers.get("commenter", f"Kommenteerija {suffix}"),
            email=markers.get("commenter_email", f"c-{suffix}@example.ee"),
        ),
        "public": _comment(
            item,
            markers.get("public", f"Avalik {suffix}"),
            public=True,
            name=f"Avalik kommenteerija {suffix}",
            email=f"p-{suffix}@example.ee",
        ),
        "submission": InterestSubmission.objects.create(
            call=call,
            name=markers["submitter"],
            email=markers.get("submitter_email", f"s-{suffix}@example.ee"),
            phone=markers.get("submitter_phone", ""),
            message=markers.get("submitter_message", ""),
            consent=True,
        ),
        "follower": ItemFollower.objects.create(
            page=item, email=markers.get("follower_email", f"f-{suffix}@example.ee")
        ),
    }
    draft = make_item(plan, 90, title=markers.get("draft", f"Mustand {suffix}"), slug="zqx-draft")
    draft.unpublish()
    data["draft"] = draft
    revised = item.specific
    revised.title = markers.get("draft_revision", f"Muudatus {suffix}")
    revised.save_revision()
    return data


@pytest.fixture
def world(db):
    # Site A: a programme with every page type, organisations and contact people.
    site_a = Site.objects.get(is_default_site=True)
    filled_programme(site_a.root_page)
    # Site B, the neighbouring municipality: a programme with a plan and an action, no call.
    site_b = make_site("naaber.example", title="Naabri vald")
    programme_b = OpenGovernmentPageFactory(parent=site_b.root_page, in_network=True)
    ActionItemPageFactory(parent=ActionPlanPageFactory(parent=programme_b))
    return {
        "site_b": site_b,
        "a": _municipality(site_a, A, "a"),
        "b": _municipality(site_b, B_MARKERS, "b"),
    }


@pytest.fixture
def editor_b(django_user_model, world):
    """Editor and moderator of site B: page permissions only under B's root."""
    group = Group.objects.create(name="Naabri toimetajad ja moderaatorid")
    for codename in (
        "access_admin",
        "view_interestsubmission",
        "change_interestsubmission",
        "delete_interestsubmission",
        "add_interestsubmission",
        "moderate_avpcomment",
        "delete_avpcomment",
    ):
        group.permissions.add(Permission.objects.get(codename=codename))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=world["site_b"].root_page,
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user = django_user_model.objects.create_user("naabri-toimetaja", password="pw")
    user.groups.add(group)
    return user


@pytest.fixture
def bare_user(django_user_model, world):
    """May open the admin, nothing else."""
    user = django_user_model.objects.create_user("ainult-admin", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


# Generating the URLs from the resolver.


def _walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def _view_module(callback):
    view_class = getattr(callback, "view_class", None)
    modules = [getattr(callback, "__module__", "")]
    if view_class is not None:
        modules += [klass.__module__ for klass in view_class.__mro__]
    return modules


def _model_of(callback):
    initkwargs = getattr(callback, "view_initkwargs", {}) or {}
    view_class = getattr(callback, "view_class", None)
    model = initkwargs.get("model") or getattr(view_class, "model", None)
    return model if isinstance(model, type) and hasattr(model, "_meta") else None


AVP_PATH = re.compile(r"avp|avp_comments|avpcomment")


def avp_admin_routes():
    """(route, callback) of every admin URL pattern that belongs to the package."""
    routes = []
    for route, entry in _walk(get_resolver()):
        if not route.startswith("admin/"):
            continue
        callback = entry.callback
        ours = any(module.startswith("avp_wagtail") for module in _view_module(callback))
        model = _model_of(callback)
        ours = ours or (model is not None and model._meta.app_label.startswith("avp"))
        if ours or AVP_PATH.search(route):
            routes.append((route, callback))
    return routes


PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def _ids_for(model, world):
    """Site A's ids for ``model``'s pk (several where A has several rows)."""
    a = world["a"]
    if model is None:
        return [a["item"].pk]
    if issubclass(model, AvpComment):
        return [a["held"].pk, a["public"].pk]
    if issubclass(model, InterestSubmission):
        return [a["submission"].pk]
    if issubclass(model, ItemFollower):
        return [a["follower"].pk]
    if issubclass(model, Page):
        return [a["draft"].pk, a["item"].pk]
    if issubclass(model, ContactPerson):
        return list(ContactPerson.objects.values_list("pk", flat=True)[:1])
    first = model._default_manager.order_by("pk").first()
    return [first.pk] if first is not None else [1]


def _fill(route, callback, world):
    """Concrete paths for ``route`` with site A's ids."""
    a = world["a"]
    names = [m.group("name") for m in PARAM.finditer(route)]
    if not names:
        return [route]
    if set(names) - {"pk", "plan_id", "page_id", "revision_id", "revision_id_a", "revision_id_b"}:
        return []  # generic patterns (bulk, choosers) are filled by their own tests below
    paths = []
    for pk in _ids_for(_model_of(callback), world):
        values = {"pk": pk, "plan_id": a["plan"].pk, "page_id": a["item"].pk}
        for key in ("revision_id", "revision_id_a", "revision_id_b"):
            values[key] = 1
        paths.append(PARAM.sub(lambda m, values=values: str(values[m.group("name")]), route))
    return paths


def _content(response):
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    return body.decode("utf-8", "replace") + response.get("Location", "")


def _assert_nothing_of_a(response, url):
    assert response.status_code < 500, url
    body = _content(response)
    leaked = [marker for marker in A.values() if marker in body]
    assert not leaked, f"{url} shows site A's {leaked}"


def _snapshot(world):
    a = world["a"]
    return (
        sorted(
            AvpComment.objects.filter(object_pk=str(a["item"].pk)).values_list(
                "pk", "is_public", "is_removed", "comment"
            )
        ),
        InterestSubmission.objects.filter(pk=a["submission"].pk).count(),
        Page.objects.filter(pk=a["draft"].pk).count(),
        Page.objects.get(pk=a["item"].pk).live,
    )


CONFIRMATIONS = ("delete", "unpublish", "lock", "unlock", "bulk")


def _urls(world):
    urls = []
    for route, callback in avp_admin_routes():
        for path in _fill(route, callback, world):
            if path.endswith("chosen-multiple/"):
                ids = _ids_for(_model_of(callback), world)
                path += "?" + "&".join(f"id={pk}" for pk in ids)
            urls.append("/" + path)
    return urls


def test_the_walk_finds_every_view_a_viewset_registers(world):
    """The generator itself: it sees the comment, submission and snippet views (a regression
    in the walk would otherwise make the matrix pass vacuously)."""
    routes = {PARAM.sub(r"<\g<name>>", route) for route, _ in avp_admin_routes()}
    for expected in (
        "admin/avp/comments/",
        "admin/avp/comments/inspect/<pk>/",
        "admin/avp/comments/history/<pk>/",
        "admin/avp/comments/usage/<pk>/",
        "admin/avp/comments/delete/<pk>/",
        "admin/avp/interest-submissions/",
        "admin/avp/interest-submissions/edit/<pk>/",
        "admin/avp/interest-submissions/inspect/<pk>/",
        "admin/avp/interest-submissions/history/<pk>/",
        "admin/avp/interest-submissions/usage/<pk>/",
        "admin/snippets/avp_wagtail/contactperson/edit/<pk>/",
        "admin/avp/plans/<plan_id>/import/",
        "admin/reports/avp-action-items/",
    ):
        assert expected in routes, expected


@pytest.mark.parametrize("who", ["editor_b", "bare_user"])
def test_no_admin_url_of_the_package_shows_another_municipalitys_data(client, world, request, who):
    client.force_login(request.getfixturevalue(who))
    before = _snapshot(world)
    urls = [*_urls(world), "/admin/"]
    assert len(urls) > 20
    for url in urls:
        _assert_nothing_of_a(client.get(url), url)
        # Pagination, search and filters of listings: the same answer.
        if url.endswith("/") and "<" not in url and url.count("/") <= 5:
            _assert_nothing_of_a(client.get(url, {"q": "Zqx"}), url + "?q=Zqx")
        if any(word in url for word in CONFIRMATIONS):
            _assert_nothing_of_a(client.post(url), "POST " + url)
    assert _snapshot(world) == before


def _bulk_actions_for_our_models():
    bulk_action_registry._scan_for_bulk_actions()
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            if app_label.startswith("avp") or (app_label, model_name) == ("wagtailcore", "page"):
                for action_type in actions:
                    yield app_label, model_name, action_type


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
    checked = 0
    for app_label, model_name, action_type in _bulk_actions_for_our_models():
        pks = ids.get(model_name)
        if pks is None:
            continue
        query = "&".join(f"id={pk}" for pk in pks)
        url = f"/admin/bulk/{app_label}/{model_name}/{action_type}/?{query}"
        _assert_nothing_of_a(client.get(url), url)
        _assert_nothing_of_a(client.post(url), "POST " + url)
        # "Select all in listing" asks the action for every row it may act on.
        url_all = f"/admin/bulk/{app_label}/{model_name}/{action_type}/?id=all"
        _assert_nothing_of_a(client.get(url_all), url_all)
        checked += 1
    assert checked >= 4  # approve, hide and delete comments; page actions
    assert _snapshot(world) == before


@pytest.mark.parametrize("who", ["editor_b", "bare_user"])
def test_choosers_offer_nothing_of_another_municipality(client, world, request, who):
    client.force_login(request.getfixturevalue(who))
    a = world["a"]
    urls = [
        "/admin/choose-page/search/?q=Zqx&page_type=avp_wagtail.actionitempage",
        f"/admin/choose-page/{a['plan'].pk}/?page_type=avp_wagtail.actionitempage",
    ]
    for route, callback in _walk(get_resolver()):
        model = _model_of(callback)
        chooser = route.startswith("admin/") and model is not None and "choose" in route
        if chooser and model._meta.app_label.startswith("avp"):
            for pk in _ids_for(model, world):
                urls.append("/" + PARAM.sub(str(pk), route) + "?q=Zqx")
    for url in urls:
        _assert_nothing_of_a(client.get(url), url)


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


def test_editor_b_still_sees_and_moderates_their_own(client, world, editor_b):
    """The scope keeps B's own data reachable (the matrix must not pass by denying all)."""
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
    draft = f"/admin/bulk/wagtailcore/page/publish/?id={b['draft'].pk}"
    assert "Mustand b" in client.get(draft).content.decode()
    sub = b["submission"].pk
    for path in (f"inspect/{sub}/", f"edit/{sub}/", f"history/{sub}/", f"usage/{sub}/"):
        assert client.get(f"/admin/avp/interest-submissions/{path}").status_code == 200, path


def test_every_view_of_a_scoped_viewset_is_scoped():
    """No view class of a scoped viewset is left out (a future Wagtail view included), and
    every bulk action registered for a scoped model keeps to the scope."""
    from wagtail.admin.viewsets import viewsets

    from avp_wagtail.admin.scope import ScopedBulkActionMixin, ScopedViewMixin

    scoped = [viewset for viewset in viewsets.viewsets if getattr(viewset, "scope", None)]
    assert {viewset.model for viewset in scoped} == {AvpComment, InterestSubmission}
    for viewset in scoped:
        for name in dir(viewset):
            view_class = getattr(viewset, name)
            if name.endswith("_view_class") and isinstance(view_class, type):
                assert issubclass(view_class, ScopedViewMixin), (viewset, name)
    bulk_action_registry._scan_for_bulk_actions()
    for model in (AvpComment, InterestSubmission):
        actions = bulk_action_registry.get_bulk_actions_for_model(
            model._meta.app_label, model._meta.model_name
        )
        for action in actions:
            assert issubclass(action, ScopedBulkActionMixin), action
