"""An item of the JSON document applied to an action: the one path of the CSV import (a row
read into a document item, ``csv_cells``) and of borrowing (an item of another
municipality's export).

``item_changes`` reads every field of the schema (``avp_wagtail.models.item_schema``) that
the item has and an import reads: a key missing from the item leaves that field as it is.
Each value type has a parser: (the JSON value, the schema row, ``ItemContext``) -> the
changes, as model field values and relations (partners, milestones, tags); a problem is
raised as ValidationError with a message for the editor. ``apply_changes`` writes them to
the page.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from avp_wagtail.core.choices import ItemStatus, OgpValue
from avp_wagtail.models import (
    ActionItemPage,
    ActionItemPartner,
    Milestone,
    Organisation,
    item_schema,
)
from avp_wagtail.models.item_schema import OGP_VALUE_FIELDS, ItemField, Value
from avp_wagtail.open_data.rich_text import clean_rich_text

MISSING = object()


class ItemContext:
    """What an item is read against: the plan's themes, the organisations in its language
    and the action it updates (``page``; None for a new one)."""

    def __init__(self, plan: Any, page: Any = None) -> None:
        self.plan = plan
        self.page = page
        self.themes = {theme.title.casefold(): theme for theme in plan.themes.all()}
        self.organisations: dict[str, Any] = {}
        for organisation in Organisation.objects.filter(locale_id=plan.locale_id):
            self.organisations.setdefault(organisation.name.casefold(), organisation)

    def organisation(self, name: object) -> Any:
        try:
            return self.organisations[str(name).casefold()]
        except KeyError:
            raise ValidationError(
                _("there is no organisation named “%(name)s”; add it under Organisations first.")
                % {"name": name}
            ) from None

    def theme(self, text: object) -> Any:
        try:
            return self.themes[str(text).casefold()]
        except KeyError:
            raise ValidationError(
                _("the plan has no theme “%(value)s”; its themes are: %(themes)s.")
                % {"value": text, "themes": ", ".join(t.title for t in self.themes.values())}
            ) from None


def checked(name: str, value: Any) -> Any:
    """``value``, if ActionItemPage's field ``name`` accepts it (length, range...)."""
    model_field: Any = ActionItemPage._meta.get_field(name)  # a concrete Field
    if value in (None, "") and model_field.blank:
        return value
    model_field.clean(value, None)
    return value


def _not_a_date(value: object) -> ValidationError:
    return ValidationError(
        _("“%(value)s” is not a date; write it as YYYY-MM-DD or DD.MM.YYYY.") % {"value": value}
    )


def _date(value: Any) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _not_a_date(value) from None


def _text(value: Any, row: ItemField, context: ItemContext) -> dict[str, Any]:
    return {row.name: checked(row.name, "" if value is None else str(value))}


def _rich_text(value: Any, row: ItemField, context: ItemContext) -> dict[str, Any]:
    return {row.name: clean_rich_text(str(value)) if value else ""}


def _integer(value: Any, row: ItemField, context: ItemContext) -> dict[str, Any]:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(_("“%(value)s” is not a whole number.") % {"value": value})
    return {row.name: checked(row.name, value)}


def _amount(value: Any, row: ItemField, context: ItemContext) -> dict[str, Any]:
    if value is None or value == "":
        return {row.name: None}
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ValidationError(
            _("“%(value)s” is not an amount in euros.") % {"value": value}
        ) from None
    return {row.name: checked(row.name, amount)}


def _status(value: Any, row: ItemField, context: ItemContext) -> dict[str, Any]:
    """A status from its value or its label (in the active language)."""
    statuses = {value: value for value in ItemStatus.values}
    statuses.update({str(label).casefold(): value for value, label in ItemStatus.choices})
    try:
        return {row.name: statuses[str(value).casefold()]}
    except KeyError:
        raise ValidationError(
            _("“%(value)s” is not a status; use one of: %(choices)s.")
            % {"value": value, "choices": ", ".join(ItemStatus.values)}
        ) from None


