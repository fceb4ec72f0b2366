"""Input that must never reach the database as it came: control characters and huge ids.

Every public form (comment, follow, expression of interest), every imported CSV cell and
every borrowed JSON text passes through here:

- C0 control characters (U+0000-U+001F) other than tab, line feed and carriage return are
  removed (vertical tab and form feed, which spreadsheets write for a line break inside a
  cell, become a line feed). PostgreSQL refuses a NUL byte in text outright (a server
  error), and none of them belongs in a name, a title or a comment.
- An id typed into a form, a query parameter or a URL is a positive integer that fits in a
  64-bit database integer, or it is no id at all (``parse_id`` returns None): SQLite
  raises ``OverflowError`` on a larger one instead of finding nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeVar

from django.utils.datastructures import MultiValueDict

if TYPE_CHECKING:
    # The mixin is only ever used on a form: for the type checker it is one.
    from django.forms import BaseForm as _FormBase
else:
    _FormBase = object

_T = TypeVar("_T")

# C0 controls except \t (09), \n (0a), \r (0d); \x0b and \x0c are handled apart.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_BREAKS = re.compile(r"[\x0b\x0c]")

# The largest value of a signed 64-bit integer column (SQLite INTEGER, PostgreSQL bigint).
MAX_ID = 2**63 - 1


def strip_control(text: _T) -> _T:
    """``text`` without C0 control characters (tab, line breaks kept); other values as is."""
    if not isinstance(text, str):
        return text
    return _CONTROL.sub("", _BREAKS.sub("\n", text))  # type: ignore[return-value]


def strip_control_deep(value: Any) -> Any:
    """``strip_control`` applied to every string (keys included) of parsed JSON data."""
    if isinstance(value, str):
        return strip_control(value)
    if isinstance(value, list):
        return [strip_control_deep(item) for item in value]
    if isinstance(value, dict):
        return {strip_control(key): strip_control_deep(item) for key, item in value.items()}
    return value


def parse_id(value: object) -> int | None:
    """A database id from user input (text or int), or None when it cannot be one: not a
    plain decimal number, zero or negative, or too large for a database integer."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    else:
        text = str(value if value is not None else "").strip()
        if not text.isascii() or not text.isdigit() or len(text) > 19:
            return None
        number = int(text)
    return number if 0 < number <= MAX_ID else None


def cleaned_data_dict(data: Any) -> Any:
    """A copy of a form's submitted data (``QueryDict``/``MultiValueDict``/dict) with
    ``strip_control`` applied to every value."""
    if isinstance(data, MultiValueDict):
        copy = data.copy()  # a QueryDict's copy is mutable
        for key, values in data.lists():
            copy.setlist(key, [strip_control(value) for value in values])
        return copy
    return {key: strip_control(value) for key, value in data.items()}


class ControlCharacterCleaningMixin(_FormBase):
    """For a public form: what the resident sent is read without control characters, so
    a NUL byte or an escape sequence is dropped instead of breaking the database or the
    page (the form shows the cleaned value back when it has errors)."""

    def full_clean(self) -> None:
        if self.is_bound and self.data:
            self.data = cleaned_data_dict(self.data)
        super().full_clean()
