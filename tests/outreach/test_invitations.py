"""Invitations e-mailed from the tracker: one e-mail to each contact, in its language,
logged on the contact; contacts without an address are skipped and named."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale

from avp_wagtail.admin.exports import format_datetime
from avp_wagtail.outreach.choices import Channel, InvitationState
from avp_wagtail.outreach.models import OutreachContact, OutreachInvitation
from tests.builders import make_programme, publish

from .conftest import contact

pytestmark = pytest.mark.django_db


def bulk_url(*contacts):
    ids = "&".join(f"id={c.pk}" for c in contacts)
    return f"/admin/bulk/avp_outreach/outreachcontact/avp_invite/?{ids}&next=/admin/avp/outreach/"


def test_the_list_offers_the_bulk_action(admin_client, programme):
    contact(programme, name="Selts")
    html = admin_client.get(reverse("avp_outreach:list")).content.decode()
    assert "avp_invite" in html


def test_one_email_each_in_the_contacts_language_logged(
    admin_client, programme, call, society, chair, django_user_model
):
    english = contact(programme, name="Expat club", email="club@expat.example", language="en")
    by_person = contact(programme, organisation=society, person=chair, language="et")
    by_org = contact(programme, organisation=society, language="ru")
    nobody = contact(programme, name="Aadressita selts")
    url = bulk_url(english, by_person, by_org, nobody)
    page = admin_client.get(url).content.decode()
    assert "Aadressita selts" in page
    assert "no e-mail address: skipped" in page
    response = admin_client.post(url, {"call": call.pk}, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "3 invitations sent, one e-mail to each contact." in text
    assert "Not sent, no e-mail address: Aadressita selts" in text

    assert len(mail.outbox) == 3
    by_address = {tuple(message.to): message for message in mail.outbox}
    assert set(by_address) == {
        ("club@expat.example",),
        ("mari@kask.example",),
        ("selts@kask.example",),
    }
    for message in mail.outbox:
        assert not message.cc
        assert not message.bcc
        assert "Kutse osalema" in message.subject
        assert call.full_url in message.body
    assert by_address[("club@expat.example",)].extra_headers["Content-Language"] == "en"
    assert by_address[("mari@kask.example",)].extra_headers["Content-Language"] == "et"
    assert by_address[("selts@kask.example",)].extra_headers["Content-Language"] == "ru"
    assert "Mari Maasikas" in by_address[("mari@kask.example",)].body

    editor = django_user_model.objects.get(username="editor")
    log = OutreachInvitation.objects.filter(state=InvitationState.SENT)
    assert log.count() == 3
    for invitation in log:
        assert invitation.sent_at is not None
        assert invitation.sent_by == editor
        assert invitation.call.pk == call.pk
    assert not OutreachInvitation.objects.filter(contact=nobody).exists()
    english.refresh_from_db()
    assert english.channel == Channel.EMAIL
    assert english.contacted_on is not None
    assert english.contacted_by == editor
    listing = admin_client.get(reverse("avp_outreach:list")).content.decode()
    sent_at = format_datetime(english.invitations.get().sent_at)
    history = admin_client.get(reverse("avp_outreach:history", args=[english.pk]))
    assert "Invitation sent" in history.content.decode()
    assert sent_at in listing  # the "Invitation sent" column


def test_a_contact_of_another_programme_is_skipped(admin_client, programme, call, home):
    other = make_programme(home, title="Teine", slug="teine")
    far = contact(other, name="Kauge selts", email="kauge@selts.example")
    near = contact(programme, name="Lähedane selts", email="lahe@selts.example")
    response = admin_client.post(bulk_url(far, near), {"call": call.pk}, follow=True)
    assert "Kauge selts" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["lahe@selts.example"]]


def test_the_call_must_be_chosen(admin_client, programme):
    row = contact(programme, name="Selts", email="selts@selts.example")
    response = admin_client.post(bulk_url(row), {"call": ""})
    assert response.status_code == 200
    assert "Choose the call whose invitation is sent." in response.content.decode()
    assert not mail.outbox


def test_the_translated_call_is_linked_in_the_contacts_language(
    admin_client, programme, call, django_capture_on_commit_callbacks
):
    from wagtail_localize.operations import translate_object

    english_locale, _created = Locale.objects.get_or_create(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(call, [english_locale])
    translated = call.get_translation(english_locale)
    translated.title = "Call to take part"
    publish(translated)
    row = contact(programme, name="Expat club", email="club@expat.example", language="en")
    admin_client.post(bulk_url(row), {"call": call.pk})
    (message,) = mail.outbox
    assert "Call to take part" in message.subject
    assert translated.full_url in message.body


def test_a_contact_without_address_found_by_the_task_fails_quietly(programme, call):
    from avp_wagtail.outreach.tasks import send_outreach_invitation

    row = contact(programme, name="Selts")
    invitation = OutreachInvitation.objects.create(contact=row, call=call, language="et")
    send_outreach_invitation.call(invitation.pk)
    invitation.refresh_from_db()
    assert invitation.state == InvitationState.FAILED
    assert not mail.outbox
    assert OutreachContact.objects.get().channel == ""


def test_bulk_invite_needs_change_permission(client, django_user_model, programme, call, home):
    from .conftest import make_outreach_editor

    row = contact(programme, name="Selts", email="selts@selts.example")
    user = make_outreach_editor(
        django_user_model, home, username="vaataja", permissions=("view_outreachcontact",)
    )
    client.force_login(user)
    client.post(bulk_url(row), {"call": call.pk})
    assert not mail.outbox
    assert not OutreachInvitation.objects.exists()


def test_the_invitation_never_names_who_suggested_the_contact(admin_client, programme, call):
    """A referral from the public interest form names a resident: the person invited is not
    told who suggested them (and a form cannot put a name into the municipality's mail)."""
    suggested = contact(
        programme, name="Naabriselts", email="naaber@example.ee", referred_by_text="Mari Maasikas"
    )
    admin_client.post(bulk_url(suggested), {"call": call.pk})
    (message,) = mail.outbox
    assert "Mari Maasikas" not in message.body
    assert "Mari Maasikas" not in message.subject
