"""The isolation matrix's world and URL generator, for tests/security/test_admin_isolation.py
(the core) and tests/comments/test_admin_isolation.py (the same with the discussion)."""

import datetime
import re

from django.contrib.auth.models import Group, Permission
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import GroupPagePermission, Page, Site

from avp_wagtail.ideas.models import Idea, IdeaCollection
from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    ContactPerson,
    InterestSubmission,
    ItemFollower,
    ItemImport,
    MeetingProtocolPage,
    MeetingSignup,
    OpenGovernmentPage,
)
from tests.builders import make_call, make_item, make_meeting, make_site
from tests.factories import (
    ActionItemPageFactory,
    ActionPlanPageFactory,
    OpenGovernmentPageFactory,
    filled_programme,
)

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
    "signup": "Zqxsignup Alpha",
    "signup_email": "zqx.signup@alpha.example",
    "signup_needs": "Zqxneeds alpha",
    "import_file": "zqximport-alpha.csv",
    "idea": "Zqxidea alpha",
    "idea_email": "zqx.idea@alpha.example",
    "idea_problem": "Zqxproblem alpha",
}
B_MARKERS = {"held": "Zqxheldcomment beta", "submitter": "Zqxsubmitter Beta"}
COMMENTS_APP = "avp_comments"
EDITOR_B_PERMISSIONS = (
    "access_admin",
    "view_interestsubmission",
    "change_interestsubmission",
    "delete_interestsubmission",
    "add_interestsubmission",
    "view_meetingsignup",
    "change_meetingsignup",
    "delete_meetingsignup",
    "view_idea",
    "change_idea",
    "delete_idea",
    "view_ideacollection",
    "add_ideacollection",
    "change_ideacollection",
    "delete_ideacollection",
)


def _municipality(site, markers, suffix):
    """A submission, a follower and drafts under ``site``."""
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
    meeting = MeetingProtocolPage.objects.descendant_of(root).first()
    if meeting is None:
        programme = OpenGovernmentPage.objects.descendant_of(root).first()
        meeting = make_meeting(programme, 1, 7, title=f"Koosolek {suffix}")
    data["meeting"] = meeting
    data["signup"] = MeetingSignup.objects.create(
        meeting=meeting,
        name=markers.get("signup", f"Registreeruja {suffix}"),
        email=markers.get("signup_email", f"r-{suffix}@example.ee"),
        accessibility_needs=markers.get("signup_needs", ""),
        consent=True,
    )
    data["import"] = ItemImport.objects.create(
        plan=plan, file_name=markers.get("import_file", f"import-{suffix}.csv"), text="x"
    )
    data["collection"] = IdeaCollection.objects.create(
        plan=plan, opens_on=datetime.date(2026, 1, 1)
    )
    data["idea"] = Idea.objects.create(
        plan=plan,
        title=markers.get("idea", f"Idee {suffix}"),
        problem=markers.get("idea_problem", "Probleem"),
        proposal="Ettepanek",
        author_name="Autor",
        email=markers.get("idea_email", f"i-{suffix}@example.ee"),
    )
    draft = make_item(plan, 90, title=markers.get("draft", f"Mustand {suffix}"), slug="zqx-draft")
    draft.unpublish()
    data["draft"] = draft
    revised = item.specific
    revised.title = markers.get("draft_revision", f"Muudatus {suffix}")
    revised.save_revision()
    return data


def build_world():
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


def make_editor_b(django_user_model, world, extra_permissions=()):
    """Editor of site B (with ``extra_permissions``, e.g. a moderator's): page permissions
    only under B's root."""
    group = Group.objects.create(name="Naabri toimetajad ja moderaatorid")
    for codename in (*EDITOR_B_PERMISSIONS, *extra_permissions):
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


