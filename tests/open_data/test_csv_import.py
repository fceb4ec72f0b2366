"""CSV import into a plan, in the export's own format: all or nothing (D4, I3)."""

import csv
import datetime
import io
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation

from avp_wagtail.models import ActionItemPage, Organisation
from avp_wagtail.open_data import csv_import
from avp_wagtail.open_data.csv_format import HEADERS
from avp_wagtail.open_data.csv_import import ImportRejected, import_csv
from avp_wagtail.open_data.uploads import UploadError, read_text
from tests.builders import make_item, make_plan, make_programme, make_site

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

# Compared in the round trip: everything but identity, addresses and the publisher.
CONTENT_COLUMNS = [
    header
    for header in HEADERS
    if header not in {"Commitment ID", "URL", "Member", "Action Plan", "Meetings"}
]


def _csv(rows, headers=None):
    headers = headers or list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=headers)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _rows(text):
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.fixture
def plan(home):
    Organisation.objects.create(name="Näidiku Vallavalitsus", kind="municipality")
    Organisation.objects.create(name="Küla Selts", kind="ngo")
    return make_plan(make_programme(home), themes=("Kaasamine", "Läbipaistvus"))


ROW = {
    "Commitment Title": "Avatud eelarve",
    "Commitment Description": "Eelarve lahti seletatud.",
    "Start Date": "2026-03-01",
    "End Date": "31.12.2026",
    "Policy Area": "läbipaistvus",
    "Lead Institution": "Näidiku Vallavalitsus",
    "Supporting Institutions": "Küla Selts",
    "OGP Values": "Access to Information; public_accountability",
    "Status": "in_progress",
    "Progress (%)": "20",
    "Quick Win": "jah",
    "Problem": "Keegi ei saa aru.\n\nTeine lõik.",
    "Activities": '<p>Tabel <a href="https://x.example">veebis</a></p><script>alert(1)</script>',
    "Budget (EUR)": "1 200,50",
    "Tags": "eelarve; noored",
    "Milestones": "2026-04-01; ; Tabel valmis\n2026-06-01; 2026-06-03; Koosolek",
}


def test_new_rows_become_draft_items_with_every_column(plan):
    result = import_csv(plan, _csv([ROW]))
    assert len(result.created) == 1
    assert not result.updated
    item = ActionItemPage.objects.child_of(plan).get()
    assert not item.live  # a draft until the editor publishes it
    draft = item.get_latest_revision_as_object()
    assert draft.title == "Avatud eelarve"
    assert draft.planned_end == datetime.date(2026, 12, 31)
    assert draft.theme.title == "Läbipaistvus"
    assert draft.lead_implementer.name == "Näidiku Vallavalitsus"
    assert [p.organisation.name for p in draft.partners.all()] == ["Küla Selts"]
    assert draft.ogp_access_to_information
    assert draft.ogp_public_accountability
    assert not draft.ogp_civic_participation
    assert draft.is_quick_win
    assert draft.progress == 20
    assert draft.status == "in_progress"
    assert str(draft.budget) == "1200.50"
    assert sorted(tag.name for tag in draft.tags.all()) == ["eelarve", "noored"]
    assert [(m.title, m.completed_date) for m in draft.milestones.all()] == [
        ("Tabel valmis", None),
        ("Koosolek", datetime.date(2026, 6, 3)),
    ]
    assert draft.problem == "<p>Keegi ei saa aru.</p><p>Teine lõik.</p>"
    # Rich text is cleaned like the editor's: the link stays, the script goes.
    assert 'href="https://x.example"' in draft.activities
    assert "script" not in draft.activities


def test_a_row_with_a_known_id_updates_that_item_as_a_new_revision(plan):
    item = make_item(plan, 1, title="Vana nimi", progress=10)
    row = {**ROW, "Commitment ID": str(item.translation_key), "Commitment Title": "Uus nimi"}
    result = import_csv(plan, _csv([row]))
    assert [page.pk for page in result.updated] == [item.pk]
    assert not result.created
    item.refresh_from_db()
    assert item.title == "Vana nimi"  # the live page is unchanged until published
    assert item.has_unpublished_changes
    assert item.get_latest_revision_as_object().title == "Uus nimi"
    assert ActionItemPage.objects.child_of(plan).count() == 1


