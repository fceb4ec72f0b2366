"""One declarative schema of an action item (avp_wagtail.models.item_schema).

Adding a field is one row of the schema (plus the model field's migration): a throwaway row
for an existing column that is not otherwise in the schema (``comments_open``, from
CommentablePageMixin; not ``search_description``, which Wagtail's API already serves as a
meta field) reaches the JSON and CSV exports, the CSV import, borrowing, the API, the
translation settings and the change history. The docs' table is the schema's.
"""

import csv
import io
import json
from pathlib import Path

import pytest
from django.utils import translation

from avp_wagtail.models import ActionItemPage, ItemChange, item_schema
from avp_wagtail.models.item_schema import ItemField, Kind, Value
from avp_wagtail.open_data import apply, csv_cells, csv_format, export
from avp_wagtail.open_data.borrowing import borrow
from avp_wagtail.open_data.csv_import import import_csv
from tests.builders import make_item, make_plan, make_programme
from tests.factories import publish

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs" / "open-data.md"

EXTRA = ItemField(
    "comments_open",
    Kind.FACT,
    "comments_open",
    "Comments Open",
    value=Value.YES_NO,
    tracked=True,
    borrowed=True,
)


@pytest.fixture
def extra_row(monkeypatch):
    """The schema with one more row, as a developer adding a field would write it."""
    monkeypatch.setattr(item_schema, "ITEM_FIELDS", (*item_schema.ITEM_FIELDS, EXTRA))


@pytest.fixture
def plan(home):
    return make_plan(make_programme(home), themes=("Kaasamine",))


def _rows(text):
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_a_row_added_to_the_schema_is_in_every_export_and_import(client, plan, extra_row):
    item = make_item(plan, 1, title="Avatud eelarve", comments_open=False)
    publish(item)

    document = json.loads(client.get(plan.url + "open-data/json/").content)
    assert document["items"][0]["comments_open"] is False
    keys = list(document["items"][0])
    assert keys.index("comments_open") == keys.index("adapted_from") + 1  # after the others

    text = client.get(plan.url + "open-data/csv/").content.decode()
    header = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    schema = csv_format.schema_headers()
    assert schema[-1] == "Comments Open"
    assert header[: len(schema)] == schema  # features' columns (open_data.extensions) after
    assert _rows(text)[0]["Comments Open"] == "no"

    with translation.override("en"):
        result = import_csv(
            plan,
            "Commitment Title,Commitment Description,Comments Open\nUus tegevus,Kokkuvõte,no\n",
        )
        created = result.created[0].get_latest_revision_as_object()
        assert created.comments_open is False
        # An update row sets it too.
        import_csv(
            plan,
            "Commitment ID,Commitment Title,Commitment Description,Comments Open\n"
            f"{item.translation_key},Avatud eelarve,Kokkuvõte,yes\n",
        )
    item = ActionItemPage.objects.get(pk=item.pk)
    assert item.get_latest_revision_as_object().comments_open is True


def test_a_row_added_to_the_schema_is_in_the_api(client, plan, extra_row):
    make_item(plan, 1, comments_open=False)
    response = client.get("/api/v2/pages/?type=avp_wagtail.ActionItemPage&fields=comments_open")
    assert response.status_code == 200, response.content
    assert [entry["comments_open"] for entry in response.json()["items"]] == [False]


def test_without_the_row_the_api_does_not_know_the_field(client, plan):
    make_item(plan, 1)
    response = client.get("/api/v2/pages/?type=avp_wagtail.ActionItemPage&fields=comments_open")
    assert response.status_code == 400


def test_a_row_added_to_the_schema_is_borrowed_translated_and_tracked(client, plan, extra_row):
    item = make_item(plan, 1, title="Avatud eelarve", comments_open=False)
    publish(item)
    item.comments_open = True
    publish(item)
    assert {change.field for change in ItemChange.objects.all()} == {"comments_open"}

    other = make_plan(plan.get_parent(), slug="teine")
    document = export.plan_export(plan)
    document["items"][0]["comments_open"] = False
    copy = borrow(other, document, ["0"])[0]
    assert copy.get_latest_revision_as_object().comments_open is False

    names = [field.field_name for field in ActionItemPage.override_translatable_fields]
    assert names.count("comments_open") == 1  # declared once, by the comments mixin


def test_the_model_lists_are_the_schemas(extra_row):
    rows = item_schema.fields()
    assert [field.name for field in ActionItemPage.api_fields] == [
        row.name for row in rows if row.in_api
    ]
    translatable = {field.field_name for field in ActionItemPage.override_translatable_fields}
    assert {row.name for row in rows if row.kind} <= translatable
    searched = {field.field_name for field in ActionItemPage.search_fields}
    assert {"summary", "problem", "status", "theme_id", "lead_implementer_id"} <= searched
    assert ItemChange.TRACKED_FIELDS == (
        "planned_start",
        "planned_end",
        "status",
        "progress",
        "comments_open",
    )
    assert csv_format.schema_headers()[-1] == "Comments Open"


def test_every_row_names_a_field_and_every_value_type_is_implemented():
    fields = {field.name for field in ActionItemPage._meta.get_fields()}
    for row in item_schema.fields():
        assert not row.name or row.name in fields, row
        assert row.json or row.csv or row.value == Value.NONE, row
        if row.json:
            assert row.value in export.EXPORTERS, row
        if row.read and row.csv:
            assert row.value in csv_cells.READERS, row
        if row.read and row.value != Value.ID:
            assert row.value in apply.PARSERS, row
    columns = [row.column for row in item_schema.csv_fields()]
    assert columns == list(range(1, len(columns) + 1))
    assert csv_format.schema_headers() == csv_format.HEADERS
    assert csv_format.headers()[: len(csv_format.HEADERS)] == csv_format.HEADERS


def test_the_docs_table_is_the_schemas():
    """docs/open-data.md shows the generated table (scripts/item_schema_docs.py rewrites it)."""
    text = DOCS.read_text(encoding="utf-8")
    assert item_schema.DOCS_START in text
    assert item_schema.with_docs_table(text) == text, "run scripts/item_schema_docs.py"
