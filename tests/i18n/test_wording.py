"""A resident's language: dates, status words, recommendation ids and tags (issue 12, point 15)."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.translation import gettext

from avp_wagtail.core.dates import format_date
from avp_wagtail.core.i18n import language_name
from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    Milestone,
    NetworkPage,
    OpenGovernmentPage,
)
from tests.builders import make_item, make_meeting, make_plan, make_programme, publish

EVENING = datetime.datetime(2026, 12, 14, 18, 0)


@pytest.mark.parametrize(
    ("language", "kind", "expected"),
    [
        ("et", "date", "14. detsember 2026"),
        ("et", "datetime", "14. detsember 2026, kell 18.00"),
        ("et", "short", "14.12.2026"),
        ("et", "short_datetime", "14.12.2026, kell 18.00"),
        ("et", "time", "18.00"),
        ("ru", "date", "14 декабря 2026"),
        ("ru", "datetime", "14 декабря 2026, 18:00"),
        ("ru", "short", "14.12.2026"),
        ("ru", "short_datetime", "14.12.2026, 18:00"),
        ("ru", "time", "18:00"),
        ("en", "date", "14 December 2026"),
        ("en", "datetime", "14 December 2026, 18:00"),
        ("en", "short", "14 Dec 2026"),
        ("en", "short_datetime", "14 Dec 2026, 18:00"),
        ("en", "time", "18:00"),
    ],
)
def test_dates_read_in_the_readers_language_and_24_hour_clock(settings, language, kind, expected):
    value = timezone.make_aware(EVENING)
    with translation.override(language):
        assert format_date(value, kind) == expected
        rendered = Template("{% load avp_wagtail %}{{ value|avp_date:kind }}").render(
            Context({"value": value, "kind": kind})
        )
    assert rendered == expected


@pytest.mark.parametrize("language", ["et", "en", "ru"])
def test_a_sentence_ending_in_a_date_or_time_ends_in_one_full_stop(language):
    """ "Sign up by <deadline>." read "… 6 p.m.." in English (Django's formats) and a
    Russian date ending in the year's abbreviation at the end of a sentence."""
    value = timezone.make_aware(EVENING)
    with translation.override(language):
        for kind in ("date", "datetime", "short", "short_datetime", "time"):
            assert not format_date(value, kind).endswith(".")


def test_a_date_asked_for_with_a_time_shows_the_date_only():
    with translation.override("et"):
        assert format_date(EVENING.date(), "datetime") == "14. detsember 2026"
        assert format_date(None) == ""


@pytest.mark.django_db
def test_meeting_pages_never_show_a_12_hour_clock_or_english_order(client, home):
    programme = make_programme(home)
    start = timezone.make_aware(EVENING)
    meeting = make_meeting(programme, 1, days_from_now=0, start=start)
    html = client.get(meeting.url).content.decode()  # Estonian, the default language
    assert "14. detsember 2026, kell 18.00" in html
    assert "p.l." not in html
    assert "dets. 14" not in html


@pytest.mark.django_db
def test_translated_meeting_pages_use_their_own_date_format(client, translated_programme):
    for language, pattern in (
        ("et", r"\d{1,2}\. \w+ \d{4}, kell \d{1,2}\.\d{2}"),
        ("ru", r"\d{1,2} \w+ \d{4}, \d{1,2}:\d{2}"),
        ("en", r"\d{1,2} \w+ \d{4}, \d{2}:\d{2}"),
    ):
        meeting = MeetingProtocolPage.objects.filter(locale__language_code=language).first()
        text = BeautifulSoup(client.get(meeting.url).content, "html.parser").get_text(" ")
        assert re.search(pattern, text), (language, meeting.url)
        assert not re.search(r"\b(p\.l\.|e\.l\.|p\.m\.|a\.m\.)", text)


@pytest.mark.django_db
def test_not_yet_and_overdue_are_separate_words_not_one_run(client, home):
    plan = make_plan(make_programme(home))
    item = make_item(plan, 1)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    item.milestones = [Milestone(title="Vote", due_date=yesterday)]
    publish(item)
    soup = BeautifulSoup(client.get(item.url).content, "html.parser")
    cell = " ".join(
        soup.select_one("table.avp-milestones td[data-label]:nth-of-type(2)").stripped_strings
    )
    with translation.override("et"):
        not_yet, overdue = gettext("not yet"), gettext("overdue")
    assert f"{not_yet} , {overdue}" in cell or f"{not_yet}, {overdue}" in cell
    assert f"{not_yet} {overdue}" not in cell


RECOMMENDATION_ID = re.compile(r"(?<![\w/.-])(?:C10|C[1-9]|D[1-6]|I[1-3])(?![\w/.-])")


@pytest.mark.django_db
def test_recommendation_ids_never_appear_in_public_text(client, translated_programme):
    """C1…C10, D1…D6 and I1…I3 are for editors: not on pages, in feeds or in e-mails' text."""
    found = []
    feeds = set()
    for model in (
        OpenGovernmentPage,
        CallToParticipatePage,
        ActionPlanPage,
        ActionItemPage,
        MeetingProtocolPage,
        NetworkPage,
    ):
        for page in model.objects.live():
            response = client.get(page.url)
            soup = BeautifulSoup(response.content, "html.parser")
            text = soup.get_text(" ")
            for attribute in ("title", "aria-label", "alt", "content", "data-label"):
                text += " " + " ".join(
                    tag[attribute] for tag in soup.find_all(attrs={attribute: True})
                )
            found += [f"{page.url}: {match}" for match in RECOMMENDATION_ID.findall(text)]
            for link in soup.select('a[type="text/calendar"], link[rel="alternate"]'):
                if link.get("type") in (
                    "text/calendar",
                    "application/rss+xml",
                    "application/atom+xml",
                ):
                    feeds.add(link["href"])
    assert feeds
    for url in feeds:
        body = client.get(url).content.decode()
        body = re.sub(r"https?://\S+", "", body)  # addresses are not prose
        found += [f"{url}: {match}" for match in RECOMMENDATION_ID.findall(body)]
    assert found == []


def test_language_names_stand_alone_in_the_readers_own_case():
    with translation.override("ru"):
        assert language_name("et") == "эстонский"
    with translation.override("et"):
        assert language_name("ru") == "vene"
    with translation.override("en"):
        assert language_name("et") == "Estonian"
    assert language_name("xx-unknown") == ""


@pytest.mark.django_db
def test_tags_on_english_and_russian_item_pages_are_in_that_language(client, translated_programme):
    expected = {
        "et": ["eelarve", "kaasamine"],
        "en": ["budget", "participation"],
        "ru": ["бюджет", "вовлечение"],
    }
    source = ActionItemPage.objects.get(locale__language_code="et", title="Kaasav eelarve")
    for item in ActionItemPage.objects.filter(translation_key=source.translation_key):
        soup = BeautifulSoup(client.get(item.url).content, "html.parser")
        tags = [li.get_text(strip=True) for li in soup.select("ul.avp-tags li")]
        assert tags == expected[item.locale.language_code], item.url
        # The item and its translations share the original tags (one stable id each).
        assert sorted(tag.slug for tag in item.tags.all()) == ["eelarve", "kaasamine"]


@pytest.mark.django_db
def test_the_network_filter_names_tags_in_the_pages_language(client, translated_programme):
    network = NetworkPage.objects.get(locale__language_code="ru")
    soup = BeautifulSoup(client.get(network.url).content, "html.parser")
    options = {o["value"]: o.get_text(strip=True) for o in soup.select('select[name="tag"] option')}
    assert options["eelarve"] == "бюджет"
    # Filtering by the tag still finds the Russian items tagged with it.
    html = client.get(network.url, {"tag": "eelarve"}).content.decode()
    assert "Инициативный бюджет" in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [("et", "15\xa0000"), ("ru", "15\xa0000"), ("en", "15,000"), ("et", "1\xa0250,50")],
)
def test_amounts_group_thousands_in_every_language(language, expected):
    """Django's Estonian formats group nothing ("15000 €" beside "15 000 €" in Russian)."""
    from decimal import Decimal

    from django.utils import translation

    from avp_wagtail.templatetags.avp_wagtail import avp_amount

    value = Decimal("1250.50") if "250" in expected else Decimal("15000.00")
    with translation.override(language):
        assert avp_amount(value) == expected
