"""Site scoping of the tracker: an editor of municipality B (with every permission of the
tracker) and a user who may only open the admin get nothing of municipality A's contacts
from any admin URL of the tracker (generated from the URL resolver, as in
tests/security/isolation.py), its bulk actions, its export or the dashboard."""

import pytest
from django.core import mail
from django.urls import reverse

from avp_wagtail.outreach.choices import Channel, ContactKind
from avp_wagtail.outreach.models import OutreachContact, OutreachInvitation
from tests.security.isolation import (
    PARAM,
    _content,
    avp_admin_routes,
    build_world,
    make_bare_user,
    make_editor_b,
)

from .conftest import OUTREACH_PERMISSIONS

pytestmark = pytest.mark.django_db

SECRETS = {
    "name": "Zqxoutreach Alpha",
    "email": "zqx.outreach@alpha.example",
    "notes": "Zqxnotes alpha",
    "referrer": "Zqxreferrer Alpha",
}


@pytest.fixture
def world(db):
    world = build_world()
    a = world["a"]
    programme_a = a["call"].get_parent().specific
    world["a_contact"] = OutreachContact.objects.create(
        programme=programme_a,
        kind=ContactKind.POLITICIAN,
        name=SECRETS["name"],
        email=SECRETS["email"],
        notes=SECRETS["notes"],
        referred_by_text=SECRETS["referrer"],
        channel=Channel.PHONE,
    )
    OutreachInvitation.objects.create(
        contact=world["a_contact"], call=a["call"], language="et", state="sent"
    )
    programme_b = world["b"]["call"].get_parent().specific
    world["b_contact"] = OutreachContact.objects.create(
        programme=programme_b, name="Naabri selts", email="selts@naaber.example"
    )
    return world


@pytest.fixture
def editor_b(django_user_model, world):
    return make_editor_b(django_user_model, world, extra_permissions=OUTREACH_PERMISSIONS)


@pytest.fixture
def bare_user(django_user_model, world):
    return make_bare_user(django_user_model)


def assert_nothing_of_a(response, url):
    assert response.status_code < 500, url
    body = _content(response)
    leaked = [value for value in SECRETS.values() if value in body]
    assert not leaked, f"{url} shows site A's {leaked}"


def outreach_urls(world):
    pk = world["a_contact"].pk
    urls = []
    for route, _callback in avp_admin_routes(comments=False):
        if "outreach" not in route:
            continue
        names = {m.group("name") for m in PARAM.finditer(route)}
        if names - {"pk"}:
            continue
        urls.append("/" + PARAM.sub(str(pk), route))
    return urls


def test_the_walk_finds_the_trackers_views(world):
    urls = outreach_urls(world)
    pk = world["a_contact"].pk
    for expected in (
        "/admin/avp/outreach/",
        "/admin/avp/outreach/add/",
        f"/admin/avp/outreach/edit/{pk}/",
        f"/admin/avp/outreach/delete/{pk}/",
        f"/admin/avp/outreach/inspect/{pk}/",
        f"/admin/avp/outreach/history/{pk}/",
        f"/admin/avp/outreach/usage/{pk}/",
    ):
        assert expected in urls, expected
    assert not any("copy" in url for url in urls)
    assert not any("/admin/snippets/choose/avp_outreach" in url for url in urls)


@pytest.mark.parametrize("who", ["editor_b", "bare_user"])
def test_no_url_of_the_tracker_shows_another_municipalitys_contacts(client, world, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in [*outreach_urls(world), "/admin/"]:
        assert_nothing_of_a(client.get(url), url)
        if url.endswith("/") and url.count("/") <= 4:
            for query in ({"q": "Zqx"}, {"export": "csv"}, {"export": "xlsx"}):
                assert_nothing_of_a(client.get(url, query), f"{url}?{query}")
        if "delete" in url:
            assert_nothing_of_a(client.post(url), "POST " + url)
    assert OutreachContact.objects.filter(pk=world["a_contact"].pk).exists()


@pytest.mark.parametrize("who", ["editor_b", "bare_user"])
def test_bulk_actions_keep_to_the_municipality(client, world, request, who):
    client.force_login(request.getfixturevalue(who))
    pk = world["a_contact"].pk
    call_a = world["a"]["call"].pk
    for action in ("avp_invite", "delete"):
        for ids in (f"id={pk}", "id=all"):
            url = f"/admin/bulk/avp_outreach/outreachcontact/{action}/?{ids}"
            assert_nothing_of_a(client.get(url), url)
            assert_nothing_of_a(client.post(url, {"call": call_a}), "POST " + url)
    assert OutreachContact.objects.filter(pk=pk).exists()
    assert not mail.outbox


def test_editor_b_sees_and_works_on_their_own(client, world, editor_b):
    client.force_login(editor_b)
    own = world["b_contact"]
    listing = client.get(reverse("avp_outreach:list")).content.decode()
    assert "Naabri selts" in listing
    assert client.get(reverse("avp_outreach:edit", args=[own.pk])).status_code == 200
    form = client.get(reverse("avp_outreach:add")).context["form"]
    assert list(form.fields["programme"].queryset) == [own.programme]
    assert world["a_contact"] not in form.fields["referred_by"].queryset
    assert world["a"]["submission"] not in form.fields["submission"].queryset
    url = f"/admin/bulk/avp_outreach/outreachcontact/avp_invite/?id={own.pk}"
    calls = client.get(url).context["form"].fields["call"].queryset
    assert world["a"]["call"].pk not in {c.pk for c in calls}
    client.post(url, {"call": world["b"]["call"].pk})
    assert [m.to for m in mail.outbox] == [["selts@naaber.example"]]


def test_editor_b_cannot_file_a_contact_on_as_programme(client, world, editor_b):
    client.force_login(editor_b)
    programme_a = world["a_contact"].programme
    response = client.post(
        reverse("avp_outreach:add"),
        {
            "programme": programme_a.pk,
            "kind": "organisation",
            "name": "Sissetungija",
            "language": "et",
            "answer": "not_yet",
        },
    )
    assert response.status_code == 200
    assert "programme" in response.context["form"].errors
    assert not OutreachContact.objects.filter(name="Sissetungija").exists()