def test_publish_option_publishes_created_and_updated_items(plan):
    item = make_item(plan, 1, title="Vana nimi")
    rows = [ROW, {**ROW, "Commitment ID": str(item.translation_key), "Commitment Title": "Uus"}]
    import_csv(plan, _csv(rows), publish=True)
    assert sorted(ActionItemPage.objects.child_of(plan).live().values_list("title", flat=True)) == [
        "Avatud eelarve",
        "Uus",
    ]


def _assert_nothing_changed(plan, before):
    assert ActionItemPage.objects.child_of(plan).count() == before


@pytest.mark.parametrize(
    ("change", "column", "words"),
    [
        ({"Start Date": "2026-02-30"}, "Start Date", "is not a date"),
        ({"End Date": "2026-01-01"}, "End Date", "before the start date"),
        ({"Progress (%)": "150"}, "Progress (%)", "less than or equal to 100"),
        ({"Progress (%)": "half"}, "Progress (%)", "not a whole number"),
        ({"Policy Area": "Sport"}, "Policy Area", "no theme “Sport”"),
        ({"Lead Institution": "Tundmatu MTÜ"}, "Lead Institution", "no organisation named"),
        ({"OGP Values": "Openness"}, "OGP Values", "not an OGP value"),
        ({"Status": "done"}, "Status", "not a status"),
        ({"Quick Win": "maybe"}, "Quick Win", "“yes” or “no”"),
        ({"Budget (EUR)": "palju"}, "Budget (EUR)", "not an amount"),
        ({"Commitment Title": ""}, "Commitment Title", "required"),
        ({"Commitment Title": "x" * 300}, "Commitment Title", "at most 255"),
        ({"Milestones": "2026-01-01 Tabel"}, "Milestones", "due date; completed date; title"),
        ({"Commitment Description": "=cmd|' /C calc'!A0"}, "Commitment Description", "formula"),
        ({"Tags": "@SUM(1)"}, "Tags", "formula"),
    ],
)
def test_one_invalid_row_rejects_the_whole_file(plan, change, column, words):
    before = ActionItemPage.objects.child_of(plan).count()
    rows = [ROW, {**ROW, "Commitment Title": "Teine", **change}, {**ROW, "Commitment Title": "3"}]
    with pytest.raises(ImportRejected) as rejected:
        import_csv(plan, _csv(rows))
    messages = [str(error) for error in rejected.value.errors]
    assert any(
        message.startswith(f"Row 3, column {column}:") and words in message for message in messages
    ), messages
    _assert_nothing_changed(plan, before)


