"""The plan as open data: JSON (versioned schema) and CSV (OGP columns first) (D4, I3)."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest

from avp_wagtail.models import (
    ActionItemPage,
    ActionItemPartner,
    MeetingDiscussedItem,
    Milestone,
    Organisation,
    ProgressUpdate,
)
from avp_wagtail.open_data.csv_format import HEADERS, escape_cell, headers, unescape_cell
from tests.builders import make_item, make_meeting, make_plan, make_programme, publish
from tests.queries import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(home):
    programme = make_programme(home)
    plan = make_plan(programme, themes=("Kaasamine", "Läbipaistvus"))
    lead = Organisation.objects.create(name="Näidiku Vallavalitsus", kind="municipality")
    partner = Organisation.objects.create(name="Küla Selts", kind="ngo")
    item = make_item(
        plan,
        1,
        title="Kaasav eelarve",
        summary='=HYPERLINK("http://evil")',
        problem='<p>Elanikud <a href="https://example.org/x">ei tea</a>.</p>',
        theme=plan.themes.first(),
        lead_implementer=lead,
        lead_implementer_role="korraldab",
        budget=Decimal("15000.50"),
        planned_start=datetime.date(2026, 2, 1),
        planned_end=datetime.date(2026, 11, 30),
        status="in_progress",
        progress=40,
        ogp_civic_participation=True,
        ogp_public_accountability=True,
    )
    item.partners = [ActionItemPartner(organisation=partner, role="teavitab")]
    item.milestones = [
        Milestone(title="Ideed", due_date=datetime.date(2026, 3, 1)),
        Milestone(
            title="Hääletus",
            due_date=datetime.date(2026, 5, 1),
            completed_date=datetime.date(2026, 5, 3),
        ),
    ]
    item.progress_updates = [ProgressUpdate(title="Algas", date=datetime.date(2026, 2, 2))]
    item.tags.add("noored", "eelarve")
    publish(item)
    meeting = make_meeting(programme, 1, -3)
    meeting.discussed_items = [MeetingDiscussedItem(item=item)]
    publish(meeting)
    draft = make_item(plan, 2, title="Mustand")
    draft.unpublish()
    return plan


def test_json_export_carries_the_plan_in_the_documented_schema(client, plan):
    response = client.get(plan.url + "open-data/json/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    doc = json.loads(response.content)
    assert doc["schema"] == "avp-wagtail/action-plan"
    assert doc["schema_version"] == "1.1"
    assert doc["language"] == "et"
    assert doc["plan"]["title"] == "Plan"
    assert doc["plan"]["url"].startswith("http://")
    assert doc["plan"]["url"].endswith(plan.url)
    assert [t["title"] for t in doc["plan"]["themes"]] == ["Kaasamine", "Läbipaistvus"]
    # Only live items: the unpublished draft is not open data yet.
    assert [item["title"] for item in doc["items"]] == ["Kaasav eelarve"]
    item = doc["items"][0]
    page = ActionItemPage.objects.get(slug="item-1")
    assert item["id"] == str(page.translation_key)
    assert item["lead_implementer"]["name"] == "Näidiku Vallavalitsus"
    assert item["partners"] == [
        {"name": "Küla Selts", "kind": "ngo", "website": "", "role": "teavitab"}
    ]
    assert item["resources"]["budget_eur"] == "15000.50"
    assert item["ogp_values"] == ["civic_participation", "public_accountability"]
    assert item["tags"] == ["eelarve", "noored"]
    assert [m["title"] for m in item["milestones"]] == ["Ideed", "Hääletus"]
    assert item["milestones"][1]["completed_date"] == "2026-05-03"
    assert item["progress_updates"][0]["title"] == "Algas"
    assert [m["title"] for m in item["meetings"]] == ["Meeting 1"]
    assert item["meetings"][0]["url"].startswith("http://")
    assert item["theme"] == "Kaasamine"
    assert 'href="https://example.org/x"' in item["problem"]


def test_csv_export_has_ogp_columns_first_and_escapes_formulas(client, plan):
    response = client.get(plan.url + "open-data/csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheets then read the file as UTF-8
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert list(rows[0].keys())[: len(HEADERS)] == HEADERS  # features' columns come after
    assert list(rows[0].keys()) == headers()
    assert HEADERS[:4] == [
        "Commitment ID",
        "Commitment Title",
        "Commitment Description",
        "Action Plan",
    ]
    row = rows[0]
    assert row["Commitment Title"] == "Kaasav eelarve"
    # A cell a spreadsheet would run as a formula is exported as text.
    assert row["Commitment Description"] == '\'=HYPERLINK("http://evil")'
    assert row["OGP Values"] == "Civic Participation; Public Accountability"
    assert row["Lead Institution"] == "Näidiku Vallavalitsus"
    assert row["Supporting Institutions"] == "Küla Selts"
    assert row["Start Date"] == "2026-02-01"
    assert row["End Date"] == "2026-11-30"
    assert row["Completion"] == "Limited"
    assert row["Milestones"] == "2026-03-01; ; Ideed\n2026-05-01; 2026-05-03; Hääletus"
    assert row["Language"] == "et"


@pytest.mark.parametrize(
    "text", ["=1+1", "+49", "-3", "@SUM(A1)", "\tx", "plain", "'quoted", "", "a=b"]
)
def test_formula_escaping_round_trips(text):
    escaped = escape_cell(text)
    assert not escaped.startswith(("=", "+", "-", "@", "\t"))
    assert unescape_cell(escaped) == text


def test_plan_page_links_its_open_data(client, plan):
    html = client.get(plan.url).content.decode()
    assert f'href="{plan.url}open-data/json/"' in html
    assert f'href="{plan.url}open-data/csv/"' in html


def _plan_with_items(programme, slug, n):
    plan = make_plan(programme, slug=slug)
    lead = Organisation.objects.create(name=f"Lead {slug}", kind="ngo")
    theme = plan.themes.first()
    for k in range(n):
        item = ActionItemPage(
            title=f"Item {k}", slug=f"item-{k}", summary="S", theme=theme, lead_implementer=lead
        )
        item.partners = [ActionItemPartner(organisation=lead, role="r")]
        item.milestones = [Milestone(title="M", due_date=datetime.date(2026, 5, 1))]
        item.progress_updates = [ProgressUpdate(title="U", date=datetime.date(2026, 4, 1))]
        plan.add_child(instance=item)
        item.tags.add("t")
        item.save()
    return plan


@pytest.mark.parametrize("suffix", ["open-data/json/", "open-data/csv/"])
def test_export_of_200_items_costs_as_many_queries_as_of_2(client, home, suffix):
    programme = make_programme(home)
    small = _plan_with_items(programme, "small", 2)
    large = _plan_with_items(programme, "large", 200)
    small_count, _ = page_queries(client, small.url + suffix)
    large_count, response = page_queries(client, large.url + suffix)
    assert large_count == small_count
    assert large_count <= 25
    if suffix.endswith("json/"):
        assert len(json.loads(response.content)["items"]) == 200


def test_an_item_exports_itself_in_the_plans_document(client, plan):
    item = ActionItemPage.objects.get(slug="item-1")
    html = client.get(item.url).content.decode()
    assert f'href="{item.url}open-data/json/"' in html
    doc = json.loads(client.get(item.url + "open-data/json/").content)
    assert doc["schema"] == "avp-wagtail/action-plan"
    assert doc["plan"]["title"] == "Plan"
    assert [entry["id"] for entry in doc["items"]] == [str(item.translation_key)]
