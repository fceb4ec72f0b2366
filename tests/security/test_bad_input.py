"""Bad input is a 4xx with a clear message, or is cleaned: never a server error, never
half-written (issue 13, point 9). Runs on SQLite and PostgreSQL alike."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from avp_wagtail.core.cleaning import parse_id, strip_control
from avp_wagtail.models import (
    ActionItemPage,
    CallContactPerson,
    ContactPerson,
    InterestSubmission,
    ItemFollower,
)
from avp_wagtail.open_data.uploads import MAX_JSON_DEPTH
from tests.builders import make_call, make_item, make_plan, make_programme, make_site, publish
from tests.factories import (
    ActionItemPageFactory,
    ActionPlanPageFactory,
    NetworkPageFactory,
    OpenGovernmentPageFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

HUGE = "9" * 30
CONTROL = "\x00\x01\x07\x1b[31m\x7f"  # NUL, SOH, BEL, an escape sequence, DEL


@pytest.fixture
def programme(home):
    return make_programme(home)


@pytest.fixture
def plan(programme):
    return make_plan(programme, themes=("Kaasamine",))


@pytest.fixture
def item(plan):
    return make_item(plan, 1)


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.ee", "pw")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def _upload(name, content):
    return SimpleUploadedFile(name, content.encode() if isinstance(content, str) else content)


# -- the helpers themselves ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12),
        (12, 12),
        (HUGE, None),
        (str(2**63), None),
        (str(2**63 - 1), 2**63 - 1),
        ("0", None),
        ("-3", None),
        ("1e3", None),
        ("١٢", None),
        ("", None),
        (None, None),
        (True, None),
        (" 7 ", 7),
    ],
)
def test_parse_id_accepts_only_what_a_database_id_can_be(value, expected):
    assert parse_id(value) == expected


def test_strip_control_keeps_text_tabs_and_line_breaks():
    assert strip_control("a\x00b\tc\nd\r\ne\x0bf\x1b[0m") == "ab\tc\nd\r\ne\nf[0m"


# -- integer overflow: page ids, plan ids, URL converter (comment ids: tests/comments/) ------


def test_network_page_filters_and_paging_with_bad_values_are_not_errors(client, plan):
    # Two municipalities in the network, with themes and tags to filter on.
    programme = plan.get_parent().specific
    programme.in_network = True
    publish(programme)
    ActionItemPageFactory(parent=plan, theme=plan.themes.first(), tags=["noored"])
    neighbour = make_site("naaber.example", title="Naabri vald").root_page
    ActionItemPageFactory(
        parent=ActionPlanPageFactory(
            parent=OpenGovernmentPageFactory(parent=neighbour, in_network=True)
        ),
        ogp_civic_participation=True,
        tags=["külad"],
    )
    url = NetworkPageFactory(parent=programme).url
    assert client.get(url).content.decode().count("<tr>") == 3  # the header row and two
    for query in (
        f"page={HUGE}",
        "page=%00",
        "theme=%00",
        "tag=a%00b",
        f"ogp={HUGE}",
        "status=%1b",
    ):
        assert client.get(f"{url}?{query}").status_code == 200, query


@pytest.mark.parametrize("view", ["avp_import_items", "avp_borrow_items"])
def test_admin_plan_views_with_a_huge_plan_id_are_a_404(editor_client, view):
    url = reverse(view, args=[1]).replace("/1/", f"/{HUGE}/")
    # (LocaleMiddleware first redirects a 404 to the language prefix; that is a 404 too.)
    response = editor_client.get(url, follow=True)
    assert response.status_code == 404


# -- deeply nested and oversized JSON --------------------------------------------------------


def test_deeply_nested_json_is_rejected_with_a_clear_message(editor_client, plan):
    url = reverse("avp_borrow_items", args=[plan.pk])
    for nested in (
        "[" * 100_000 + "]" * 100_000,  # deeper than the parser goes
        '{"a":' * 50_000 + "1" + "}" * 50_000,
        "[" * 21 + "]" * 21,  # parsed, but deeper than any export
    ):
        response = editor_client.post(url, {"file": _upload("plan.json", nested)})
        assert response.status_code == 200
        html = response.content.decode()
        assert f"nested more than {MAX_JSON_DEPTH} levels deep" in html
    assert not ActionItemPage.objects.child_of(plan).exists()


def test_brackets_inside_strings_do_not_count_as_nesting(editor_client, plan):
    document = {
        "schema": "avp-wagtail/action-plan",
        "schema_version": "1.0",
        "items": [{"title": "[[[[" * 1000, "summary": "{" * 5000, "ogp_values": []}],
    }
    url = reverse("avp_borrow_items", args=[plan.pk])
    response = editor_client.post(url, {"file": _upload("plan.json", json.dumps(document))})
    assert response.status_code == 302


# -- NUL and other control characters ---------------------------------------------------------


def test_control_characters_in_a_borrowed_action_are_removed(editor_client, plan):
    document = {
        "schema": "avp-wagtail/action-plan",
        "schema_version": "1.0",
        "publisher": {"name": "Naabri\x00 vald", "url": ""},
        "plan": {"title": "Kava\x1b", "start_date": "2026-01-01"},
        "items": [
            {
                "id": "n\x00-1",
                "title": "Noorte\x00volikogu" + CONTROL,
                "summary": "Noored\x00 otsustavad",
                "activities": "<p>Valimised\x00 koolides\x07</p>",
                "ogp_values": ["civic_participation"],
                "milestones": [{"title": "Vali\x00mised", "due_date": "2026-03-01"}],
                "tags": ["noo\x00red", "\x00\x01"],
            }
        ],
    }
    url = reverse("avp_borrow_items", args=[plan.pk])
    response = editor_client.post(url, {"file": _upload("plan.json", json.dumps(document))})
    assert response.status_code == 302
    response = editor_client.post(response["Location"], {"items": ["0"]})
    assert response.status_code == 302
    copy = ActionItemPage.objects.child_of(plan).get().get_latest_revision_as_object()
    assert copy.title == "Noortevolikogu[31m\x7f"
    assert copy.summary == "Noored otsustavad"
    assert copy.activities == "<p>Valimised koolides</p>"
    assert copy.adapted_from_municipality == "Naabri vald"
    assert copy.source_id == "n-1"
    assert [m.title for m in copy.milestones.all()] == ["Valimised"]
    assert [tag.name for tag in copy.tags.all()] == ["noored"]


def test_control_characters_in_an_imported_csv_are_removed(editor_client, plan):
    csv_text = (
        "Commitment Title,Commitment Description,Activities,Tags,Milestones\n"
        '"Üks\x00 tegevus\x1b","Kirjeldus\x00","<p>Tee\x00 seda</p>","sil\x00t; \x07",'
        '"2026-02-01; ; Esi\x00mene"\n'
    )
    url = reverse("avp_import_items", args=[plan.pk])
    response = editor_client.post(url, {"file": _upload("items.csv", csv_text)})
    assert response.status_code == 302
    item = ActionItemPage.objects.child_of(plan).get().get_latest_revision_as_object()
    assert item.title == "Üks tegevus"
    assert item.summary == "Kirjeldus"
    assert item.activities == "<p>Tee seda</p>"
    assert [tag.name for tag in item.tags.all()] == ["silt"]
    assert [m.title for m in item.milestones.all()] == ["Esimene"]


def test_a_form_feed_inside_an_unquoted_cell_does_not_split_its_row(editor_client, plan):
    """csv.writer does not quote a form feed or vertical tab: they are taken out of the cell
    after parsing, not turned into line breaks that would cut the row in two."""
    csv_text = "Commitment Title,Commitment Description\nA\x0cB,Kirjeldus\x0bkaks\n"
    url = reverse("avp_import_items", args=[plan.pk])
    response = editor_client.post(url, {"file": _upload("items.csv", csv_text)})
    assert response.status_code == 302
    item = ActionItemPage.objects.child_of(plan).get().get_latest_revision_as_object()
    assert item.summary.startswith("Kirjeldus")
    assert item.summary.endswith("kaks")


def test_deeply_nested_rich_text_is_refused_with_a_message(editor_client, plan):
    nested = "<p>" * 40_000  # 120 kB: under the CSV reader's field limit, far too deep
    upload = _upload(
        "items.csv", f"Commitment Title,Commitment Description,Problem\nT,S,{nested}\n"
    )
    response = editor_client.post(reverse("avp_import_items", args=[plan.pk]), {"file": upload})
    assert response.status_code == 200
    assert "nested too deeply" in response.content.decode()
    assert not ActionItemPage.objects.child_of(plan).exists()


def test_control_characters_in_the_interest_form_are_removed(client, programme):
    call = make_call(programme, deadline=timezone.localdate() + datetime.timedelta(days=7))
    person = ContactPerson.objects.create(name="Kaja Kask", email="kaja@vald.example")
    call.contact_people = [CallContactPerson(person=person)]
    publish(call)
    data = {
        "name": "Mari\x00 Maasikas",
        "organisation": "Küla\x1b selts",
        "email": "mari@example.ee",
        "phone": "555\x00",
        "message": "Tahan\x00 aidata\x07\nTeine rida",
        "consent": "on",
    }
    response = client.post(call.url, data)
    assert response.status_code == 302
    submission = InterestSubmission.objects.get()
    assert (submission.name, submission.organisation, submission.phone) == (
        "Mari Maasikas",
        "Küla selts",
        "555",
    )
    assert submission.message == "Tahan aidata\nTeine rida"


def test_control_characters_in_the_follow_form_are_removed(client, item, mailoutbox):
    response = client.post(item.url + "follow/", {"follow-email": "mari@example.ee\x00"})
    assert response.status_code == 302
    assert mailoutbox[-1].to == ["mari@example.ee"]
    assert not ItemFollower.objects.exists()  # stored only once confirmed


def test_nul_in_an_admin_snippet_form_is_an_error_on_the_field(editor_client):
    from avp_wagtail.models import Organisation

    url = reverse("wagtailsnippets_avp_wagtail_organisation:add")
    response = editor_client.post(url, {"name": "Vald\x00", "kind": "municipality"})
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    assert not Organisation.objects.exists()


def test_deeply_nested_rich_text_in_a_borrowed_action_is_refused(editor_client, plan):
    nested = "<p>" * 40_000
    document = {
        "schema": "avp-wagtail/action-plan",
        "schema_version": "1.0",
        "items": [{"id": "n-1", "title": "T", "summary": "S", "problem": nested}],
    }
    url = reverse("avp_borrow_items", args=[plan.pk])
    response = editor_client.post(url, {"file": _upload("plan.json", json.dumps(document))})
    assert response.status_code == 302
    response = editor_client.post(response["Location"], {"items": ["0"]})
    assert response.status_code == 200
    assert "nested too deeply" in response.content.decode()
    assert not ActionItemPage.objects.child_of(plan).exists()
