"""The admin report of all action items: filters and CSV/XLSX export."""

import csv
import datetime
import io

import pytest

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.models import Organisation, ProgressUpdate
from tests.builders import make_item, make_plan, make_programme, publish

pytestmark = pytest.mark.django_db

URL = "/admin/reports/avp-action-items/"


@pytest.fixture
def items(home):
    programme = make_programme(home)
    plan = make_plan(programme, title="Kava A")
    other = make_plan(programme, title="Kava B", slug="kava-b")
    org = Organisation.objects.create(name="Külaselts")
    first = make_item(
        plan, 1, title="Paviljonid", status=ItemStatus.IN_PROGRESS, lead_implementer=org
    )
    first.progress_updates = [ProgressUpdate(title="U", date=datetime.date(2026, 11, 1))]
    publish(first)
    make_item(other, 2, title="Otseülekanded", status=ItemStatus.COMPLETED, progress=100)
    return plan, other


def test_report_lists_and_filters(admin_client, items):
    plan, _other = items
    html = admin_client.get(URL).content.decode()
    assert "Paviljonid" in html
    assert "Otseülekanded" in html
    assert "Kava B" in html
    only_done = admin_client.get(URL, {"status": "completed"}).content.decode()
    assert "Otseülekanded" in only_done
    assert "Paviljonid" not in only_done
    only_a = admin_client.get(URL, {"plan": plan.pk}).content.decode()
    assert "Paviljonid" in only_a
    assert "Otseülekanded" not in only_a
    assert "/admin/reports/avp-action-items/" in admin_client.get("/admin/").content.decode()


def test_report_exports_csv_and_xlsx(admin_client, items):
    response = admin_client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 3
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title["Paviljonid"][1] == "Kava A"
    assert by_title["Paviljonid"][3] == "Külaselts"
    assert by_title["Paviljonid"][6] == "2026-11-01"
    assert by_title["Otseülekanded"][5] == "100"
    xlsx = admin_client.get(URL, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxml")
