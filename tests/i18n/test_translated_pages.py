"""A programme in Estonian, English and Russian, translated through wagtail-localize
(``tests.factories.translated_programme``)."""

from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from avp_wagtail.core.choices import ItemStatus, PlanStatus
from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    OpenGovernmentPage,
    Organisation,
)
from tests.builders import make_item, publish

LANGUAGES = ("et", "en", "ru")


def version(model, language, **filters):
    return model.objects.get(locale__language_code=language, **filters)


def first_item():
    """The programme's first action in Estonian ("Kaasav eelarve"), the one tagged twice."""
    return ActionItemPage.objects.get(locale__language_code="et", title="Kaasav eelarve")


def test_every_page_type_renders_in_each_language(client, translated_programme):
    item_key = first_item().translation_key
    for language in LANGUAGES:
        pages = [
            version(OpenGovernmentPage, language),
            version(CallToParticipatePage, language),
            version(ActionPlanPage, language),
            version(ActionItemPage, language, translation_key=item_key),
            version(MeetingProtocolPage, language),
        ]
        with translation.override(language):
            expected = {
                OpenGovernmentPage: [_("Our common goal"), _("Action plans")],
                CallToParticipatePage: [_("How to take part"), _("Express your interest")],
                ActionPlanPage: [_("Actions by theme"), str(PlanStatus.IN_PROGRESS.label)],
                ActionItemPage: [_("Who carries it out"), str(ItemStatus.IN_PROGRESS.label)],
                MeetingProtocolPage: [_("Arguments for"), _("Decision")],
            }
        for page in pages:
            assert page.url.startswith(f"/{language}/"), page.url
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            html = response.content.decode()
            assert f'<html lang="{language}">' in html
            assert page.title.replace("'", "&#x27;") in html
            for text in expected[type(page)]:
                assert text in html, (language, type(page).__name__, text)


def test_translations_carry_real_translated_text(client, translated_programme):
    for model in (OpenGovernmentPage, CallToParticipatePage, ActionPlanPage, ActionItemPage):
        for source in model.objects.filter(locale__language_code="et"):
            for language in ("en", "ru"):
                target = source.get_translation(Locale.objects.get(language_code=language))
                assert target.title != source.title, (model.__name__, language, source.title)
    ru_item = version(ActionItemPage, "ru", translation_key=first_item().translation_key)
    html = client.get(ru_item.url).content.decode()
    # The page itself, without the discussion (shared by all languages, written in several).
    html = html.split('<section id="comments"')[0]
    assert "<h1>Инициативный бюджет</h1>" in html
    assert "Волостная управа" in html  # the lead implementer, in Russian
    assert "Vallavalitsus" not in html
    assert "<h1>Kaasav eelarve</h1>" not in html


def test_facts_follow_the_source(translated_programme):
    source = first_item()
    for target in ActionItemPage.objects.filter(translation_key=source.translation_key):
        assert (target.status, target.progress, target.budget) == (
            source.status,
            source.progress,
            source.budget,
        )
        assert target.planned_end == source.planned_end
        assert target.lead_implementer.translation_key == source.lead_implementer.translation_key
        assert target.lead_implementer.locale_id == target.locale_id
        assert target.theme.translation_key == source.theme.translation_key


def test_language_switcher_and_hreflang_point_to_the_same_page(client, translated_programme):
    items = {
        page.locale.language_code: page
        for page in ActionItemPage.objects.filter(
            translation_key=first_item().translation_key
        ).select_related("locale")
    }
    html = client.get(items["en"].url).content.decode()
    for language, page in items.items():
        assert f'hreflang="{language}" href="http://testserver{page.url}"' in html
        assert f'href="{page.url}" hreflang="{language}" lang="{language}"' in html
    assert 'aria-current="page">English<' in html


def test_translated_page_says_it_is_a_translation_and_links_the_original(
    client, translated_programme
):
    source = ActionPlanPage.objects.get(locale__language_code="et")
    ru_plan = version(ActionPlanPage, "ru")
    html = client.get(ru_plan.url).content.decode()
    with translation.override("ru"):
        notice = _(
            "This page is a translation. The original is authoritative (original language: "
            "%(language)s):"
        )
        assert notice % {"language": "эстонский"} in html
    # The language's name stands alone, in the nominative, not inside a phrase that would
    # need it declined.
    assert "(язык оригинала: эстонский):" in html
    assert f'<a href="{source.url}" hreflang="et" lang="et">{source.title}</a>' in html
    assert "avp-translation-notice" not in client.get(source.url).content.decode()


