"""Rich text in open data: exported as HTML with absolute links; arriving in an import or a
borrowed action, made safe to store."""

from __future__ import annotations

import functools
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.template.defaultfilters import linebreaksbr
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.rich_text import expand_db_html

from avp_wagtail.core.cleaning import strip_control

# href="/..." (not "//host/..."): an internal link of the expanded rich text.
_RELATIVE_HREF = re.compile(r'(<a\b[^>]*?\shref=")/(?!/)')


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
