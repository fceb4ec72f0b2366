"""Rich text in open data: exported as HTML with absolute links; arriving in an import or a
borrowed action, made safe to store."""

from __future__ import annotations

import functools
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.models import Locale, Page
from wagtail.rich_text import expand_db_html

from avp_wagtail.core.cleaning import strip_control

# href="/..." (not "//host/..."): an internal link of the expanded rich text.
_RELATIVE_HREF = re.compile(r'(<a\b[^>]*?\shref=")/(?!/)')


# <a ... linktype="page" ... id="42">: a link to a page, in the database format.
_PAGE_LINK = re.compile(r'<a\b(?=[^>]*\slinktype="page")[^>]*>')
_LINK_ID = re.compile(r'\sid="(\d{1,18})"')


def _localized(pages: list[Page]) -> dict[int, Page]:
    """Page id -> the page Wagtail's page link handler points to (``Page.localized``): its
    live translation in the active language, else the page itself; in one query."""
    chosen = {page.pk: page for page in pages}
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return chosen
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return chosen
    others = {page.translation_key for page in pages if page.locale_id != locale.pk}
    if not others:
        return chosen
    translations = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=others, locale=locale)
        .live()
        .defer_streamfields()
        .specific()
    }
    for page in pages:
        if page.locale_id != locale.pk and page.translation_key in translations:
            chosen[page.pk] = translations[page.translation_key]
    return chosen


def resolve_page_links(values: list[str], request: HttpRequest | None = None) -> list[str]:
    """``values`` (rich text in the database format) with their page links turned into
    plain links, as Wagtail's own page link handler renders them but for every value at
    once: a constant number of queries whatever the number of links (its handler costs a
    few queries per link). A link to a missing page becomes ``<a>``, as in Wagtail."""
    ids = {
        int(found.group(1))
        for value in values
        for tag in _PAGE_LINK.findall(value)
        if (found := _LINK_ID.search(tag))
    }
    if not ids:
        return values
    pages = list(Page.objects.filter(pk__in=ids).defer_streamfields().specific())
    urls = {pk: page.get_url(request) for pk, page in _localized(pages).items()}

    def link(match: re.Match[str]) -> str:
        found = _LINK_ID.search(match.group(0))
        url = urls.get(int(found.group(1))) if found else None
        return f'<a href="{escape(url)}">' if url else "<a>"

    return [_PAGE_LINK.sub(link, value) for value in values]


def absolute_links(html: str, base: str) -> str:
    return _RELATIVE_HREF.sub(lambda match: f"{match.group(1)}{base}/", html) if base else html


def html_of(value: Any, base: str = "") -> str:
    """Rich text as HTML, its links to pages and documents absolute on ``base``."""
    if not value:
        return ""
    return absolute_links(expand_db_html(value), base)


@functools.cache
def _converter() -> EditorHTMLConverter:
    # Built on first use: the rich text features are registered by Wagtail hooks.
    return EditorHTMLConverter()


def clean_rich_text(html: str) -> str:
    """HTML cleaned to what the rich text editor allows (no scripts, no unsafe links, no
    control characters). Markup nested too deeply for the converter (a hostile file) is a
    ValidationError with a message for the row, not a server error."""
    try:
        return _converter().to_database_format(strip_control(html))
    except RecursionError:
        raise ValidationError(
            _("the formatted text is nested too deeply to be read; simplify it.")
        ) from None


def as_html(text: str) -> str:
    """A cell as HTML: HTML stays as it is; plain text becomes paragraphs (blank lines
    between them, line breaks kept)."""
    if "<" not in text:
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
        text = "".join(f"<p>{linebreaksbr(part)}</p>" for part in paragraphs)
    return text