def test_notice_wording_is_configurable(client, translated_programme, settings):
    settings.AVP_WAGTAIL = {
        "TRANSLATION_NOTICE": "Translated from %(language)s; the original rules."
    }
    html = client.get(version(ActionPlanPage, "en").url).content.decode()
    assert "Translated from Estonian; the original rules." in html


def test_untranslated_page_links_to_the_programme_in_other_languages(client, translated_programme):
    plan = ActionPlanPage.objects.get(locale__language_code="et")
    new_item = make_item(plan, 99, title="Uus tegevus")
    html = client.get(new_item.url).content.decode()
    for language in ("en", "ru"):
        programme = version(OpenGovernmentPage, language)
        assert f'href="{programme.url}" hreflang="{language}"' in html
        assert f'hreflang="{language}" href="http://testserver{programme.url}"' not in html


def test_organisation_names_are_localized_on_meeting_pages(client, translated_programme):
    ru_meeting = version(MeetingProtocolPage, "ru")
    html = client.get(ru_meeting.url).content.decode()
    assert Organisation.objects.get(locale__language_code="ru", kind="municipality").name in html
    # The discussed items are listed in Russian and link to the Russian pages.
    ru_item = version(ActionItemPage, "ru", translation_key=first_item().translation_key)
    assert f'href="{ru_item.url}"' in html
    # ... and the Russian item lists the Russian meeting back.
    assert f'href="{ru_meeting.url}"' in client.get(ru_item.url).content.decode()


def test_unknown_language_prefix_is_404(client, translated_programme):
    assert client.get(f"/xx/{translated_programme.slug}/", follow=True).status_code == 404
    assert client.get("/de/", follow=True).status_code == 404


def test_page_missing_in_a_language_is_404_not_500(client, translated_programme):
    """An action added in Estonian and not translated yet: its address under /ru/."""
    plan = ActionPlanPage.objects.get(locale__language_code="et")
    new_item = make_item(plan, 99, title="Uus tegevus")
    assert client.get(new_item.url).status_code == 200
    assert new_item.url.startswith("/et/")
    assert client.get("/ru/" + new_item.url.removeprefix("/et/")).status_code == 404


def test_publishing_in_estonian_does_not_change_translations_until_sync(translated_programme):
    from django.utils import timezone

    from avp_wagtail.models import ProgressUpdate

    source = first_item()
    assert source.progress == 40  # its latest update's
    # Progress is set by the latest progress update (issue 12): add one.
    source.progress_updates.add(
        ProgressUpdate(title="Hääletus", date=timezone.localdate(), progress=80)
    )
    publish(source)
    assert ActionItemPage.objects.get(pk=source.pk).progress == 80
    ru = source.get_translation(Locale.objects.get(language_code="ru"))
    assert ru.progress == 40  # as it was; changes on the next sync (test_sync)


def test_translated_item_costs_a_fixed_number_of_extra_queries(client, translated_programme):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    source = first_item()
    ru_item = version(ActionItemPage, "ru", translation_key=source.translation_key)
    counts = {}
    for page in (source, ru_item):
        client.get(page.url)  # warm caches
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(page.url).status_code == 200
        counts[page.locale_id] = len(ctx.captured_queries)
    # +1 locale lookups of the translation, +1 for the thread page its discussion lives on.
    assert counts[ru_item.locale_id] - counts[source.locale_id] <= 3


def test_each_language_version_of_a_plan_exports_its_own_language(client, translated_programme):
    """The open data links are on every language version; each exports its own texts, and
    an action keeps one id across languages (D4)."""
    import csv
    import io
    import json

    documents = {}
    for code in ("et", "en", "ru"):
        plan = ActionPlanPage.objects.get(locale__language_code=code)
        html = client.get(plan.url).content.decode()
        assert f'href="{plan.url}open-data/json/"' in html, code
        assert f'href="{plan.url}open-data/csv/"' in html, code
        documents[code] = json.loads(client.get(plan.url + "open-data/json/").content)
        assert documents[code]["language"] == code
        rows = list(
            csv.DictReader(
                io.StringIO(
                    client.get(plan.url + "open-data/csv/").content.decode().lstrip("\ufeff")
                )
            )
        )
        assert {row["Language"] for row in rows} == {code}
        assert [row["Commitment Title"] for row in rows] == [
            item["title"] for item in documents[code]["items"]
        ]
    assert documents["en"]["plan"]["title"] != documents["et"]["plan"]["title"]
    assert [i["id"] for i in documents["en"]["items"]] == [
        i["id"] for i in documents["et"]["items"]
    ]
    titles = {code: [i["title"] for i in doc["items"]] for code, doc in documents.items()}
    assert "Participatory budgeting" in titles["en"]
    assert "Инициативный бюджет" in titles["ru"]
    assert titles["ru"] != titles["et"]
