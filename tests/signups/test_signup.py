"""A resident signs up for an announced meeting (C4): a place or the waiting list, an
e-mail with the meeting as a calendar entry and a cancel link; a cancelled place goes to
the first on the waiting list. The page shows places left, never who signed up."""

import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from avp_wagtail.models import MeetingSignup
from avp_wagtail.signups.tokens import read_cancel_token
from tests.helpers import et

from .helpers import sign_up

pytestmark = pytest.mark.django_db

State = MeetingSignup.State


def places_text(places, meeting):
    from django.utils import translation

    from avp_wagtail.templatetags.avp_wagtail import avp_date

    with translation.override("et"):
        text = translation.ngettext(
            "%(places)s place left. Sign up by %(deadline)s.",
            "%(places)s places left. Sign up by %(deadline)s.",
            places,
        )
        return text % {"places": places, "deadline": avp_date(meeting.start, "datetime")}


def waiting_text():
    return et(
        'The places at the meeting "%(title)s" are taken: you are on the waiting list. If a '
        "place becomes free, it is yours and we e-mail you.",
        title="Avatud koosolek",
    )


def _cancel_path(message):
    match = re.search(r"https?://[^/\s]+(/\S+signup/cancel/\?t=\S+)", message.body)
    assert match, message.body
    return match.group(1)


def test_a_resident_signs_up_and_gets_a_calendar_entry_and_a_cancel_link(
    client, meeting, mailoutbox
):
    html = client.get(meeting.url).content.decode()
    assert et("Sign up for the meeting") in html
    assert places_text(2, meeting) in " ".join(html.split())
    response = sign_up(client, meeting, organisation="Küla Selts", interpretation="ru")
    assert response.status_code == 302
    assert response["Location"] == f"{meeting.url}?signup=confirmed#avp-signup"
    signup = MeetingSignup.objects.get()
    assert (signup.state, signup.organisation, signup.interpretation, signup.language) == (
        State.CONFIRMED,
        "Küla Selts",
        "ru",
        "et",
    )
    [message] = mailoutbox
    assert message.to == ["mari@example.ee"]
    assert "Avatud koosolek" in message.subject
    assert "Rahvamaja saal" in message.body
    [(filename, calendar, mimetype)] = message.attachments
    assert filename.endswith(".ics")
    assert mimetype == "text/calendar"
    calendar = calendar.decode() if isinstance(calendar, bytes) else calendar
    assert "BEGIN:VEVENT" in calendar
    assert "SUMMARY:Avatud koosolek" in calendar
    assert _cancel_path(message).startswith(f"{meeting.url}signup/cancel/?t=")
    page = client.get(response["Location"]).content.decode()
    assert (
        et(
            "Thank you! You have a place. We have e-mailed you the details, a calendar entry "
            "and a link to cancel."
        )
        in page
    )
    assert "mari@example.ee" not in page
    assert "Mari Maasikas" not in page  # never who signed up
    # The thanks, not the empty form again (it read as if nothing had happened); a link
    # brings the form back for another person.
    assert 'id="avp-signup-form"' not in page
    assert et("Sign up another person") in page
    assert 'id="avp-signup-form"' in client.get(meeting.url).content.decode()


def test_when_the_places_are_taken_the_next_one_waits(client, meeting, mailoutbox):
    sign_up(client, meeting, email="a@example.ee")
    sign_up(client, meeting, email="b@example.ee")
    html = client.get(meeting.url).content.decode()
    assert et("The places are taken.") in html
    assert et("Join the waiting list") in html
    response = sign_up(client, meeting, email="c@example.ee")
    assert response["Location"] == f"{meeting.url}?signup=waiting#avp-signup"
    assert MeetingSignup.objects.get(email="c@example.ee").state == State.WAITING
    assert waiting_text() in mailoutbox[-1].body