def make_bare_user(django_user_model):
    """May open the admin, nothing else."""
    user = django_user_model.objects.create_user("ainult-admin", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


# Generating the URLs from the resolver.


def walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def _view_module(callback):
    view_class = getattr(callback, "view_class", None)
    modules = [getattr(callback, "__module__", "")]
    if view_class is not None:
        modules += [klass.__module__ for klass in view_class.__mro__]
    return modules


def model_of(callback):
    initkwargs = getattr(callback, "view_initkwargs", {}) or {}
    view_class = getattr(callback, "view_class", None)
    model = initkwargs.get("model") or getattr(view_class, "model", None)
    return model if isinstance(model, type) and hasattr(model, "_meta") else None


AVP_PATH = re.compile(r"avp|avp_comments|avpcomment")
COMMENT_PATH = re.compile(r"avp/comments/|avp_comments|avpcomment")


def avp_admin_routes(comments=True):
    """(route, callback) of every admin URL pattern that belongs to the package; without
    ``comments``, not those of the optional comments app."""
    routes = []
    for route, entry in walk(get_resolver()):
        if not route.startswith("admin/"):
            continue
        callback = entry.callback
        modules = _view_module(callback)
        ours = any(module.startswith("avp_wagtail") for module in modules)
        model = model_of(callback)
        ours = ours or (model is not None and model._meta.app_label.startswith("avp"))
        if not (ours or AVP_PATH.search(route)):
            continue
        of_comments = (
            any(module.startswith("avp_wagtail.comments") for module in modules)
            or (model is not None and model._meta.app_label == COMMENTS_APP)
            or COMMENT_PATH.search(route)
        )
        if comments or not of_comments:
            routes.append((route, callback))
    return routes


PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def ids_for(model, world):
    """Site A's ids for ``model``'s pk (several where A has several rows)."""
    a = world["a"]
    if model is None:
        return [a["item"].pk]
    if model._meta.app_label == COMMENTS_APP and model._meta.model_name == "avpcomment":
        return [a["held"].pk, a["public"].pk]
    if issubclass(model, InterestSubmission):
        return [a["submission"].pk]
    if issubclass(model, MeetingSignup):
        return [a["signup"].pk]
    if issubclass(model, Idea):
        return [a["idea"].pk]
    if issubclass(model, IdeaCollection):
        return [a["collection"].pk]
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
    known = {"pk", "plan_id", "page_id", "meeting_id", "import_id", "idea_id"}
    if set(names) - known - {"revision_id", "revision_id_a", "revision_id_b"}:
        return []  # generic patterns (bulk, choosers) are filled by their own tests
    paths = []
    for pk in ids_for(model_of(callback), world):
        values = {
            "pk": pk,
            "plan_id": a["plan"].pk,
            "page_id": a["item"].pk,
            "meeting_id": a["meeting"].pk,
            "import_id": a["import"].pk,
            "idea_id": a["idea"].pk,
        }
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


def assert_nothing_of_a(response, url):
    assert response.status_code < 500, url
    body = _content(response)
    leaked = [marker for marker in A.values() if marker in body]
    assert not leaked, f"{url} shows site A's {leaked}"


def core_snapshot(world):
    a = world["a"]
    return (
        InterestSubmission.objects.filter(pk=a["submission"].pk).count(),
        MeetingSignup.objects.filter(pk=a["signup"].pk).count(),
        Idea.objects.filter(pk=a["idea"].pk).values_list("state", "response_state").first(),
        IdeaCollection.objects.filter(pk=a["collection"].pk).count(),
        MeetingProtocolPage.objects.get(pk=a["meeting"].pk).latest_revision_id,
        Page.objects.filter(pk=a["draft"].pk).count(),
        Page.objects.get(pk=a["item"].pk).live,
        # No action item made from site A's idea.
        ActionItemPage.objects.count(),
    )


CONFIRMATIONS = ("delete", "unpublish", "lock", "unlock", "bulk", "create-action")


def admin_urls(world, comments=True):
    urls = []
    for route, callback in avp_admin_routes(comments):
        for path in _fill(route, callback, world):
            if path.endswith("chosen-multiple/"):
                ids = ids_for(model_of(callback), world)
                path += "?" + "&".join(f"id={pk}" for pk in ids)
            urls.append("/" + path)
    return urls


def check_every_admin_url(client, world, comments=True):
    """GET (and for confirmations POST) every admin URL of the package: nothing of site A."""
    urls = [*admin_urls(world, comments), "/admin/"]
    assert len(urls) > 20
    for url in urls:
        assert_nothing_of_a(client.get(url), url)
        # Pagination, search and filters of listings: the same answer.
        if url.endswith("/") and "<" not in url and url.count("/") <= 5:
            assert_nothing_of_a(client.get(url, {"q": "Zqx"}), url + "?q=Zqx")
        if any(word in url for word in CONFIRMATIONS):
            assert_nothing_of_a(client.post(url), "POST " + url)


def bulk_actions_for_our_models():
    bulk_action_registry._scan_for_bulk_actions()
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            if app_label.startswith("avp") or (app_label, model_name) == ("wagtailcore", "page"):
                for action_type in actions:
                    yield app_label, model_name, action_type


def check_bulk_actions(client, ids):
    """Every bulk action for the models in ``ids`` (model name: site A's ids), asked and
    confirmed: nothing of site A. Returns how many actions were checked."""
    checked = 0
    for app_label, model_name, action_type in bulk_actions_for_our_models():
        pks = ids.get(model_name)
        if pks is None:
            continue
        query = "&".join(f"id={pk}" for pk in pks)
        url = f"/admin/bulk/{app_label}/{model_name}/{action_type}/?{query}"
        assert_nothing_of_a(client.get(url), url)
        assert_nothing_of_a(client.post(url), "POST " + url)
        # "Select all in listing" asks the action for every row it may act on.
        url_all = f"/admin/bulk/{app_label}/{model_name}/{action_type}/?id=all"
        assert_nothing_of_a(client.get(url_all), url_all)
        checked += 1
    return checked


def check_choosers(client, world):
    a = world["a"]
    urls = [
        "/admin/choose-page/search/?q=Zqx&page_type=avp_wagtail.actionitempage",
        f"/admin/choose-page/{a['plan'].pk}/?page_type=avp_wagtail.actionitempage",
    ]
    for route, callback in walk(get_resolver()):
        model = model_of(callback)
        chooser = route.startswith("admin/") and model is not None and "choose" in route
        if chooser and model._meta.app_label.startswith("avp"):
            for pk in ids_for(model, world):
                urls.append("/" + PARAM.sub(str(pk), route) + "?q=Zqx")
    for url in urls:
        assert_nothing_of_a(client.get(url), url)
