"""Rich text arriving in an import or a borrowed action, made safe to store."""

import functools
import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import linebreaksbr
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from ..forms.cleaning import strip_control


@functools.cache
def _converter():
    # Built on first use: the rich text features are registered by Wagtail hooks.
    return EditorHTMLConverter()


def clean_rich_text(html):
    """HTML cleaned to what the rich text editor allows (no scripts, no unsafe links, no
    control characters). Markup nested too deeply for the converter (a hostile file) is a
    ValidationError with a message for the row, not a server error."""
    try:
        return _converter().to_database_format(strip_control(html))
    except RecursionError:
        raise ValidationError(
            _("the formatted text is nested too deeply to be read; simplify it.")
        ) from None


def to_rich_text(text):
    """A cell as rich text: HTML is cleaned; plain text becomes paragraphs (blank lines
    between them, line breaks kept)."""
    if "<" not in text:
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
        text = "".join(f"<p>{linebreaksbr(part)}</p>" for part in paragraphs)
    return clean_rich_text(text)