def test_cancelling_gives_the_place_to_the_first_on_the_waiting_list(client, meeting, mailoutbox):
    for address in ("a@example.ee", "b@example.ee", "c@example.ee", "d@example.ee"):
        sign_up(client, meeting, email=address)
    cancel = _cancel_path(mailoutbox[0])
    # Opening the link (or a mail scanner opening it) asks; nothing changes yet.
    page = client.get(cancel)
    assert page.status_code == 200
    assert MeetingSignup.objects.get(email="a@example.ee").state == State.CONFIRMED
    # The question names the meeting (a resident may have signed up for several).
    question = " ".join(BeautifulSoup(page.content, "html.parser").main.stripped_strings)
    assert et("Cancel your sign-up?") in question
    assert f"{meeting.title}, " in question
    assert "Rahvamaja saal" in question
    response = client.post(cancel)
    assert response.status_code == 200
    assert et("Your sign-up is cancelled") in response.content.decode()
    states = dict(MeetingSignup.objects.values_list("email", "state"))
    assert states == {
        "a@example.ee": State.CANCELLED,
        "b@example.ee": State.CONFIRMED,
        "c@example.ee": State.CONFIRMED,  # moved up
        "d@example.ee": State.WAITING,
    }
    assert mailoutbox[-1].to == ["c@example.ee"]
    assert "Avatud koosolek" in mailoutbox[-1].subject
    # The link again: nothing more happens.
    client.post(cancel)
    assert MeetingSignup.objects.filter(state=State.CONFIRMED).count() == 2


def test_a_forged_cancel_link_changes_nothing(client, meeting, mailoutbox):
    sign_up(client, meeting)
    cancel = _cancel_path(mailoutbox[0])
    response = client.post(cancel[:-3] + "abc")
    assert response.status_code == 400
    assert MeetingSignup.objects.get().state == State.CONFIRMED


def test_an_address_signs_up_once_and_the_page_does_not_tell_whether_it_had(
    client, meeting, mailoutbox
):
    first = sign_up(client, meeting)
    again = sign_up(client, meeting, email="MARI@example.ee", name="Keegi Teine")
    assert again["Location"] == first["Location"]
    assert MeetingSignup.objects.get().name == "Mari Maasikas"
    # The address gets its sign-up's details (and cancel link) again.
    assert [message.to for message in mailoutbox] == [["mari@example.ee"]] * 2
    tokens = [_cancel_path(message).split("?t=")[1] for message in mailoutbox]
    assert read_cancel_token(tokens[1]) == read_cancel_token(tokens[0])


def test_a_rejected_sign_up_keeps_what_was_typed_in_the_page_language(client, meeting):
    response = sign_up(client, meeting, name="", accessibility_needs="Ratastool", consent="")
    assert response.status_code == 400
    html = response.content.decode()
    assert response["Content-Language"] == "et"
    assert et("Please enter your name.") in html
    assert "Ratastool" in html
    assert 'id="avp-signup-errors"' in html
    assert not MeetingSignup.objects.exists()


def test_the_honeypot_stores_nothing(client, meeting):
    response = sign_up(client, meeting, website="http://spam.example")
    assert response.status_code == 400
    assert not MeetingSignup.objects.exists()


def test_after_the_deadline_the_form_is_gone_and_a_post_stores_nothing(client, meeting):
    meeting.signup_deadline = timezone.now() - timezone.timedelta(hours=1)
    meeting.save()
    html = client.get(meeting.url).content.decode()
    assert et("Sign-up for this meeting has closed.") in html
    assert 'id="avp-signup-form"' not in html
    response = sign_up(client, meeting)
    assert response.status_code == 409
    assert et("Sign-up for this meeting has closed; nothing was stored.") in (
        response.content.decode()
    )
    assert not MeetingSignup.objects.exists()


def test_questions_the_meeting_does_not_ask_are_not_shown(client, meeting):
    meeting.signup_ask_accessibility = False
    meeting.signup_ask_interpretation = False
    meeting.save()
    html = client.get(meeting.url).content.decode()
    assert 'name="accessibility_needs"' not in html
    assert 'name="interpretation"' not in html
    assert 'name="organisation"' in html


def test_a_meeting_without_sign_up_shows_no_form(client, programme):
    from tests.builders import make_meeting

    html = client.get(make_meeting(programme, 2, 7).url).content.decode()
    assert "avp-signup" not in html


def test_sign_ups_are_rate_limited_and_keep_the_input(client, meeting, settings):
    settings.AVP_WAGTAIL = {"SIGNUP_RATE_LIMIT": 1}
    sign_up(client, meeting)
    response = sign_up(client, meeting, email="jaan@example.ee", name="Jaan Tamm")
    assert response.status_code == 429
    assert "Jaan Tamm" in response.content.decode()
    assert MeetingSignup.objects.count() == 1


def test_the_cancel_question_says_what_becomes_of_the_place(client, meeting, mailoutbox):
    """With nobody waiting, the place does not "go to the next on the waiting list"."""
    sign_up(client, meeting, email="a@example.ee")
    page = client.get(_cancel_path(mailoutbox[0])).content.decode()
    assert et("%(meeting)s. Your place becomes free for someone else.").split(". ")[1] in page
    assert "Rahvamaja saal" in page
