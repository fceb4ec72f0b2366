"""Translates the demo into English and Russian through wagtail-localize's own models.

For each object it creates the wagtail-localize ``Translation`` records (so the translations
show in its admin and can be synced later), fills every string with the real translation
from ``translations.py`` via the same PO import a translator would use, and saves the
target. Pages are published at once rather than on commit, so that a whole tree can be
translated inside one transaction.
"""

from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from .translations import ITEM_SUMMARY_SUFFIX, TRANSLATIONS

TARGET_LANGUAGES = ("en", "ru")
_INDEX = {"en": 0, "ru": 1}


def translate_text(text, language):
    """The demo translation of one Estonian string; a missing one is an error, not a copy."""
    if text in TRANSLATIONS:
        return TRANSLATIONS[text][_INDEX[language]]
    suffix = ITEM_SUMMARY_SUFFIX["et"]
    if text.endswith(suffix) and text[: -len(suffix)] in TRANSLATIONS:
        return translate_text(text[: -len(suffix)], language) + ITEM_SUMMARY_SUFFIX[language]
    raise KeyError(f"The demo has no {language} translation for: {text!r}")


def translate_instance(instance, locales):
    """Create (or update) the translations of one page or snippet and return them."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    targets = []
    for locale in locales:
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        po = translation.export_po()
        for entry in po:
            if entry.msgctxt == "slug":
                # ASCII slugs from the English title, in every language.
                entry.msgstr = slugify(translate_text(instance.title, "en"))
            else:
                entry.msgstr = translate_text(entry.msgid, locale.language_code)
        warnings = translation.import_po(po)
        if warnings:
            raise RuntimeError(f"Importing the demo translation of {instance!r} failed: {warnings}")
        is_page = isinstance(instance, Page)
        target, _created = source.create_or_update_translation(
            locale, publish=not is_page, copy_parent_pages=True
        )
        if is_page:
            target.get_latest_revision().publish()
        targets.append(target)
    return targets


def translate_demo(programme, snippets, home=None):
    """Translate the snippets (first, so pages can refer to them), the programme tree and
    then the home page (its blocks and links then find the translated pages)."""
    locales = [Locale.objects.get_or_create(language_code=code)[0] for code in TARGET_LANGUAGES]
    for snippet in snippets:
        translate_instance(snippet, locales)
    for page in [programme, *programme.get_descendants().specific().order_by("path")]:
        translate_instance(page, locales)
    if home is not None:
        translate_instance(home, locales)