def test_duplicate_ids_and_missing_columns_are_reported(plan):
    rows = [{**ROW, "Commitment ID": "abc"}, {**ROW, "Commitment ID": "abc"}]
    with pytest.raises(ImportRejected) as rejected:
        import_csv(plan, _csv(rows))
    assert "Row 3, column Commitment ID: the id is also on row 2." in [
        str(e) for e in rejected.value.errors
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_csv(plan, _csv([{"Commitment Title": "x"}]))
    assert "Column Commitment Description" in str(rejected.value)
    _assert_nothing_changed(plan, 0)


def test_a_semicolon_separated_file_from_a_spreadsheet_is_read(plan):
    """Spreadsheets with Estonian or Russian settings save CSV with ";" between cells."""
    result = import_csv(plan, _semicolons([ROW]))
    assert [page.title for page in result.created] == ["Avatud eelarve"]
    draft = result.created[0].get_latest_revision_as_object()
    assert str(draft.budget) == "1200.50"
    assert len(draft.milestones.all()) == 2


def _semicolons(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def test_an_escaped_formula_is_imported_as_text(plan):
    import_csv(plan, _csv([{**ROW, "Commitment Description": "'=1+1 is two"}]))
    draft = ActionItemPage.objects.child_of(plan).get().get_latest_revision_as_object()
    assert draft.summary == "=1+1 is two"


def test_a_failure_while_writing_undoes_every_earlier_row(plan):
    """200 rows are written in one transaction: a failure at the last undoes the rest."""
    rows = [{**ROW, "Commitment Title": f"Tegevus {n}"} for n in range(200)]
    prepared = csv_import.prepare(plan, _csv(rows))
    real = csv_import._apply_row
    calls = []

    def failing(plan, row, user, publish):
        calls.append(row)
        if len(calls) == 200:
            raise RuntimeError("disk full")
        return real(plan, row, user, publish)

    with mock.patch.object(csv_import, "_apply_row", failing), pytest.raises(RuntimeError):
        csv_import.apply(plan, prepared)
    assert len(calls) == 200
    _assert_nothing_changed(plan, 0)


def test_upload_reading_rejects_wrong_encoding_oversize_and_empty(settings):
    with pytest.raises(UploadError, match="not UTF-8"):
        read_text(SimpleUploadedFile("x.csv", "Pealkiri;Õun\n".encode("cp1257")))
    settings.AVP_WAGTAIL = {"IMPORT_MAX_BYTES": 10}
    with pytest.raises(UploadError, match="largest file accepted is 10"):
        read_text(SimpleUploadedFile("x.csv", b"a" * 11))
    settings.AVP_WAGTAIL = {}
    with pytest.raises(UploadError, match="empty"):
        read_text(SimpleUploadedFile("x.csv", b"\xef\xbb\xbf  \n"))
    assert read_text(SimpleUploadedFile("x.csv", "\ufeffÕun".encode())) == "Õun"


def test_round_trip_into_another_sites_plan_gives_the_same_content(client, plan):
    """Export → import into a neighbouring municipality's plan → export: same content."""
    item = make_item(plan, 1)
    row = {**ROW, "Commitment ID": str(item.translation_key)}
    import_csv(plan, _csv([row, {**ROW, "Commitment Title": "Teine", "Tags": ""}]), publish=True)
    exported = client.get(plan.url + "open-data/csv/").content.decode()

    neighbour = make_site("naaber.example")
    other_plan = make_plan(
        make_programme(neighbour.root_page), themes=("Läbipaistvus", "Kaasamine")
    )
    result = import_csv(other_plan, exported, publish=True)
    assert len(result.created) == 2
    again = client.get(other_plan.url + "open-data/csv/", HTTP_HOST="naaber.example")
    reexported = again.content.decode()

    def content(text):
        return [{column: row[column] for column in CONTENT_COLUMNS} for row in _rows(text)]

    assert content(reexported) == content(exported)
    assert {r["Member"] for r in _rows(reexported)} == {"Naabri vald"}
    # Importing the same file again updates the copies instead of duplicating them.
    result = import_csv(other_plan, exported)
    assert len(result.updated) == 2
    assert not result.created


def test_management_command_imports_and_reports_errors(plan, tmp_path):
    path = tmp_path / "items.csv"
    path.write_text(_csv([ROW]), encoding="utf-8")
    out = io.StringIO()
    call_command("avp_import_items", plan.pk, str(path), "--dry-run", stdout=out)
    assert "would create 1 action" in out.getvalue()
    _assert_nothing_changed(plan, 0)
    call_command("avp_import_items", plan.pk, str(path), "--publish", stdout=out)
    assert ActionItemPage.objects.child_of(plan).live().count() == 1
    path.write_text(_csv([{**ROW, "Status": "done"}]), encoding="utf-8")
    with pytest.raises(CommandError, match="Row 2, column Status"):
        call_command("avp_import_items", plan.pk, str(path))


def _exported_without_ids(client, plan):
    """The plan's own CSV export with the id column emptied, as an editor might send it."""
    with translation.override("en"):  # the public page activates the plan's language
        rows = _rows(client.get(plan.url + "open-data/csv/").content.decode())
    for row in rows:
        row["Commitment ID"] = ""
    return rows


def test_reimporting_an_export_without_ids_reports_each_row_and_creates_nothing(client, plan):
    items = [make_item(plan, n, title=f"Tegevus {n}") for n in (1, 2, 3)]
    rows = _exported_without_ids(client, plan)
    assert [row["Commitment Title"] for row in rows] == ["Tegevus 1", "Tegevus 2", "Tegevus 3"]
    rows[1]["Commitment Title"] = "  TEGEVUS   2 "  # case and spacing do not make it new
    result = import_csv(plan, _csv(rows))
    assert not result.created
    assert not result.updated
    assert result.skipped == [
        f"Row {number}: an action titled “{title}” already exists in this plan "
        f"(id {item.translation_key}); it was not created again."
        for number, title, item in zip(
            (2, 3, 4), ("Tegevus 1", "TEGEVUS   2", "Tegevus 3"), items, strict=True
        )
    ]
    assert ActionItemPage.objects.child_of(plan).count() == 3
    assert "3 rows were not imported" in csv_import.import_summary(result)

    result = import_csv(plan, _csv(rows), allow_duplicate_titles=True)
    assert len(result.created) == 3
    assert not result.skipped
    assert ActionItemPage.objects.child_of(plan).count() == 6


def test_a_title_matches_an_unpublished_draft_title_too(plan):
    item = make_item(plan, 1, title="Vana nimi")
    item.title = "Uus nimi"
    item.save_revision()  # draft_title is "Uus nimi"; the live title is still "Vana nimi"
    result = import_csv(plan, _csv([{**ROW, "Commitment Title": "uus nimi"}]))
    assert not result.created
    assert len(result.skipped) == 1


def test_two_new_rows_with_the_same_title_create_one_action(plan):
    rows = [ROW, {**ROW, "Commitment Title": "avatud  EELARVE"}, {**ROW, "Commitment Title": "B"}]
    result = import_csv(plan, _csv(rows))
    assert sorted(page.title for page in result.created) == ["Avatud eelarve", "B"]
    assert result.skipped == [
        "Row 3: row 2 of the file has the same title “avatud  EELARVE”; "
        "the action is created only once."
    ]
    assert len(import_csv(plan, _csv(rows[:2]), allow_duplicate_titles=True).created) == 2


def test_a_new_row_may_take_the_title_an_updated_row_gives_up_but_not_the_new_one(plan):
    item = make_item(plan, 1, title="Vana nimi")
    renamed = {**ROW, "Commitment ID": str(item.translation_key), "Commitment Title": "Uus"}
    result = import_csv(plan, _csv([renamed, {**ROW, "Commitment Title": "Uus"}]))
    assert [page.pk for page in result.updated] == [item.pk]
    assert not result.created
    assert result.skipped[0].startswith("Row 3: an action titled “Uus” already exists")


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("en", {1: "1 action created", 17: "17 actions created"}),
        ("et", {1: "1 tegevus loodud", 17: "17 tegevust loodud"}),
        ("ru", {1: "создано 1 действие", 3: "создано 3 действия", 5: "создано 5 действий"}),
    ],
)
def test_import_summary_uses_the_languages_plural_forms(language, counts):
    for count, words in counts.items():
        result = csv_import.ImportResult(created=[object()] * count)
        with translation.override(language):
            assert words in csv_import.import_summary(result), (language, count)


def test_management_command_skips_duplicate_titles_unless_allowed(client, plan, tmp_path):
    make_item(plan, 1, title="Tegevus 1")
    path = tmp_path / "items.csv"
    path.write_text(_csv(_exported_without_ids(client, plan)), encoding="utf-8")
    out = io.StringIO()
    call_command("avp_import_items", plan.pk, str(path), "--dry-run", stdout=out)
    assert "Row 2: an action titled “Tegevus 1” already exists" in out.getvalue()
    assert "would create 0 actions and update 0 actions" in out.getvalue()
    out = io.StringIO()
    call_command("avp_import_items", plan.pk, str(path), stdout=out)
    assert "Row 2: an action titled “Tegevus 1” already exists" in out.getvalue()
    assert "0 actions created" in out.getvalue()
    assert ActionItemPage.objects.child_of(plan).count() == 1
    call_command("avp_import_items", plan.pk, str(path), "--allow-duplicate-titles", stdout=out)
    assert ActionItemPage.objects.child_of(plan).count() == 2
