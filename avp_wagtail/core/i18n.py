"""Language versions of an AVP page: the switcher, hreflang alternates, the original."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Site

from avp_wagtail.conf import get_setting

# The language's name stands alone after a colon, so it needs no declension ("язык
# оригинала: эстонский", never "на эстонский").
DEFAULT_TRANSLATION_NOTICE = _(
    "This page is a translation. The original is authoritative (original language: %(language)s):"
)

# Languages that write language names in lower case inside a sentence ("эстонский", "eesti").
_LOWER_CASE_LANGUAGE_NAMES = {
    "be",
    "bg",
    "cs",
    "da",
    "es",
    "et",
    "fi",
    "fr",
    "hr",
    "hu",
    "it",
    "lt",
    "lv",
    "nb",
    "pl",
    "pt",
    "ro",
    "ru",
    "sk",
    "sl",
    "sr",
    "sv",
    "uk",
}


@dataclass
class LanguageVersion:
    code: str
    name: str  # the language's name in that language, e.g. "Русский"
    url: str
    is_current: bool
    is_translation: bool  # False when the link falls back to the programme or home page
    absolute_url: str = ""  # for hreflang links; ``url`` may be relative


def i18n_enabled() -> bool:
    return getattr(settings, "WAGTAIL_I18N_ENABLED", False)


def _content_language_order() -> dict[str, int]:
    codes = [code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])]
    return {code: index for index, code in enumerate(codes)}


_View = TypeVar("_View", bound=Callable[..., Any])


def own_page(route: str | None = None) -> Callable[[_View], _View]:
    """Mark a sub-URL view (``avp_page_routes``) that shows a page of its own, e.g. the
    ideas under a plan: its canonical and share URL is the sub-URL, and the language
    switcher and hreflang links keep the sub-URL under each language version of the page
    (``/en/plan/ideas/5/``). ``route``: show another route's URL instead, with the same
    arguments (a form posted to ``ideas/5/support/`` shows ``ideas/5/`` again).

    Unmarked sub-URLs (a link's token, a form posted back to the page) keep the page's
    own URLs: the same sub-URL in another language would not work without the token."""

    def mark(view: _View) -> _View:
        view.avp_own_page = route or True  # type: ignore[attr-defined]
        return view

    return mark


def subpage_path(page: Any, request: HttpRequest | None) -> str:
    """The sub-URL of ``page`` that ``request`` is served by (``"ideas/5/"``), when its view
    is marked with :func:`own_page`; "" for the page itself and every other sub-URL."""
    match: Any = getattr(request, "routable_resolver_match", None)
    view = getattr(match, "func", None)
    if view is None or getattr(getattr(view, "__self__", None), "pk", None) != page.pk:
        return ""  # the page itself, or another page's context in the same request
    marked = getattr(getattr(view, "__func__", view), "avp_own_page", None)
    if not marked or not hasattr(page, "reverse_subpage"):
        return ""
    name = match.url_name if marked is True else marked
    try:
        return str(page.reverse_subpage(name, args=match.args, kwargs=match.kwargs))
    except NoReverseMatch:
        return ""


@dataclass
class PageLanguages:
    """What a page template needs to know about the page's languages."""

    code: str  # the page's own language code, for lang="..."
    versions: list  # LanguageVersion per content language (empty without i18n)
    original: object = None  # the authoritative (default-locale) page when this is a translation
    original_code: str = ""  # its language code


def page_languages(page: Any, request: HttpRequest | None) -> PageLanguages:
    """Language versions of ``page``: the same page in each content language, or a fallback.
    On a sub-URL marked :func:`own_page`, each translation's link is that sub-URL of it.

    A language without a translation of the page links to that language's
    OpenGovernmentPage, else to its site home page; a language with neither is left out.
    Costs two queries, plus three when a translation is missing.
    """
    if not i18n_enabled():
        return PageLanguages(code=get_language(), versions=[])
    order = _content_language_order()
    locales = sorted(Locale.objects.all(), key=lambda loc: order.get(loc.language_code, 99))
    codes = {locale.pk: locale.language_code for locale in locales}
    by_locale = {p.locale_id: p for p in page.get_translations(inclusive=True).live()}
    missing = [loc for loc in locales if loc.pk not in by_locale]
    fallbacks: dict[int, Any] = {}
    if missing:
        programme = page.get_programme()
        if programme is not None:
            fallbacks = {p.locale_id: p for p in programme.get_translations(inclusive=True).live()}
        site = Site.find_for_request(request)
        if site is not None and any(loc.pk not in fallbacks for loc in missing):
            for home in site.root_page.get_translations(inclusive=True).live():
                fallbacks.setdefault(home.locale_id, home)
    versions: list[LanguageVersion] = []
    subpath = subpage_path(page, request)
    for locale in locales:
        target = by_locale.get(locale.pk) or fallbacks.get(locale.pk)
        if target is None:
            continue
        url = target.get_url(request)
        if url and locale.pk in by_locale:
            url += subpath
        versions.append(
            LanguageVersion(
                code=locale.language_code,
                name=get_language_info(locale.language_code)["name_local"],
                url=url,
                absolute_url=request.build_absolute_uri(url) if request is not None else url,
                is_current=locale.pk == page.locale_id,
                is_translation=locale.pk in by_locale,
            )
        )
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    original = None
    if codes.get(page.locale_id) != default_code:
        original = next((p for pk, p in by_locale.items() if codes.get(pk) == default_code), None)
    return PageLanguages(
        code=codes.get(page.locale_id, ""),
        versions=versions,
        original=original,
        original_code=default_code,
    )


def language_name(language_code: str) -> str:
    """The name of a language in the reader's (active) language, as it stands alone after a
    colon in running text: "Estonian", "eesti", "эстонский". Use it in phrases such as
    "Language: %(language)s", never inside a case-governing phrase ("written in ..."),
    which Russian would have to decline. "" for an unknown code."""
    try:
        name = str(get_language_info(language_code)["name_translated"])
    except KeyError:
        return ""
    reader = (get_language() or "").split("-")[0].lower()
    if reader in _LOWER_CASE_LANGUAGE_NAMES and name:
        name = name[0].lower() + name[1:]
    return name


def translation_notice(language_code: str) -> str:
    """The notice shown on a translated page, naming the original's language."""
    language = language_name(language_code)
    return str(get_setting("TRANSLATION_NOTICE") or DEFAULT_TRANSLATION_NOTICE) % {
        "language": language
    }
