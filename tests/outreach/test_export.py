"""The tracker's CSV and XLSX exports: the columns an editor needs, formulas escaped."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from avp_wagtail.outreach.choices import Answer, Channel, ContactKind

from .conftest import contact

pytestmark = pytest.mark.django_db


def csv_rows(response):
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_csv_has_the_trackers_columns_and_escapes_formulas(admin_client, programme, chair):
    contact(
        programme,
        kind=ContactKind.POLITICIAN,
        person=chair,
        channel=Channel.IN_PERSON,
        answer=Answer.INTERESTED,
        referred_by_text='=HYPERLINK("http://evil.example","x")',
        notes="+372 5555 5555",
    )
    response = admin_client.get(reverse("avp_outreach:list") + "?export=csv")
    assert response.status_code == 200
    header, row = csv_rows(response)
    values = dict(zip(header, row, strict=True))
    assert values["Name"] == "Mari Maasikas"
    assert values["E-mail"] == "mari@kask.example"
    assert values["Kind"] == "Politician (C10)"
    assert values["Channel"] == "In person"
    assert values["Answer"] == "Interested"
    assert values["Joined"] == "no"
    assert values["Referred by"] == '\'=HYPERLINK("http://evil.example","x")'
    assert values["Notes"] == "'+372 5555 5555"


def test_a_programme_title_starting_with_a_formula_sign_is_escaped(admin_client, programme):
    programme.title = "=1+1 Avatud valitsemine"
    programme.save_revision().publish()
    contact(programme, name="Selts")
    header, row = csv_rows(admin_client.get(reverse("avp_outreach:list") + "?export=csv"))
    values = dict(zip(header, row, strict=True))
    assert values["Programme"] == "'=1+1 Avatud valitsemine"


def test_xlsx_export(admin_client, programme):
    contact(programme, name="=1+1", channel=Channel.PHONE)
    response = admin_client.get(reverse("avp_outreach:list") + "?export=xlsx")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header, row = list(book.active.iter_rows())
    cells = {h.value: cell for h, cell in zip(header, row, strict=True)}
    assert cells["Channel"].value == "Phone"
    # Text, never a formula a spreadsheet would run.
    assert cells["Name"].data_type == "s"
