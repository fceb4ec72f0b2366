"""What a borrowed action's original said then and says now, as text, and the difference.

Rich text from another installation is cleaned as on import (``clean_rich_text``) and
read as plain text: the diff never carries HTML."""

from __future__ import annotations

import difflib
import re
from html import unescape
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.text import capfirst

from avp_wagtail.core.cleaning import strip_control
from avp_wagtail.models import ActionItemPage, item_schema
from avp_wagtail.models.item_schema import Value
from avp_wagtail.open_data.rich_text import clean_rich_text

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def plain(html: str) -> str:
    try:
        html = clean_rich_text(html)
    except ValidationError:
        return ""
    text = unescape(strip_tags(_BLOCK_END.sub("\n", html)))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def texts(item: dict[str, Any]) -> dict[str, str]:
    """The borrowed texts of an item of an export document, as plain text."""
    result = {}
    for row in item_schema.json_fields():
        if not row.borrowed or row.value not in (Value.TEXT, Value.RICH_TEXT):
            continue
        value = row.get(item, "")
        value = strip_control(value) if isinstance(value, str) else ""
        result[row.json] = plain(value) if row.value == Value.RICH_TEXT else value.strip()
    return result


def label(key: str) -> str:
    try:
        return capfirst(str(ActionItemPage._meta.get_field(key).verbose_name))
    except Exception:
        return key


def differences(then: dict[str, str], now: dict[str, str]) -> list[dict[str, Any]]:
    """Per changed text: its label and lines marked "removed", "added" or "same"."""
    changes = []
    for key in list(dict.fromkeys([*then, *now])):
        before, after = then.get(key, ""), now.get(key, "")
        if before == after:
            continue
        lines = []
        for line in difflib.ndiff(before.splitlines(), after.splitlines()):
            code, text = line[:2], line[2:]
            if code == "- ":
                lines.append(("removed", text))
            elif code == "+ ":
                lines.append(("added", text))
            elif code == "  ":
                lines.append(("same", text))
        changes.append({"key": key, "label": label(key), "lines": lines})
    return changes
