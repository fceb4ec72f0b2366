"""Places are counted over the meeting's language versions; the page's queries do not grow
with the sign-ups; sign-ups leave with the retention period and on a person's request; the
call to participate points to the next meeting and its sign-up."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from avp_wagtail.models import MeetingSignup
from avp_wagtail.privacy.retention import erase_expired
from tests.builders import make_call, make_meeting, publish
from tests.helpers import ru
from tests.queries import page_queries

from .helpers import sign_up

pytestmark = pytest.mark.django_db


def _russian(meeting):
    russian = meeting.copy_for_translation(
        Locale.objects.get_or_create(language_code="ru")[0], copy_parents=True
    )
    publish(russian)
    return russian


def test_the_language_versions_share_the_places(client, meeting, mailoutbox):
    russian = _russian(meeting)
    sign_up(client, meeting, email="a@example.ee")
    response = sign_up(client, russian, email="b@example.ee", name="Борис")
    assert response["Location"].endswith("?signup=confirmed#avp-signup")
    # Two places, both taken: the third, in either language, waits.
    sign_up(client, meeting, email="c@example.ee")
    assert MeetingSignup.objects.get(email="c@example.ee").state == MeetingSignup.State.WAITING
    html = client.get(russian.url).content.decode()
    assert ru("The places are taken.") in html
    # The Russian sign-up's e-mail is in Russian.
    assert MeetingSignup.objects.get(email="b@example.ee").language == "ru"
    assert mailoutbox[1].to == ["b@example.ee"]
    assert ru("The meeting is attached as a calendar entry.") in mailoutbox[1].body


def test_the_meeting_page_costs_the_same_with_5_and_200_sign_ups(client, programme):
    counts = {}
    for size in (5, 200):
        meeting = make_meeting(programme, size, 7, signup_open=True, signup_capacity=300)
        MeetingSignup.objects.bulk_create(
            MeetingSignup(meeting=meeting, name=f"Elanik {n}", email=f"e{n}@example.ee")
            for n in range(size)
        )
        counts[size], response = page_queries(client, meeting.url)
        html = response.content.decode()
        assert f"{300 - size} " in html
        assert "Elanik 1" not in html
    assert counts[5] == counts[200]


def test_sign_ups_are_erased_after_the_retention_period(programme):
    past = make_meeting(programme, 1, -100, signup_open=True)
    recent = make_meeting(programme, 2, -10, signup_open=True)
    for meeting in (past, recent):
        MeetingSignup.objects.create(meeting=meeting, name="Mari", email="mari@example.ee")
    result = erase_expired(now=timezone.now())
    assert result["meeting_signups_deleted"] == 1
    assert list(MeetingSignup.objects.values_list("meeting", flat=True)) == [recent.pk]


def test_a_persons_sign_ups_are_part_of_their_data(programme):
    from avp_wagtail.privacy.retention import providers

    meeting = make_meeting(programme, 1, 7, signup_open=True)
    MeetingSignup.objects.create(meeting=meeting, name="Mari", email="Mari@Example.ee")
    found = {}
    for provider in providers():
        found.update(provider.of_person("mari@example.ee"))
    assert found["meeting_signups"].count() == 1


def test_the_call_shows_the_next_meeting_and_its_sign_up(client, programme):
    call = make_call(programme)
    make_meeting(programme, 1, -3, title="Möödunud koosolek")
    later = make_meeting(programme, 2, 20, title="Hilisem koosolek")
    soon = make_meeting(
        programme, 3, 5, title="Järgmine koosolek", location="Raamatukogu", signup_open=True
    )
    html = client.get(call.url).content.decode()
    section = html[html.index("avp-next-meeting") :]
    section = section[: section.index("</section>")]
    assert "Järgmine koosolek" in section
    assert "Raamatukogu" in section
    assert f'href="{soon.url}#avp-signup"' in section
    assert later.title not in section
    soon.signup_deadline = timezone.now() - datetime.timedelta(minutes=1)
    publish(soon)
    html = client.get(call.url).content.decode()
    section = html[html.index("avp-next-meeting") :]
    assert f'href="{soon.url}#avp-signup"' not in section[: section.index("</section>")]
