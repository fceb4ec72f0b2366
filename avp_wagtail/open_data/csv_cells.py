"""A CSV row read into an item of the JSON document: the import's first step.

Each value type has a reader: cell text -> the value as the JSON export writes it (a date as
``YYYY-MM-DD``, an amount as ``"1200.50"``, OGP values as their codes, milestones as
dicts...), or ``OMIT`` to leave the field as it is. A problem is raised as ValidationError
with a message for the editor. The document item is then applied like a borrowed one
(``open_data.apply``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from avp_wagtail.models.item_schema import ItemField, Value
from avp_wagtail.open_data.rich_text import as_html
from avp_wagtail.open_data.schema import OGP_BY_NAME

OMIT = object()  # an empty cell that changes nothing
YES = {"yes", "y", "true", "1", "jah", "да", "x"}
NO = {"no", "n", "false", "0", "ei", "нет", ""}


def parse_date(text: str) -> datetime.date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValidationError(
        _("“%(value)s” is not a date; write it as YYYY-MM-DD or DD.MM.YYYY.") % {"value": text}
    )


def split(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


def _date(text: str) -> str | None:
    return parse_date(text).isoformat() if text else None


def _integer(text: str) -> object:
    if not text:
        return OMIT
    try:
        return int(text)
    except ValueError:
        raise ValidationError(_("“%(value)s” is not a whole number.") % {"value": text}) from None


def _amount(text: str) -> str | None:
    if not text:
        return None
    try:
        return str(Decimal(text.replace(" ", "").replace(",", ".")))
    except InvalidOperation:
        raise ValidationError(
            _("“%(value)s” is not an amount in euros.") % {"value": text}
        ) from None


def _yes_no(text: str) -> bool:
    if text.casefold() in YES:
        return True
    if text.casefold() in NO:
        return False
    raise ValidationError(_("write “yes” or “no”."))


def _ogp_values(text: str) -> list[str]:
    codes = []
    for name in split(text):
        try:
            code = OGP_BY_NAME[name.casefold()]
        except KeyError:
            raise ValidationError(_("“%(value)s” is not an OGP value.") % {"value": name}) from None
        if code.value not in codes:
            codes.append(code.value)
    return codes


def _tags(text: str) -> list[str]:
    names = split(text)
    for name in names:
        if len(name) > 100:
            raise ValidationError(_("a tag is longer than 100 characters."))
    return names


def _milestones(text: str) -> list[dict[str, Any]]:
    milestones = []
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        parts = [part.strip() for part in line.split(";", 2)]
        if len(parts) != 3:
            raise ValidationError(
                _("“%(line)s”: write each milestone as “due date; completed date; title”.")
                % {"line": line}
            )
        due, completed, title = parts
        if not title:
            raise ValidationError(_("“%(line)s”: the milestone has no title.") % {"line": line})
        if len(title) > 255:
            raise ValidationError(_("a milestone title is longer than 255 characters."))
        milestones.append(
            {"title": title, "due_date": _date(due), "completed_date": _date(completed)}
        )
    return milestones


# Each readable value type's reader: cell text -> its value in the JSON document (or OMIT).
READERS = {
    Value.ID: lambda text: text,
    Value.TEXT: lambda text: text,
    Value.RICH_TEXT: as_html,
    Value.DATE: _date,
    Value.INTEGER: _integer,
    Value.AMOUNT: _amount,
    Value.YES_NO: _yes_no,
    Value.STATUS: lambda text: text or OMIT,  # a value or a label: see apply._status
    Value.THEME: lambda text: text or None,
    Value.ORGANISATION: lambda text: {"name": text} if text else None,
    Value.PARTNERS: lambda text: [{"name": name} for name in split(text)],
    Value.OGP_VALUES: _ogp_values,
    Value.TAGS: _tags,
    Value.MILESTONES: _milestones,
}


def read_cells(
    cells: dict[str, str], rows: Iterable[ItemField]
) -> tuple[dict[str, Any], list[tuple[ItemField, ValidationError]]]:
    """The document item of a CSV row (``cells``: header -> text, the columns present) and
    the problems found, as (schema row, ValidationError)."""
    item: dict[str, Any] = {}
    errors: list[tuple[ItemField, ValidationError]] = []
    for row in rows:
        if row.csv not in cells or row.value not in READERS:
            continue
        try:
            value = READERS[row.value](cells[row.csv])
        except ValidationError as error:
            errors.append((row, error))
            continue
        if value is not OMIT:
            row.put(item, value)
    return item, errors
