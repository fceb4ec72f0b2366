"""The tracker in the admin: add, edit (errors shown per field), list, inspect, delete,
and Django's model permissions."""

import pytest
from django.urls import reverse

from avp_wagtail.outreach.choices import Answer, Channel, ContactKind
from avp_wagtail.outreach.models import OutreachContact
from tests.builders import make_programme

from .conftest import contact, make_outreach_editor

pytestmark = pytest.mark.django_db


def form_data(programme, **overrides):
    data = {
        "programme": programme.pk,
        "kind": ContactKind.ORGANISATION,
        "organisation": "",
        "person": "",
        "name": "Noorte volikogu",
        "email": "noored@vald.example",
        "language": "et",
        "channel": Channel.PHONE,
        "contacted_on": "2026-11-20",
        "contacted_by": "",
        "contacted_by_text": "",
        "referred_by": "",
        "referred_by_text": "",
        "answer": Answer.INTERESTED,
        "submission": "",
        "meeting": "",
        "notes": "Helistasin esimehele.",
    }
    data.update(overrides)
    return data


def test_an_editor_adds_a_contact(admin_client, programme, django_user_model):
    editor = django_user_model.objects.get(username="editor")
    response = admin_client.post(
        reverse("avp_outreach:add"), form_data(programme, contacted_by=editor.pk)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    row = OutreachContact.objects.get()
    assert row.programme_id == programme.pk
    assert row.channel == Channel.PHONE
    assert row.answer == Answer.INTERESTED
    assert row.contacted_by == editor
    listing = admin_client.get(reverse("avp_outreach:list")).content.decode()
    assert "Noorte volikogu" in listing
    assert "Interested" in listing
    assert "Phone" in listing


def test_the_add_form_offers_the_editor_as_contacted_by(admin_client, programme, django_user_model):
    editor = django_user_model.objects.get(username="editor")
    form = admin_client.get(reverse("avp_outreach:add")).context["form"]
    assert form.initial["contacted_by"] == editor.pk
    assert list(form.fields["programme"].queryset) == [programme]


def test_errors_are_shown_per_field(admin_client, programme):
    response = admin_client.post(
        reverse("avp_outreach:add"),
        form_data(programme, name="", email="not-an-address", contacted_on="32.13.2026"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    html = response.content.decode()
    assert "name" in form.errors
    # what the English admin shows next to the field
    assert "Choose an organisation or a contact person, or type a name." in html
    assert "email" in form.errors
    assert "contacted_on" in form.errors
    assert not OutreachContact.objects.exists()


def test_a_referral_must_be_of_the_same_programme(admin_client, programme, home):
    other = make_programme(home, title="Teine", slug="teine")
    elsewhere = contact(other, name="Mujal")
    response = admin_client.post(
        reverse("avp_outreach:add"), form_data(programme, referred_by=elsewhere.pk)
    )
    assert response.status_code == 200
    assert "referred_by" in response.context["form"].errors
    assert "Choose a contact of the same programme." in response.content.decode()


def test_edit_inspect_and_delete(admin_client, programme, society):
    row = contact(programme, organisation=society, channel=Channel.LETTER)
    response = admin_client.post(
        reverse("avp_outreach:edit", args=[row.pk]),
        form_data(programme, organisation=society.pk, name="", answer=Answer.NO),
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.answer == Answer.NO
    inspect = admin_client.get(reverse("avp_outreach:inspect", args=[row.pk])).content.decode()
    assert "Külaselts Kask" in inspect
    admin_client.post(reverse("avp_outreach:delete", args=[row.pk]))
    assert not OutreachContact.objects.exists()


def test_a_view_only_editor_cannot_add_or_change(client, django_user_model, programme, home):
    row = contact(programme, name="Selts")
    user = make_outreach_editor(
        django_user_model, home, username="vaataja", permissions=("view_outreachcontact",)
    )
    client.force_login(user)
    assert client.get(reverse("avp_outreach:list")).status_code == 200
    assert client.get(reverse("avp_outreach:add")).status_code == 302
    client.post(reverse("avp_outreach:add"), form_data(programme))
    client.post(reverse("avp_outreach:delete", args=[row.pk]))
    assert list(OutreachContact.objects.values_list("name", flat=True)) == ["Selts"]


def test_without_permissions_the_tracker_is_closed(client, django_user_model, programme, home):
    contact(programme, name="Salajane selts")
    user = make_outreach_editor(django_user_model, home, username="muu", permissions=())
    client.force_login(user)
    response = client.get(reverse("avp_outreach:list"))
    assert response.status_code == 302
    assert "Salajane selts" not in client.get(response["Location"]).content.decode()
