"""The admin listings: organisations and contact people (snippets), and interest submissions."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from avp_wagtail.models import ContactPerson, InterestSubmission, Organisation
from tests.builders import make_call, make_programme


def test_organisation_listing_search_and_filter(admin_client, db):
    Organisation.objects.create(name="Village Society", kind="ngo")
    Organisation.objects.create(name="Town Council", kind="council")
    url = reverse("wagtailsnippets_avp_wagtail_organisation:list")
    html = admin_client.get(url).content.decode()
    assert "Village Society" in html
    assert "Town Council" in html
    html = admin_client.get(url, {"q": "village"}).content.decode()
    assert "Village Society" in html
    assert "Town Council" not in html
    html = admin_client.get(url, {"kind": "council"}).content.decode()
    assert "Town Council" in html
    assert "Village Society" not in html


def test_contact_person_listing_and_add_form_defaults_to_private(admin_client, db):
    ContactPerson.objects.create(name="Kaja Kask", role="specialist")
    html = admin_client.get(reverse("wagtailsnippets_avp_wagtail_contactperson:list")).content
    assert b"Kaja Kask" in html
    add = admin_client.get(reverse("wagtailsnippets_avp_wagtail_contactperson:add"))
    assert add.status_code == 200
    assert add.context["form"].initial.get("show_contact_details", False) is False


def test_invalid_organisation_form_shows_field_error_and_keeps_input(admin_client, db):
    url = reverse("wagtailsnippets_avp_wagtail_organisation:add")
    response = admin_client.post(
        url, {"name": "Village Society", "kind": "ngo", "website": "not a url", "email": ""}
    )
    assert response.status_code == 200
    assert "website" in response.context["form"].errors
    assert 'value="Village Society"' in response.content.decode()
    assert not Organisation.objects.exists()


def make_submissions(home):
    programme = make_programme(home)
    first = make_call(programme, title="Spring call", slug="spring")
    second = make_call(programme, title="Autumn call", slug="autumn")
    InterestSubmission.objects.create(
        call=first, name="Mari", email="mari@example.ee", themes=["Youth"], consent=True
    )
    InterestSubmission.objects.create(
        call=second, name="Jaan", email="jaan@example.ee", consent=True
    )
    return first, second


def test_submissions_listed_and_filtered_by_call(admin_client, home):
    first, _second = make_submissions(home)
    url = reverse("avp_interest_submissions:index")
    html = admin_client.get(url).content.decode()
    assert "Mari" in html
    assert "Jaan" in html
    html = admin_client.get(url, {"call": first.pk}).content.decode()
    assert "Mari" in html
    assert "Jaan" not in html


def test_submissions_export_as_csv(admin_client, home):
    first, _second = make_submissions(home)
    url = reverse("avp_interest_submissions:index")
    response = admin_client.get(url, {"export": "csv", "call": first.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) == 2
    assert "mari@example.ee" in rows[1]
    assert "Youth" in rows[1]


def test_submissions_need_admin_access(client, home):
    make_submissions(home)
    response = client.get(reverse("avp_interest_submissions:index"))
    assert response.status_code == 302  # to the login page


@pytest.fixture
def estonian_admin(admin_client, django_user_model):
    """The editor has chosen Estonian as the admin's language (Wagtail's UserProfile)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "et"
    profile.save()
    return admin_client


SUBMITTED_UTC = datetime.datetime(2026, 11, 30, 12, 5, 33, 123456, tzinfo=datetime.UTC)


