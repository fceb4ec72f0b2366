"""The CSV's "Completion" column (OGP IRM levels) for an item whose progress is unknown
(``"progress": null`` in a document): decided by the status, never a crash."""

import csv
import io

import pytest

from avp_wagtail.open_data import export
from avp_wagtail.open_data.csv_format import document_csv
from avp_wagtail.open_data.schema import completion
from tests.builders import make_item, make_plan, make_programme, publish


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (None, "Not Started"),
        ("planned", "Not Started"),
        ("in_progress", "Limited"),
        ("completed", "Complete"),
        ("cancelled", "Withdrawn"),
    ],
)
def test_unknown_progress_leaves_the_level_to_the_status(status, expected):
    assert completion(status, None) == expected


@pytest.mark.django_db
def test_csv_of_a_document_with_an_unknown_progress(home):
    plan = make_plan(make_programme(home))
    publish(make_item(plan, 1, title="Teadmata edenemine", status="in_progress", progress=30))
    document = export.plan_export(plan)
    document["items"][0]["progress"] = None

    rows = list(csv.DictReader(io.StringIO(document_csv(document).lstrip("\ufeff"))))
    assert [(row["Commitment Title"], row["Completion"]) for row in rows] == [
        ("Teadmata edenemine", "Limited")
    ]
