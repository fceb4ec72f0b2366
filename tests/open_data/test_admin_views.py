"""The admin side of open data: import actions from CSV, borrow another municipality's."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import GroupPagePermission

from avp_wagtail.models import ActionItemPage, Milestone, Organisation
from tests.builders import make_item, make_plan, make_programme, make_site, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

HEADER = "Commitment Title,Commitment Description,Start Date,Policy Area\n"


@pytest.fixture
def neighbour_plan():
    """A neighbouring municipality (another Wagtail site) with an action to borrow."""
    site = make_site("naaber.example", title="Naabri vald")
    other = make_plan(
        make_programme(site.root_page),
        title="Naabri tegevuskava",
        themes=("Kaasamine",),
        start_date=datetime.date(2025, 1, 1),
    )
    lead = Organisation.objects.create(name="Naabri Vallavalitsus", kind="municipality")
    item = make_item(
        other,
        1,
        title="Noortevolikogu",
        summary="Noored otsustavad kaasa.",
        activities="<p>Valimised koolides.</p>",
        theme=other.themes.first(),
        lead_implementer=lead,
        budget=5000,
        status="completed",
        progress=100,
        ogp_civic_participation=True,
    )
    item.milestones = [
        Milestone(
            title="Valimised",
            due_date=datetime.date(2025, 3, 1),
            completed_date=datetime.date(2025, 3, 2),
        )
    ]
    item.tags.add("noored")
    publish(item)
    make_item(other, 2, title="Rattateed")
    return other


def _upload(name, content):
    return SimpleUploadedFile(name, content.encode() if isinstance(content, str) else content)


def test_plan_pages_offer_import_and_borrow_in_the_admin(admin_client, plan):
    html = admin_client.get(reverse("wagtailadmin_explore", args=[plan.pk])).content.decode()
    assert reverse("avp_import_items", args=[plan.pk]) in html
    assert reverse("avp_borrow_items", args=[plan.pk]) in html


def test_import_with_an_error_lists_it_and_changes_nothing(admin_client, plan):
    url = reverse("avp_import_items", args=[plan.pk])
    assert admin_client.get(url).status_code == 200
    csv_text = HEADER + "Üks,Kirjeldus,2026-01-01,Kaasamine\nKaks,Kirjeldus,homme,Kaasamine\n"
    response = admin_client.post(url, {"file": _upload("items.csv", csv_text)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Row 3, column Start Date: “homme” is not a date" in html
    assert "nothing was imported" in html
    assert not ActionItemPage.objects.child_of(plan).exists()


def test_import_of_a_valid_file_creates_drafts(admin_client, plan):
    url = reverse("avp_import_items", args=[plan.pk])
    csv_text = HEADER + "Üks,Kirjeldus,2026-01-01,Kaasamine\n"
    response = admin_client.post(url, {"file": _upload("items.csv", csv_text)}, follow=True)
    assert "1 action created and 0 actions updated, as drafts" in response.content.decode()
    item = ActionItemPage.objects.child_of(plan).get()
    assert item.title == "Üks"
    assert not item.live
    assert item.latest_revision.user.username == "editor"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "not valid JSON"),
        (
            '{"schema": "avp-wagtail/action-plan", "schema_version": "2.0", "items": []}',
            "schema version 2.0",
        ),
        ('{"schema": "something-else"}', "not an action plan export"),
        (
            '{"schema": "avp-wagtail/action-plan", "schema_version": "1.0", "items": '
            '[{"id": "a", "title": "x"}, {"id": "a", "title": "y"}]}',
            "same action id",
        ),
        ("[1, 2]", "not an action plan export"),
        (b"\xff\xfe{", "not UTF-8"),
    ],
)
def test_borrow_rejects_bad_files_with_a_clear_message(admin_client, plan, content, words):
    url = reverse("avp_borrow_items", args=[plan.pk])
    response = admin_client.post(url, {"file": _upload("plan.json", content)})
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not ActionItemPage.objects.child_of(plan).exists()


def test_borrow_rejects_a_file_over_the_size_limit(admin_client, plan, settings):
    settings.AVP_WAGTAIL = {"IMPORT_MAX_BYTES": 100}
    url = reverse("avp_borrow_items", args=[plan.pk])
    response = admin_client.post(url, {"file": _upload("plan.json", "{" + " " * 200 + "}")})
    assert "the largest file accepted is 100" in response.content.decode()


def test_borrowing_copies_an_action_with_attribution(admin_client, client, plan, neighbour_plan):
    export = client.get(neighbour_plan.url + "open-data/json/", HTTP_HOST="naaber.example")
    url = reverse("avp_borrow_items", args=[plan.pk])
    response = admin_client.post(url, {"file": _upload("naaber.json", export.content)})
    assert response.status_code == 302
    choose = admin_client.get(response["Location"]).content.decode()
    assert "Noortevolikogu" in choose
    assert "Rattateed" in choose
    document = json.loads(export.content)
    first = [
        str(i) for i, item in enumerate(document["items"]) if item["title"] == "Noortevolikogu"
    ]
    response = admin_client.post(response["Location"], {"items": first}, follow=True)
    assert "1 action copied as a draft" in response.content.decode()

    copy = ActionItemPage.objects.child_of(plan).get().get_latest_revision_as_object()
    assert copy.title == "Noortevolikogu"
    assert copy.summary == "Noored otsustavad kaasa."
    assert copy.activities == "<p>Valimised koolides.</p>"
    assert copy.theme.title == "Kaasamine"
    assert copy.ogp_civic_participation
    assert not copy.ogp_access_to_information
    assert [tag.name for tag in copy.tags.all()] == ["noored"]
    # Milestone moved by a year (the plans start 2025-01-01 and 2026-01-01), not yet reached.
    assert [(m.title, m.due_date, m.completed_date) for m in copy.milestones.all()] == [
        ("Valimised", datetime.date(2026, 3, 1), None)
    ]
    # Organisations, money and the other municipality's progress stay behind.
    assert copy.lead_implementer is None
    assert copy.budget is None
    assert copy.status == "planned"
    assert copy.progress == 0
    assert copy.adapted_from_municipality == "Naabri vald"
    assert copy.adapted_from_plan == "Naabri tegevuskava"
    assert copy.adapted_from_url.startswith("http://naaber.example/")

    # Offered again, the action says it is already in this plan.
    response = admin_client.post(url, {"file": _upload("naaber.json", export.content)})
    again = admin_client.get(response["Location"]).content.decode()
    assert "Noortevolikogu (Kaasamine) — already borrowed into this plan" in again
    assert again.count("already borrowed") == 1

    publish(copy)
    html = client.get(copy.url).content.decode()
    assert 'class="avp-adapted-from"' in html
    assert f'href="{copy.adapted_from_url}"' in html
    assert "Naabri vald, Naabri tegevuskava" in html


def test_borrow_accepts_a_single_item(admin_client, client, plan, neighbour_plan):
    export = client.get(neighbour_plan.url + "open-data/json/", HTTP_HOST="naaber.example")
    item = json.loads(export.content)["items"][0]
    url = reverse("avp_borrow_items", args=[plan.pk])
    response = admin_client.post(url, {"file": _upload("item.json", json.dumps(item))})
    response = admin_client.post(response["Location"], {"items": ["0"]})
    assert response.status_code == 302
    assert ActionItemPage.objects.child_of(plan).get().title == item["title"]


def test_borrow_accepts_an_items_own_export(admin_client, client, plan, neighbour_plan):
    item = ActionItemPage.objects.child_of(neighbour_plan).get(title="Noortevolikogu")
    export = client.get(item.get_url_parts()[2] + "open-data/json/", HTTP_HOST="naaber.example")
    url = reverse("avp_borrow_items", args=[plan.pk])
    response = admin_client.post(url, {"file": _upload("item.json", export.content)})
    choose = admin_client.get(response["Location"]).content.decode()
    assert "Noortevolikogu" in choose
    assert "Rattateed" not in choose
    admin_client.post(response["Location"], {"items": ["0"]})
    copy = ActionItemPage.objects.child_of(plan).get()
    assert copy.adapted_from_plan == "Naabri tegevuskava"


def test_borrow_choice_requires_an_item(admin_client, client, plan, neighbour_plan):
    export = client.get(neighbour_plan.url + "open-data/json/", HTTP_HOST="naaber.example")
    url = reverse("avp_borrow_items", args=[plan.pk])
    response = admin_client.post(url, {"file": _upload("naaber.json", export.content)})
    response = admin_client.post(response["Location"], {})
    assert "Choose at least one action to copy." in response.content.decode()


def test_editor_of_one_municipality_cannot_import_into_anothers_plan(
    client, django_user_model, plan, neighbour_plan
):
    group = Group.objects.create(name="Naabri toimetajad")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=neighbour_plan.get_parent(),
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user = django_user_model.objects.create_user("naaber", password="pw")
    user.groups.add(group)
    client.force_login(user)
    assert client.get(reverse("avp_import_items", args=[neighbour_plan.pk])).status_code == 200
    # Wagtail's admin answers a permission error with a redirect and an error message.
    for name in ("avp_import_items", "avp_borrow_items"):
        response = client.get(reverse(name, args=[plan.pk]), follow=True)
        assert response.redirect_chain == [("/admin/", 302)]
        assert [m.level_tag for m in response.context["messages"]] == ["error"]


def _export_without_ids(client, plan):
    import csv
    import io

    text = client.get(plan.url + "open-data/csv/").content.decode().lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows({**row, "Commitment ID": ""} for row in rows)
    return buffer.getvalue()


def test_reimporting_an_export_without_ids_reports_each_row(admin_client, client, plan):
    items = [make_item(plan, n, title=f"Tegevus {n}") for n in (1, 2)]
    csv_text = _export_without_ids(client, plan)
    url = reverse("avp_import_items", args=[plan.pk])
    form = admin_client.get(url).content.decode()
    assert "Create actions whose title matches an existing one" in form

    response = admin_client.post(url, {"file": _upload("items.csv", csv_text)}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        "0 actions created and 0 actions updated, as drafts to review and publish. "
        "2 rows were not imported: their actions are already in the plan.",
        f"Row 2: an action titled “Tegevus 1” already exists in this plan "
        f"(id {items[0].translation_key}); it was not created again.",
        f"Row 3: an action titled “Tegevus 2” already exists in this plan "
        f"(id {items[1].translation_key}); it was not created again.",
    ]
    assert ActionItemPage.objects.child_of(plan).count() == 2

    response = admin_client.post(
        url,
        {"file": _upload("items.csv", csv_text), "allow_duplicate_titles": "on"},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "2 actions created and 0 actions updated, as drafts to review and publish."
    ]
    assert ActionItemPage.objects.child_of(plan).count() == 4