def _name(value: Any) -> Any:
    return value.get("name") if isinstance(value, dict) else value


def _partners(value: Any, row: ItemField, context: ItemContext) -> dict[str, Any]:
    """Partners by name; one already a partner keeps its role unless the item gives one."""
    page = context.page
    roles = {p.organisation_id: p.role for p in page.partners.all()} if page is not None else {}
    partners = []
    for entry in value or []:
        organisation = context.organisation(_name(entry))
        role = entry.get("role") if isinstance(entry, dict) and "role" in entry else None
        partners.append(
            (organisation, role if role is not None else roles.get(organisation.pk, ""))
        )
    return {"partners": partners}


def _ogp_values(value: Any, row: ItemField, context: ItemContext) -> dict[str, Any]:
    codes = value if isinstance(value, list | tuple) else [value]
    for code in codes:
        if not isinstance(code, str) or code not in OgpValue.values:
            raise ValidationError(_("“%(value)s” is not an OGP value.") % {"value": code})
    return {name: code.value in codes for code, name in OGP_VALUE_FIELDS.items()}


def _tags(value: Any, row: ItemField, context: ItemContext) -> dict[str, Any]:
    names = [str(name) for name in value or []]
    if any(len(name) > 100 for name in names):
        raise ValidationError(_("a tag is longer than 100 characters."))
    return {"tags": names}


def _milestones(value: Any, row: ItemField, context: ItemContext) -> dict[str, Any]:
    milestones = []
    for entry in value or []:
        title = str(entry.get("title") or "")
        if len(title) > 255:
            raise ValidationError(_("a milestone title is longer than 255 characters."))
        milestones.append(
            Milestone(
                title=title,
                due_date=_date(entry.get("due_date")),
                completed_date=_date(entry.get("completed_date")),
                delay_reason=str(entry.get("delay_reason") or ""),
            )
        )
    return {"milestones": milestones}


# Each readable value type's parser (the id is the importer's own: it finds the action).
PARSERS = {
    Value.TEXT: _text,
    Value.RICH_TEXT: _rich_text,
    Value.DATE: lambda value, row, context: {row.name: _date(value)},
    Value.INTEGER: _integer,
    Value.AMOUNT: _amount,
    Value.YES_NO: lambda value, row, context: {row.name: bool(value)},
    Value.STATUS: _status,
    Value.THEME: lambda value, row, context: {row.name: context.theme(value) if value else None},
    Value.ORGANISATION: lambda value, row, context: {
        row.name: context.organisation(_name(value)) if value else None
    },
    Value.PARTNERS: _partners,
    Value.OGP_VALUES: _ogp_values,
    Value.TAGS: _tags,
    Value.MILESTONES: _milestones,
}


def item_changes(
    item: dict[str, Any], context: ItemContext
) -> tuple[dict[str, Any], list[tuple[ItemField, ValidationError]]]:
    """The changes an item of the document makes to an action, and the problems found as
    (schema row, ValidationError)."""
    changes: dict[str, Any] = {}
    errors: list[tuple[ItemField, ValidationError]] = []
    for row in item_schema.json_fields():
        if row.value not in PARSERS:
            continue
        value = row.get(item, MISSING)
        if value is MISSING:
            continue
        try:
            changes.update(PARSERS[row.value](value, row, context))
        except ValidationError as error:
            errors.append((row, error))
    return changes, errors


def apply_changes(page: Any, changes: dict[str, Any]) -> None:
    """Write ``item_changes`` to the page (not saved)."""
    for name, value in changes.items():
        if name == "partners":
            page.partners = [ActionItemPartner(organisation=org, role=role) for org, role in value]
        elif name == "milestones":
            page.milestones = value
        elif name == "tags":
            page.tags.set(value)
        else:
            setattr(page, name, value)
