"""Features add to the open data document through the ``avp_open_data`` hook
(avp_wagtail.open_data.extensions); without one, the document is the schema's alone."""

import csv
import io
import json

import pytest
from django.utils import translation

from avp_wagtail.open_data import extensions
from avp_wagtail.open_data.csv_format import HEADERS
from avp_wagtail.open_data.csv_import import import_csv
from avp_wagtail.open_data.extensions import OpenDataPart
from tests.builders import make_item

pytestmark = pytest.mark.django_db


class Votes(OpenDataPart):
    """A feature of a host site: a vote count per action, and the total."""

    csv_columns = {"Votes": lambda item, document: f"={item['votes']}"}

    def extend(self, document, context):
        document["votes"] = {"total": 3 * len(context.items), "plan": context.plan.title}
        for item in document["items"]:
            item["votes"] = 3


def _rows(client, plan):
    text = client.get(plan.url + "open-data/csv/").content.decode()
    return text, list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_without_a_feature_the_document_and_csv_are_the_schemas(client, plan, monkeypatch):
    monkeypatch.setattr(extensions, "parts", list)
    make_item(plan, 1)
    document = json.loads(client.get(plan.url + "open-data/json/").content)
    assert "ideas" not in document
    assert "source_ideas" not in document["items"][0]
    _text, rows = _rows(client, plan)
    assert list(rows[0]) == HEADERS


def test_a_feature_adds_keys_and_a_column_the_import_does_not_read(client, plan, monkeypatch):
    monkeypatch.setattr(extensions, "parts", lambda: [Votes()])
    item = make_item(plan, 1, title="Avatud eelarve")
    document = json.loads(client.get(plan.url + "open-data/json/").content)
    assert document["votes"] == {"total": 3, "plan": plan.title}
    assert document["items"][0]["votes"] == 3
    one = json.loads(client.get(item.url + "open-data/json/").content)
    assert one["votes"]["total"] == 3
    text, rows = _rows(client, plan)
    assert list(rows[0])[-1] == "Votes"
    assert rows[0]["Votes"] == "'=3"  # a formula-looking cell is escaped like the others
    # The round trip still works: the column is the feature's, not an action's field.
    with translation.override("en"):
        result = import_csv(plan, text)
    assert [page.pk for page in result.updated] == [item.pk]
