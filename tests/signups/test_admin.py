"""The admin's side of meeting sign-ups: the list and export of one municipality's
sign-ups only (formula-escaped), and the protocol's attending organisations filled from
them after the meeting."""

import pytest
from django.contrib.auth.models import Permission

from avp_wagtail.models import MeetingSignup, Organisation
from tests.admin.multisite import (
    assert_denied,
    body,
    log_in_neighbour_editor,
    two_municipalities,
)
from tests.builders import make_meeting, publish
from tests.helpers import english_admin

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

URL = "/admin/avp/meeting-signups/"


def _signup(meeting, name, **fields):
    defaults = {"email": f"{name.split()[0].lower()}@example.ee", "consent": True}
    return MeetingSignup.objects.create(meeting=meeting, name=name, **{**defaults, **fields})


@pytest.fixture
def admin_client(admin_client, django_user_model):
    """The editor works in an English admin (messages are checked in English)."""
    english_admin(django_user_model.objects.get(username="editor"))
    return admin_client


def test_an_editor_sees_and_exports_only_their_municipalitys_sign_ups(
    client, django_user_model, home
):
    ours, theirs = two_municipalities(home)
    our_meeting = make_meeting(ours["programme"], 7, 7, title="Meie koosolek", signup_open=True)
    their_meeting = make_meeting(
        theirs["programme"], 7, 7, title="Naabri koosolek", signup_open=True
    )
    _signup(our_meeting, "Meie Elanik")
    theirs_signup = _signup(their_meeting, "Naabri Elanik", organisation="=HYPERLINK(1)")
    editor = log_in_neighbour_editor(
        client,
        django_user_model,
        theirs,
        extra_permissions=("view_meetingsignup", "change_meetingsignup"),
    )
    html = editor.get(URL).content.decode()
    assert "Naabri Elanik" in html
    assert "Meie Elanik" not in html
    export = body(editor.get(URL + "?export=csv"))
    assert "Naabri Elanik" in export
    assert "Meie Elanik" not in export
    assert "'=HYPERLINK(1)" in export  # formula-escaped
    # The other municipality's sign-up does not open, nor its meeting as a filter.
    our_signup = MeetingSignup.objects.get(name="Meie Elanik")
    assert_denied(editor.get(f"{URL}inspect/{our_signup.pk}/"))
    assert editor.get(f"{URL}inspect/{theirs_signup.pk}/").status_code == 200
    assert "Meie koosolek" not in html


def test_nobody_adds_a_sign_up_in_the_admin(admin_client):
    assert admin_client.get(f"{URL}add/").status_code in (302, 403)
    assert Permission.objects.filter(codename="view_meetingsignup").exists()


def test_the_list_of_one_meeting_includes_its_translations(admin_client, home):
    from wagtail.models import Locale

    from tests.builders import make_programme

    meeting = make_meeting(make_programme(home), 1, 7, signup_open=True)
    locale = Locale.objects.get_or_create(language_code="ru")[0]
    russian = meeting.copy_for_translation(locale, copy_parents=True)
    publish(russian)
    _signup(meeting, "Eesti Elanik")
    _signup(russian, "Vene Elanik", language="ru")
    html = admin_client.get(f"{URL}?meeting={meeting.pk}").content.decode()
    assert "Eesti Elanik" in html
    assert "Vene Elanik" in html


def test_attending_organisations_are_filled_from_the_sign_ups(admin_client, home):
    from tests.builders import make_programme

    meeting = make_meeting(make_programme(home), 1, 7, signup_open=True)
    village = Organisation.objects.create(name="Küla Selts", kind="ngo")
    youth = Organisation.objects.create(name="Noortekogu", kind="ngo")
    _signup(meeting, "Mari Maasikas", organisation="küla  selts")
    _signup(meeting, "Jaan Tamm", organisation="Küla Selts")  # the same organisation
    _signup(meeting, "Kati Karu", organisation="Tundmatu MTÜ")
    _signup(meeting, "Peeter Puu", organisation="Noortekogu", state=MeetingSignup.State.WAITING)
    url = f"/admin/avp/meetings/{meeting.pk}/attending-from-signups/"
    html = admin_client.get(url).content.decode()
    assert "Küla Selts" in html
    assert "Tundmatu MTÜ" in html  # to add under Organisations first
    assert "Noortekogu" not in html  # waiting list: did not have a place
    response = admin_client.post(url)
    assert response.status_code == 302
    meeting.refresh_from_db()
    draft = meeting.get_latest_revision_as_object()
    assert [link.organisation for link in draft.attending_organisations.all()] == [village]
    # A draft to review: the published protocol is unchanged until the editor publishes.
    assert not meeting.attending_organisations.exists()
    # Again: nothing new to add.
    admin_client.post(url)
    meeting.refresh_from_db()
    draft = meeting.get_latest_revision_as_object()
    assert len(draft.attending_organisations.all()) == 1
    assert youth not in [link.organisation for link in draft.attending_organisations.all()]


def test_attending_from_sign_ups_needs_the_sign_ups_view_permission(
    client, django_user_model, home
):
    """An editor who may edit the meeting but not see the sign-ups does not get the
    organisations residents typed into them."""
    _ours, theirs = two_municipalities(home)
    meeting = make_meeting(theirs["programme"], 9, 7, signup_open=True)
    _signup(meeting, "Mari Maasikas", organisation="Salajane Selts")
    editor = log_in_neighbour_editor(client, django_user_model, theirs)
    url = f"/admin/avp/meetings/{meeting.pk}/attending-from-signups/"
    response = editor.get(url)
    assert_denied(response)
    editor.post(url)
    meeting.refresh_from_db()
    assert meeting.get_latest_revision() is None or not (
        meeting.get_latest_revision_as_object().attending_organisations.exists()
    )
    group = django_user_model.objects.get(username="naaber").groups.get()
    group.permissions.add(Permission.objects.get(codename="view_meetingsignup"))
    assert "Salajane Selts" in editor.get(url).content.decode()


def test_a_meeting_locked_by_another_editor_gets_no_draft(admin_client, home, django_user_model):
    from django.utils import timezone

    from tests.builders import make_programme

    meeting = make_meeting(make_programme(home), 1, 7, signup_open=True)
    Organisation.objects.create(name="Küla Selts", kind="ngo")
    _signup(meeting, "Mari Maasikas", organisation="Küla Selts")
    other = django_user_model.objects.create_user("teine", password="pw")
    meeting.locked, meeting.locked_by, meeting.locked_at = True, other, timezone.now()
    meeting.save()
    revisions = meeting.revisions.count()
    url = f"/admin/avp/meetings/{meeting.pk}/attending-from-signups/"
    html = admin_client.get(url).content.decode()
    assert "locked" in html.lower()
    response = admin_client.post(url, follow=True)
    assert meeting.revisions.count() == revisions
    assert "locked" in response.content.decode().lower()
