"""Following another installation over HTTP (a second site served on a loopback port)."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from avp_wagtail.federation.borrowing import changes_of
from avp_wagtail.federation.models import Borrowing, FollowedItem, FollowedSource
from avp_wagtail.federation.sync import sync_source
from avp_wagtail.models import ActionItemPage
from tests.builders import make_item
from tests.helpers import english_admin, et

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, django_user_model):
    """A superuser working in an English admin (its messages are checked in English)."""
    user = django_user_model.objects.create_superuser("root", "r@example.ee", "pw")
    client.force_login(english_admin(user))
    return client


def follow(admin, home, address):
    response = admin.post(
        reverse("avp_network_sources:add"), {"site": home["site"].pk, "address": address}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return FollowedSource.objects.get(address=address)


def test_an_editor_follows_by_the_programme_page_and_sees_its_plans(admin, home, neighbour):
    source = follow(admin, home, neighbour.url(neighbour.programme))

    # Found through the page's discovery link, fetched at once (immediate task backend).
    assert source.document_url.endswith(neighbour.network_path)
    assert source.municipality == "Naabri vald"
    assert source.last_error == ""
    assert source.fetched_at is not None
    titles = set(FollowedItem.objects.values_list("title", flat=True))
    assert titles == {"Noortevolikogu", "Külapäevad"}

    page = admin.get(home["network"].url).content.decode()
    assert "Naabri kava" in page
    assert "Noortevolikogu" in page
    assert neighbour.url(neighbour.item) in page  # links to the original
    assert "Naabri vald" in page
    # The admin listing shows when it was fetched and no error.
    listing = admin.get(reverse("avp_network_sources:index")).content.decode()
    assert "Naabri vald" in listing


def test_the_network_page_filters_followed_actions_like_its_own(client, home, neighbour):
    FollowedSource.objects.create(site=home["site"], address=neighbour.url(neighbour.programme))
    sync_source(FollowedSource.objects.get())
    url = home["network"].url
    page = client.get(url, {"theme": "Noored"}).content.decode()
    assert "Noortevolikogu" in page
    assert "Külapäevad" not in page
    # A theme only the neighbour has is offered and filters.
    page = client.get(url, {"theme": "Külad"}).content.decode()
    assert '<option value="Külad" selected>' in page
    page = client.get(url, {"status": "in_progress"}).content.decode()
    assert "Noortevolikogu" in page
    assert "Külapäevad" not in page


def test_refetch_is_conditional_and_answered_304(home, neighbour):
    source = FollowedSource.objects.create(
        site=home["site"], address=neighbour.url(neighbour.programme)
    )
    assert sync_source(source) == ""
    first = source.fetched_at
    neighbour.requests.clear()
    assert sync_source(source) == ""
    conditional = dict(neighbour.requests)
    assert conditional[neighbour.network_path].startswith('"')  # If-None-Match sent
    assert conditional[neighbour.plan_path].startswith('"')
    source.refresh_from_db()
    assert source.fetched_at > first
    assert FollowedItem.objects.count() == 2


def test_a_source_that_is_down_keeps_the_last_good_copy(client, home, neighbour):
    source = FollowedSource.objects.create(
        site=home["site"], address=neighbour.url(neighbour.programme)
    )
    sync_source(source)
    fetched = source.fetched_at
    neighbour.down = True
    assert "503" in sync_source(source)
    source.refresh_from_db()
    assert "503" in source.last_error
    assert source.fetched_at == fetched
    assert FollowedItem.objects.count() == 2
    assert "Noortevolikogu" in client.get(home["network"].url).content.decode()


@pytest.mark.parametrize(
    "body",
    [
        b'{"schema": "something/else", "schema_version": "1.0"}',
        b'{"schema": "avp-wagtail/network", "schema_version": "9.0"}',
        b"<html>not json</html>",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"schema": "avp-wagtail/network", "schema_version": "1.0", "municipality": 5}',
    ],
    ids=["wrong-schema", "wrong-version", "not-json", "deeply-nested", "wrong-shape"],
)
def test_an_invalid_network_document_is_reported_and_replaces_nothing(home, neighbour, body):
    source = FollowedSource.objects.create(
        site=home["site"], address=neighbour.url(neighbour.programme)
    )
    sync_source(source)
    neighbour.docs[neighbour.network_path] = (body, "application/json")
    problem = sync_source(source)
    assert problem
    source.refresh_from_db()
    assert source.last_error == problem
    assert source.municipality == "Naabri vald"
    assert FollowedItem.objects.count() == 2


def test_an_invalid_plan_document_keeps_the_plans_last_good_copy(home, neighbour):
    source = FollowedSource.objects.create(
        site=home["site"], address=neighbour.url(neighbour.programme)
    )
    sync_source(source)
    neighbour.docs[neighbour.plan_path] = (
        b'{"schema": "avp-wagtail/action-plan", "schema_version": "1.1", "items": 3}',
        "application/json",
    )
    assert "items" in sync_source(source)
    assert FollowedItem.objects.count() == 2


@pytest.mark.parametrize(
    "body",
    [
        b'{"schema": "avp-wagtail/action-plan", "schema_version": "1.1", "plan": "x", "items": []}',
        b'{"schema": "avp-wagtail/action-plan", "schema_version": "1.1", "items": [3, "x"]}',
    ],
    ids=["plan-not-an-object", "items-not-objects"],
)
def test_a_plan_document_of_the_wrong_shape_is_reported_not_a_crash(home, neighbour, body):
    source = FollowedSource.objects.create(
        site=home["site"], address=neighbour.url(neighbour.programme)
    )
    sync_source(source)
    neighbour.docs[neighbour.plan_path] = (body, "application/json")
    problem = sync_source(source)
    assert problem
    source.refresh_from_db()
    assert source.last_error == problem
    assert FollowedItem.objects.count() == 2  # the last good copy


def test_the_command_goes_on_after_a_source_that_fails(home, neighbour, monkeypatch):
    from django.core.management import call_command

    from avp_wagtail.federation.management.commands import avp_sync_network

    broken = FollowedSource.objects.create(site=home["site"], address="https://broken.example/")
    good = FollowedSource.objects.create(
        site=home["site"], address=neighbour.url(neighbour.programme)
    )
    real = avp_sync_network.sync_source

    def sync(source):
        if source.pk == broken.pk:
            raise RuntimeError("boom")
        return real(source)

    monkeypatch.setattr(avp_sync_network, "sync_source", sync)
    call_command("avp_sync_network", "--all", verbosity=0)
    broken.refresh_from_db()
    good.refresh_from_db()
    assert broken.last_error
    assert broken.checked_at is not None
    assert good.fetched_at is not None
    assert good.last_error == ""


def test_a_huge_or_slow_source_is_refused(home, neighbour, settings):
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "NETWORK_MAX_BYTES": 2000, "NETWORK_TIMEOUT": 1}
    source = FollowedSource.objects.create(
        site=home["site"], address=neighbour.url(neighbour.programme)
    )
    neighbour.docs[neighbour.network_path] = (b" " * 5000 + b"{}", "application/json")
    source.document_url = f"http://127.0.0.1:{neighbour.port}{neighbour.network_path}"
    with translation.override("en"):  # the problem is told in the active language
        assert "larger" in sync_source(source)
        neighbour.delay = 2
        assert "too long" in sync_source(source)


def test_hostile_text_is_shown_as_text_never_as_html(client, home, neighbour):
    document = json.loads(neighbour.docs[neighbour.plan_path][0])
    document["items"][0]["title"] = '<script>alert("x")</script>=HYPERLINK("http://evil")'
    neighbour.docs[neighbour.plan_path] = (json.dumps(document).encode(), "application/json")
    sync_source(
        FollowedSource.objects.create(site=home["site"], address=neighbour.url(neighbour.programme))
    )
    page = client.get(home["network"].url).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;=HYPERLINK" in page


def test_plans_on_another_host_are_not_fetched(home, neighbour):
    document = json.loads(neighbour.docs[neighbour.network_path][0])
    document["programmes"][0]["plans"][0]["open_data"]["json"] = "http://10.0.0.1/plan.json"
    neighbour.docs[neighbour.network_path] = (json.dumps(document).encode(), "application/json")
    source = FollowedSource.objects.create(
        site=home["site"], address=neighbour.url(neighbour.programme)
    )
    with translation.override("en"):  # the problem is told in the active language
        assert "another host" in sync_source(source)
    assert not FollowedItem.objects.exists()


def test_borrow_by_address_then_the_original_changes(admin, home, neighbour):
    source = follow(admin, home, neighbour.url(neighbour.programme))
    assert source.last_error == ""
    response = admin.post(
        reverse("avp_network_borrow"),
        {"address": neighbour.url(neighbour.item), "plan": home["plan"].pk},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    copy = ActionItemPage.objects.get(
        title="Noortevolikogu", adapted_from_url__startswith="http://127.0.0.1"
    )
    assert not copy.live  # a draft
    assert copy.adapted_from_municipality == "Naabri vald"
    assert copy.adapted_from_url == neighbour.url(neighbour.item)
    borrowing = Borrowing.objects.get(item=copy)
    assert changes_of(borrowing) == []

    # The neighbour rewrites its action; the next fetch brings the new text.
    item = neighbour.item
    item.summary = "Noored otsustavad osa eelarvest."
    item.save_revision().publish()
    neighbour.publish()
    sync_source(source)
    changes = changes_of(borrowing)
    assert [change["key"] for change in changes] == ["summary"]
    assert ("removed", "Noored arutavad valla otsuseid.") in changes[0]["lines"]
    assert ("added", "Noored otsustavad osa eelarvest.") in changes[0]["lines"]
    diff = admin.get(reverse("avp_network_borrowed_diff", args=[borrowing.pk])).content.decode()
    assert "Noored otsustavad osa eelarvest." in diff
    assert "<del>" in diff
    assert "<ins>" in diff
    edit = admin.get(reverse("wagtailadmin_pages:edit", args=[copy.pk])).content.decode()
    assert reverse("avp_network_borrowed_diff", args=[borrowing.pk]) in edit
    listing = admin.get(reverse("avp_network_borrowed")).content.decode()
    assert reverse("avp_network_borrowed_diff", args=[borrowing.pk]) in listing


def test_an_address_not_followed_cannot_be_borrowed(admin, home, neighbour):
    response = admin.post(
        reverse("avp_network_borrow"),
        {"address": neighbour.url(neighbour.item), "plan": home["plan"].pk},
    )
    assert response.status_code == 200
    assert "Follow the municipality first" in response.content.decode()
    assert not Borrowing.objects.exists()


def test_borrowed_by_the_neighbour_is_shown_on_the_original(client, home, neighbour):
    from avp_wagtail.core.sites import full_url

    original = home["item"]
    make_item(
        neighbour.plan,
        3,
        title="Avatud eelarve naabris",
        adapted_from_title=original.title,
        adapted_from_url=full_url(original),
    )
    neighbour.publish()
    source = FollowedSource.objects.create(
        site=home["site"], address=neighbour.url(neighbour.programme)
    )
    assert sync_source(source) == ""
    page = client.get(original.url).content.decode()  # an Estonian page
    assert et("Borrowed by other municipalities") in page
    assert "Avatud eelarve naabris" in page
    assert "Naabri vald" in page
    # Only the original says so, not another action of the same address path.
    other = client.get(neighbour.path(neighbour.item), HTTP_HOST=f"127.0.0.1:{neighbour.port}")
    assert other.status_code == 200
    assert et("Borrowed by other municipalities") not in other.content.decode()


def test_the_command_fetches_due_sources(home, neighbour):
    FollowedSource.objects.create(site=home["site"], address=neighbour.url(neighbour.programme))
    call_command("avp_sync_network", verbosity=0)
    assert FollowedItem.objects.count() == 2
    neighbour.requests.clear()
    call_command("avp_sync_network", verbosity=0)  # fetched just now: not due
    assert neighbour.requests == []


def test_fetch_now_from_the_listing(admin, home, neighbour):
    source = FollowedSource.objects.create(
        site=home["site"], address=neighbour.url(neighbour.programme)
    )
    listing = admin.get(reverse("avp_network_sources:index")).content.decode()
    fetch_url = reverse("avp_network_fetch", args=[source.pk])
    assert f'action="{fetch_url}"' in listing
    assert admin.get(fetch_url).status_code == 405  # never on a GET
    response = admin.post(fetch_url)
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.municipality == "Naabri vald"
    assert FollowedItem.objects.count() == 2


def test_the_command_reports_what_it_did(home, neighbour, capsys):
    FollowedSource.objects.create(site=home["site"], address=neighbour.url(neighbour.programme))
    neighbour.down = True
    call_command("avp_sync_network", "--all", verbosity=1)
    out = capsys.readouterr()
    assert "1 source(s) checked, 1 with errors." in out.out
    assert "503" in out.err


def test_a_wrong_setting_is_a_system_check_error(settings):
    from avp_wagtail.federation.checks import check_network_settings

    assert check_network_settings() == []
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "NETWORK_TIMEOUT": "10"}
    assert [error.id for error in check_network_settings()] == ["avp_federation.E001"]


def test_a_plan_in_the_explorer_offers_borrowing_from_the_network(admin, home):
    plan = home["plan"]
    html = admin.get(reverse("wagtailadmin_explore", args=[plan.pk])).content.decode()
    url = reverse("avp_network_borrow") + f"?plan={plan.pk}"
    assert url in html
    form = admin.get(url).content.decode()
    assert f'<option value="{plan.pk}" selected>' in form
