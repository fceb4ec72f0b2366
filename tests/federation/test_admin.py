"""The admin of followed sources keeps to the editor's municipality (site)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from avp_wagtail.federation.models import Borrowing, FollowedItem, FollowedPlan, FollowedSource
from tests.builders import make_item, make_plan, make_programme, make_site
from tests.security.isolation import avp_admin_routes

pytestmark = pytest.mark.django_db

SECRET = "http://zqx-followed.example/avaleht/"


@pytest.fixture
def world(home):
    source = FollowedSource.objects.create(
        site=home["site"], address=SECRET, municipality="Zqxvald", last_error="Zqxerror"
    )
    plan = FollowedPlan.objects.create(
        source=source,
        url="http://zqx-followed.example/plan/open-data/json/",
        title="Zqxplan",
        document={
            "items": [
                {"title": "Zqxaction", "summary": "s", "url": "http://zqx-followed.example/a/"}
            ]
        },
    )
    FollowedItem.objects.create(
        plan=plan, position=0, title="Zqxaction", url="http://zqx-followed.example/a/"
    )
    borrowing = Borrowing.objects.create(
        item=home["item"],
        original_url="http://zqx-followed.example/a/",
        plan_url=plan.url,
        snapshot={"title": "Zqxaction"},
    )
    other = make_site("teine.example", title="Teine vald")
    programme = make_programme(other.root_page, slug="av")
    own_plan = make_plan(programme)
    make_item(own_plan, 1)
    return {"source": source, "borrowing": borrowing, "other": other, "own_plan": own_plan}


@pytest.fixture
def editor_b(django_user_model, world):
    group = Group.objects.create(name="Teise valla toimetajad")
    for codename in (
        "access_admin",
        "view_followedsource",
        "add_followedsource",
        "change_followedsource",
        "delete_followedsource",
    ):
        group.permissions.add(Permission.objects.get(codename=codename))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=world["other"].root_page,
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user = django_user_model.objects.create_user("teine", password="pw")
    user.groups.add(group)
    return user


def network_urls(world):
    """Every admin URL of the network app, from the resolver, filled with site A's ids."""
    urls = []
    for route, _callback in avp_admin_routes(comments=False):
        if "avp/network/" not in route:
            continue
        pk = world["borrowing"].pk if "borrowed" in route else world["source"].pk
        urls.append("/" + route.replace("<int:pk>", str(pk)).replace("<pk>", str(pk)))
    return urls


def test_an_editor_of_another_site_sees_nothing_of_site_as_followed_sources(
    client, world, editor_b
):
    client.force_login(editor_b)
    urls = network_urls(world)
    assert any("edit" in url for url in urls)
    assert any("fetch" in url for url in urls)
    assert len(urls) >= 9
    for url in urls:
        for response in (client.get(url), client.get(url, {"q": "Zqx"}), client.post(url)):
            assert response.status_code < 500, url
            body = response.content.decode() + response.get("Location", "")
            assert "zqx" not in body.lower(), url
    assert FollowedSource.objects.filter(pk=world["source"].pk).exists()
    assert Borrowing.objects.filter(pk=world["borrowing"].pk).exists()


def test_the_editor_adds_a_source_only_for_their_own_site(client, world, editor_b, home):
    client.force_login(editor_b)
    form = client.get(reverse("avp_network_sources:add")).content.decode()
    assert "Teine vald" in form or "teine.example" in form
    assert f'value="{home["site"].pk}"' not in form
    response = client.post(
        reverse("avp_network_sources:add"),
        {"site": home["site"].pk, "address": "http://x.example/"},
    )
    assert response.status_code == 200  # the other site is not a choice
    assert not FollowedSource.objects.filter(address="http://x.example/").exists()


def test_the_editor_sees_and_borrows_only_into_their_own_plans(client, world, editor_b):
    client.force_login(editor_b)
    page = client.get(reverse("avp_network_borrow")).content.decode()
    assert world["own_plan"].title in page
    assert "Zqx" not in page


def test_an_address_that_is_not_http_cannot_be_followed(admin_client, home):
    response = admin_client.post(
        reverse("avp_network_sources:add"), {"site": home["site"].pk, "address": "ftp://x.example/"}
    )
    assert response.status_code == 200
    assert not FollowedSource.objects.exists()


def test_every_view_of_the_viewset_is_scoped():
    from avp_wagtail.admin.scope import ScopedViewMixin
    from avp_wagtail.federation.viewsets import FollowedSourceViewSet

    names = [name for name in dir(FollowedSourceViewSet) if name.endswith("_view_class")]
    assert "index_view_class" in names
    assert "inspect_view_class" in names
    for name in names:
        view_class = getattr(FollowedSourceViewSet, name)
        if isinstance(view_class, type):
            assert issubclass(view_class, ScopedViewMixin), name
