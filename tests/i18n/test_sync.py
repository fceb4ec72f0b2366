"""Translating and syncing through wagtail-localize's own API, on a small tree."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import OverridableSegment, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.models import ActionItemPage, Organisation
from tests.builders import make_item, make_plan, make_programme, publish


@pytest.fixture
def locales(db):
    return [Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ru")]


@pytest.fixture
def item(home):
    plan = make_plan(make_programme(home), themes=("Avatud info",))
    org = Organisation.objects.create(name="Vallavalitsus")
    return make_item(
        plan, 1, title="Otseülekanded", progress=30, theme=plan.themes.get(), lead_implementer=org
    )


def translate(obj, locales, capture):
    """Translate like an editor does: the organisation, then the pages from the top down."""
    pages = [*obj.get_ancestors().filter(depth__gt=2).specific(), obj]
    for instance in [obj.lead_implementer, *pages]:
        with capture(execute=True):
            translate_object(instance, locales)


def test_translate_publish_and_sync_a_status_change(
    client, item, locales, django_capture_on_commit_callbacks
):
    translate(item, locales, django_capture_on_commit_callbacks)
    translations = ActionItemPage.objects.filter(translation_key=item.translation_key)
    assert translations.count() == 3
    assert all(page.live for page in translations)

    item.status = ItemStatus.DELAYED
    item.progress = 35
    publish(item)
    with django_capture_on_commit_callbacks(execute=True):
        source, _ = TranslationSource.update_or_create_from_instance(item)
        for translation in Translation.objects.filter(source=source):
            translation.save_target()

    for locale in locales:
        target = item.get_translation(locale)
        assert (target.status, target.progress) == (ItemStatus.DELAYED, 35)
        html = client.get(target.url).content.decode()
        assert "35%" in html
        assert target.lead_implementer.locale == locale  # the organisation's own translation


def test_translator_cannot_override_facts(item, locales, django_capture_on_commit_callbacks):
    translate(item, locales, django_capture_on_commit_callbacks)
    source = TranslationSource.objects.get_for_instance(item)
    overridable = set(
        OverridableSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    for fact in ("status", "progress", "budget", "planned_start", "planned_end", "is_quick_win"):
        assert fact not in overridable
    strings = set(source.stringsegment_set.values_list("context__path", flat=True))
    assert {"title", "summary"} <= strings
    assert "status" not in strings
    assert "progress" not in strings