def _export(client, export_format):
    url = reverse("avp_interest_submissions:index")
    response = client.get(url, {"export": export_format}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_submissions_export_local_time_to_the_minute_and_yes_no_in_the_editors_language(
    estonian_admin, home, settings
):
    settings.TIME_ZONE = "Europe/Tallinn"  # UTC+2 in November
    make_submissions(home)
    InterestSubmission.objects.update(submitted_at=SUBMITTED_UTC)

    rows = list(csv.DictReader(io.StringIO(_export(estonian_admin, "csv").decode("utf-8-sig"))))
    mari = next(row for row in rows if row["Nimi"] == "Mari")  # headings in Estonian too
    assert mari["Saadetud"] == "2026-11-30 14:05"
    assert mari["Nõusolek andmete säilitamiseks"] == "jah"
    assert "True" not in str(rows)
    assert "+00:00" not in str(rows)
    assert ".123456" not in str(rows)

    workbook = openpyxl.load_workbook(io.BytesIO(_export(estonian_admin, "xlsx")))
    sheet = workbook.active
    headings = [cell.value for cell in sheet[1]]
    row = list(sheet[2])
    submitted = row[headings.index("Saadetud")]
    assert submitted.value == datetime.datetime(2026, 11, 30, 14, 5)
    assert submitted.number_format == "yyyy-mm-dd hh:mm"
    assert row[headings.index("Nõusolek andmete säilitamiseks")].value == "jah"


def test_submissions_listing_shows_local_time_to_the_minute(estonian_admin, home, settings):
    settings.TIME_ZONE = "Europe/Tallinn"
    make_submissions(home)
    InterestSubmission.objects.update(submitted_at=SUBMITTED_UTC)
    html = estonian_admin.get(reverse("avp_interest_submissions:index")).content.decode()
    assert "2026-11-30 14:05" in html
    submission = InterestSubmission.objects.get(name="Mari")
    url = reverse("avp_interest_submissions:inspect", args=[submission.pk])
    html = estonian_admin.get(url).content.decode()
    assert "2026-11-30 14:05" in html
    assert "jah" in html
    assert "True" not in html


def test_contact_people_listing_says_yes_or_no(estonian_admin, db):
    ContactPerson.objects.create(name="Kaja Kask", role="specialist", show_contact_details=True)
    ContactPerson.objects.create(name="Mati Mets", role="specialist")
    url = reverse("wagtailsnippets_avp_wagtail_contactperson:list")
    html = estonian_admin.get(url).content.decode()
    cells = [cell.strip() for cell in re.findall(r"<td[^>]*>([^<]*)</td>", html)]
    assert "jah" in cells
    assert "ei" in cells
    assert "True" not in html


def test_action_items_report_exports_in_the_editors_language_with_date_cells(estonian_admin, home):
    """The report's CSV is streamed after the view returns: still in the editor's language."""
    from avp_wagtail.models import ProgressUpdate
    from tests.builders import make_item, make_plan, publish

    item = make_item(make_plan(make_programme(home)), 1, title="Paviljonid")
    item.progress_updates = [ProgressUpdate(title="U", date=datetime.date(2026, 11, 1))]
    publish(item)
    url = "/admin/reports/avp-action-items/"
    response = estonian_admin.get(url, {"export": "csv"}, HTTP_ACCEPT_LANGUAGE="en")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows[0]["Tegevuskava"] == "Plan"
    assert rows[0]["Viimane uudis"] == "2026-11-01"
    response = estonian_admin.get(url, {"export": "xlsx"}, HTTP_ACCEPT_LANGUAGE="en")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in sheet[1]]
    last_update = sheet[2][headings.index("Viimane uudis")]
    assert last_update.value == datetime.date(2026, 11, 1)  # a date cell, not text
    assert last_update.number_format == "yyyy-mm-dd"


def test_nobody_adds_an_expression_of_interest_in_the_admin(admin_client, home):
    """Residents write them through a call's form; the admin form could not say which call
    it answers (it used to be a server error, IntegrityError on call_id)."""
    url = reverse("avp_interest_submissions:add")
    for response in (
        admin_client.get(url),
        admin_client.post(url, {"name": "Mari", "email": "mari@example.ee"}),
    ):
        assert response.status_code in (302, 403)
    assert not InterestSubmission.objects.exists()
    listing = admin_client.get(reverse("avp_interest_submissions:index")).content.decode()
    assert url not in listing


@pytest.mark.parametrize("model", ["organisation", "contactperson"])
def test_snippet_search_with_quotes_and_brackets_is_no_server_error(admin_client, db, model):
    Organisation.objects.create(name='Küla "Selts" <ühing>')
    for term in ['"><script>alert(1)</script>', "a'b", "(", "*", "ühing"]:
        response = admin_client.get(f"/admin/snippets/avp_wagtail/{model}/", {"q": term})
        assert response.status_code == 200, term
    html = admin_client.get(
        "/admin/snippets/avp_wagtail/organisation/", {"q": "Selts"}
    ).content.decode()
    assert "Küla &quot;Selts&quot; &lt;ühing&gt;" in html
