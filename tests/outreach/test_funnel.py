"""The funnel on the dashboard: invited → answered → interested → joined → active, per
channel, against the data."""

import pytest
from bs4 import BeautifulSoup

from avp_wagtail.models import InterestSubmission, MeetingSignup, Organisation
from avp_wagtail.models.meeting_protocol import MeetingAttendingOrganisation
from avp_wagtail.outreach.choices import Answer, Channel, InvitationState
from avp_wagtail.outreach.funnel import funnel
from avp_wagtail.outreach.models import OutreachContact, OutreachInvitation
from tests.builders import make_item, make_programme

from .conftest import contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def tracked(programme, call, plan, meeting, society):
    leader = Organisation.objects.create(name="Spordiklubi")
    attending = Organisation.objects.create(name="Noortekogu")
    make_item(plan, 1, lead_implementer=leader)
    MeetingAttendingOrganisation.objects.create(page=meeting, organisation=attending)
    MeetingSignup.objects.create(meeting=meeting, name="Liis", email="LIIS@signup.example")
    submission = InterestSubmission.objects.create(
        call=call, name="Mari", email="mari@example.ee", consent=True
    )
    contact(programme, name="Referral, not contacted")  # nothing
    contact(programme, name="Letter only", channel=Channel.LETTER)  # invited
    mailed = contact(programme, name="Mailed", email="m@example.ee")  # invited by e-mail
    OutreachInvitation.objects.create(
        contact=mailed, call=call, language="et", state=InvitationState.SENT
    )
    contact(programme, name="Said no", channel=Channel.PHONE, answer=Answer.NO)
    contact(programme, name="Interested", channel=Channel.PHONE, answer=Answer.INTERESTED)
    contact(programme, name="Joined", channel=Channel.IN_PERSON, submission=submission)
    contact(programme, organisation=leader, channel=Channel.IN_PERSON)  # leads an action
    contact(programme, organisation=attending, channel=Channel.LETTER)  # attended
    contact(programme, name="Liis", email="liis@signup.example", channel=Channel.EMAIL)
    contact(programme, name="At meeting", meeting=meeting, channel=Channel.THEIR_EVENT)
    return programme


def rows_of(programme):
    contacts = (
        OutreachContact.objects.of_programme(programme)
        .select_related("organisation", "person")
        .prefetch_related("invitations")
    )
    return funnel(programme, contacts)


def test_the_numbers(tracked):
    result = rows_of(tracked)
    assert result.total.contacts == 10
    assert result.total.counts == [9, 7, 6, 5, 4]
    assert result.count("active", Channel.IN_PERSON) == 1
    assert result.count("joined", Channel.IN_PERSON) == 2
    assert result.count("invited", Channel.PHONE) == 2
    assert result.count("answered", Channel.PHONE) == 2
    assert result.count("interested", Channel.PHONE) == 1
    assert result.count("invited", Channel.LETTER) == 2
    assert result.count("active", Channel.LETTER) == 1
    assert result.count("active", Channel.EMAIL) == 1  # signed up with the same address
    # Not recorded: the referral (nothing) and the mailed one (invited through the log).
    assert result.count("invited", "") == 1


def test_the_dashboard_shows_a_table_per_programme(admin_client, tracked, home):
    other = make_programme(home, title="Teine programm", slug="teine")
    contact(other, name="Elsewhere", channel=Channel.PHONE)
    html = admin_client.get("/admin/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    tables = soup.select(".avp-outreach-funnel table")
    assert len(tables) == 2
    first = tables[0]
    assert "Open government" in first.caption.get_text()
    headers = [th.get_text(strip=True) for th in first.thead.find_all("th")]
    assert headers == ["Channel", "Invited", "Answered", "Interested", "Joined", "Active"]
    total = [td.get_text(strip=True) for td in first.tfoot.find_all("td")]
    assert total == ["9", "7", "6", "5", "4"]
    phone = next(tr for tr in first.tbody.find_all("tr") if tr.th.get_text(strip=True) == "Phone")
    assert [td.get_text(strip=True) for td in phone.find_all("td")] == ["2", "2", "1", "0", "0"]
    assert [td.get_text(strip=True) for td in tables[1].tfoot.find_all("td")] == [
        "1",
        "0",
        "0",
        "0",
        "0",
    ]


def test_no_part_without_contacts_or_permission(client, django_user_model, programme, home):
    from .conftest import make_outreach_editor

    user = make_outreach_editor(django_user_model, home, username="tuhi")
    client.force_login(user)
    assert "avp-outreach-funnel" not in client.get("/admin/").content.decode()
    contact(programme, name="Selts", channel=Channel.PHONE)
    assert "avp-outreach-funnel" in client.get("/admin/").content.decode()
    other = make_outreach_editor(django_user_model, home, username="muu", permissions=())
    client.force_login(other)
    assert "avp-outreach-funnel" not in client.get("/admin/").content.decode()
