"""What wagtail-localize translates and what it keeps in sync, declared per field.

Every AVP model lists its fields in ``override_translatable_fields`` with these helpers:

- ``texts(...)``: words a translator translates (titles, summaries, arguments, decisions...).
- ``facts(...)``: values copied from the source on every sync and *not* overridable by a
  translator (dates, status, progress, budget, OGP values, flags, counts, tags), so that the
  Russian page can never claim a different progress than the Estonian one.
- ``references(...)``: foreign keys to translatable snippets (organisations, people, themes)
  and child objects. wagtail-localize re-points them on every sync to the target-language
  version of whatever the source points to; a translator cannot choose another one.

See docs/translating.md.
"""

from wagtail_localize.fields import SynchronizedField, TranslatableField


def texts(*names: str) -> list[TranslatableField]:
    return [TranslatableField(name) for name in names]


def facts(*names: str) -> list[SynchronizedField]:
    return [SynchronizedField(name, overridable=False) for name in names]


def references(*names: str) -> list[TranslatableField]:
    return [TranslatableField(name) for name in names]


def documents(*names: str) -> list[SynchronizedField]:
    """Documents are synchronised but a translator may attach a translated version."""
    return [SynchronizedField(name, overridable=True) for name in names]


PAGE_TEXTS = texts("title", "slug", "seo_title", "search_description")
