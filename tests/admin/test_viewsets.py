"""The admin listings: organisations and contact people (snippets), and interest submissions."""

import csv
import io

from django.urls import reverse

from avp_wagtail.models import ContactPerson, InterestSubmission, Organisation
from tests.builders import make_call, make_programme


def test_organisation_listing_search_and_filter(admin_client, db):
    Organisation.objects.create(name="Village Society", kind="ngo")
    Organisation.objects.create(name="Town Council", kind="council")
    url = reverse("wagtailsnippets_avp_wagtail_organisation:list")
    html = admin_client.get(url).content.decode()
    assert "Village Society" in html and "Town Council" in html
    html = admin_client.get(url, {"q": "village"}).content.decode()
    assert "Village Society" in html and "Town Council" not in html
    html = admin_client.get(url, {"kind": "council"}).content.decode()
    assert "Town Council" in html and "Village Society" not in html


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
    assert "Mari" in html and "Jaan" in html
    html = admin_client.get(url, {"call": first.pk}).content.decode()
    assert "Mari" in html and "Jaan" not in html


def test_submissions_export_as_csv(admin_client, home):
    first, _second = make_submissions(home)
    url = reverse("avp_interest_submissions:index")
    response = admin_client.get(url, {"export": "csv", "call": first.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) == 2
    assert "mari@example.ee" in rows[1] and "Youth" in rows[1]


def test_submissions_need_admin_access(client, home):
    make_submissions(home)
    response = client.get(reverse("avp_interest_submissions:index"))
    assert response.status_code == 302  # to the login page
