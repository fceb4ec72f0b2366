"""Importing action items into a plan from CSV in the export's own format (D4, I3).

A row whose "Commitment ID" is one of the plan's items (or the id an item was copied
from) updates that item; any other row creates a draft item, except when its title is
already an action's of the plan, or another new row's of the same file (compared without
regard to case and spacing): such a row is skipped and reported, so that re-importing an
edited export whose id column was emptied does not duplicate the plan, unless the editor
asks for it (``allow_duplicate_titles``). Every row is checked before
anything is written: one invalid row rejects the whole file with row-and-column
messages, and the import itself runs in one transaction. Changes are saved as new
revisions (drafts) unless the editor asks to publish them.

Each row is read into an item of the JSON document (``csv_cells``) and applied the way a
borrowed item is (``apply``): the columns and how each is read come from the schema of an
action item (``avp_wagtail.models.item_schema``).
"""

import csv
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.coreutils import find_available_slug

from avp_wagtail.core.cleaning import strip_control
from avp_wagtail.models import ActionItemPage, item_schema
from avp_wagtail.open_data.apply import ItemContext, apply_changes, checked, item_changes
from avp_wagtail.open_data.csv_cells import read_cells
from avp_wagtail.open_data.csv_format import looks_like_formula, unescape_cell


def required_columns() -> tuple[str, ...]:
    return tuple(row.csv for row in item_schema.csv_fields() if row.required)


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.row == 0:
            return _("Column %(column)s: %(message)s") % {
                "column": self.column,
                "message": self.message,
            }
        return _("Row %(row)d, column %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportRejected(Exception):
    """The file was rejected; ``errors`` lists every problem found. Nothing was changed."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


@dataclass
class PreparedRow:
    row: int
    page: ActionItemPage | None
    # The changes to the action: field values and relations (see open_data.apply).
    values: dict[str, Any] = field(default_factory=dict)
    # Why the row is not imported (it would duplicate an action), or "" when it is.
    skipped: str = ""


@dataclass
class ImportResult:
    created: list[ActionItemPage] = field(default_factory=list)
    updated: list[ActionItemPage] = field(default_factory=list)
    # Messages for the rows not imported because they would duplicate an action.
    skipped: list[str] = field(default_factory=list)
    published: bool = False


class _Context(ItemContext):
    """What the rows are checked against: also the plan's items, by id."""

    def __init__(self, plan: Any) -> None:
        super().__init__(plan)
        self.items: dict[str, Any] = {}
        for item in ActionItemPage.objects.child_of(plan).prefetch_related("partners"):
            self.items[str(item.translation_key)] = item
            if item.source_id:
                self.items.setdefault(item.source_id, item)


DELIMITERS = (",", ";", "\t")


def _delimiter(text: str) -> str:
    """The file's delimiter: spreadsheets in Estonian and Russian save CSV with ";"."""
    header = text.split("\n", 1)[0]
    return max(DELIMITERS, key=header.count)


def _read(text: str) -> tuple[list[str], list[dict[str, Any]]]:
    # NUL bytes go before parsing; the other control characters are taken out of each cell
    # after it (prepare()): a form feed inside a cell must not split its row.
    text = text.lstrip("\ufeff").replace("\x00", "")
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
    try:
        headers = [header.strip() for header in (reader.fieldnames or [])]
        reader.fieldnames = headers
        rows = list(reader)
    except csv.Error as error:
        raise ImportRejected([RowError(reader.line_num, "—", str(error))]) from None
    return headers, rows


def _read_checked(text: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The file's header and rows, if it has the required columns and a row."""
    headers, rows = _read(text)
    required = required_columns()
    errors = [
        RowError(0, column, _("the file has no such column; it is required."))
        for column in required
        if column not in headers
    ]
    if errors:
        raise ImportRejected(errors)
    if not rows:
        raise ImportRejected([RowError(0, required[0], _("the file has no rows."))])
    return headers, rows


def count_rows(text: str) -> int:
    """The number of rows of the CSV text, once its header and syntax are checked (a quick
    check before the rows themselves are, e.g. in a background task); raises
    ``ImportRejected``."""
    return len(_read_checked(text)[1])


def same_title_key(title: str | None) -> str:
    """A title as compared for duplicates: without regard to case, spacing or Unicode form."""
    return " ".join(unicodedata.normalize("NFKC", title or "").split()).casefold()


def _mark_duplicates(context: _Context, prepared: list[PreparedRow]) -> None:
    """Mark the new rows whose title is an action's of the plan, or an earlier new row's."""
    titles: dict[str, Any] = {}
    for item in context.items.values():
        for title in (item.title, item.draft_title):
            titles.setdefault(same_title_key(title), item)
    for row in prepared:  # the titles the updated actions get take part too
        if row.page is not None and row.values.get("title"):
            titles[same_title_key(row.values["title"])] = row.page
    first_rows: dict[str, Any] = {}
    for row in prepared:
        if row.page is not None:
            continue
        title = row.values["title"]
        key = same_title_key(title)
        existing = titles.get(key)
        if existing is not None:
            row.skipped = _(
                "Row %(row)d: an action titled “%(title)s” already exists in this plan "
                "(id %(id)s); it was not created again."
            ) % {"row": row.row, "title": title, "id": existing.translation_key}
        elif key in first_rows:
            row.skipped = _(
                "Row %(row)d: row %(first)d of the file has the same title “%(title)s”; "
                "the action is created only once."
            ) % {"row": row.row, "first": first_rows[key], "title": title}
        else:
            first_rows[key] = row.row


def prepare(plan: Any, text: str, allow_duplicate_titles: bool = False) -> list[PreparedRow]:
    """Check every row of the CSV text against the plan; return the prepared rows or raise
    ``ImportRejected`` with every problem found. A new row whose title is an action's of
    the plan, or another new row's, is marked ``skipped`` unless ``allow_duplicate_titles``."""
    headers, rows = _read_checked(text)
    errors: list[RowError] = []
    context = _Context(plan)
    # Columns read from the file; the others (URL, Completion, ...) are the export's extras.
    read_columns = {row.csv for row in item_schema.csv_fields() if row.read} & set(headers)
    seen_ids: dict[Any, Any] = {}
    prepared = []
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        if None in row:
            errors.append(RowError(number, "—", _("the row has more cells than the header.")))
            continue
        cells = {}
        for column in read_columns:
            raw = row.get(column) or ""
            if looks_like_formula(raw):
                errors.append(
                    RowError(
                        number,
                        column,
                        _(
                            "the cell starts with “%(char)s” and would run as a spreadsheet "
                            "formula; start it with an apostrophe (') if it is text."
                        )
                        % {"char": raw[0].strip() or raw[0].encode("unicode_escape").decode()},
                    )
                )
                continue
            # No control characters in any cell (a NUL byte is a server error on PostgreSQL).
            cells[column] = strip_control(unescape_cell(raw)).strip()
        item_id = cells.get("Commitment ID", "")
        if item_id:
            if item_id in seen_ids:
                errors.append(
                    RowError(
                        number,
                        "Commitment ID",
                        _("the id is also on row %(row)d.") % {"row": seen_ids[item_id]},
                    )
                )
                continue
            seen_ids[item_id] = number
        page = context.items.get(item_id) if item_id else None
        language = (row.get("Language") or "").strip()
        if page is not None and language and language != plan.locale.language_code:
            errors.append(
                RowError(
                    number,
                    "Language",
                    _(
                        "the row is in “%(language)s” but updates an action of a plan in "
                        "“%(plan_language)s”."
                    )
                    % {"language": language, "plan_language": plan.locale.language_code},
                )
            )
            continue
        result = PreparedRow(number, page)
        errors.extend(_prepare_cells(context, number, cells, result))
        if page is None and item_id:
            try:
                result.values["source_id"] = checked("source_id", item_id)
            except ValidationError as error:
                errors.append(RowError(number, "Commitment ID", " ".join(error.messages)))
        prepared.append(result)
    if errors:
        raise ImportRejected(errors)
    if not allow_duplicate_titles:
        _mark_duplicates(context, prepared)
    return prepared


def _prepare_cells(
    context: _Context, number: int, cells: dict[str, str], result: PreparedRow
) -> list[RowError]:
    """Read the row's cells into an item of the JSON document, and that into the changes to
    the action (``result.values``); return the problems found, by column."""
    errors = [
        RowError(number, column, _("the cell is empty; it is required."))
        for column in required_columns()
        if not cells.get(column)
    ]
    item, problems = read_cells(cells, item_schema.csv_fields())
    context.page = result.page
    changes, more = item_changes(item, context)
    result.values.update(changes)
    errors.extend(RowError(number, row.csv, " ".join(e.messages)) for row, e in problems + more)
    if not errors:
        page = result.page
        start = changes.get("planned_start", page.planned_start if page else None)
        end = changes.get("planned_end", page.planned_end if page else None)
        if start and end and end < start:
            errors.append(RowError(number, "End Date", _("the end date is before the start date.")))
    return errors


def _apply_row(plan: Any, row: PreparedRow, user: Any, publish: bool) -> Any:
    if row.page is None:
        title = row.values["title"]
        page = ActionItemPage(
            title=title,
            slug=find_available_slug(plan, slugify(title)[:200] or "action"),
            live=False,
        )
    else:
        page = row.page.get_latest_revision_as_object()
    apply_changes(page, row.values)
    if row.page is None:
        plan.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return page


def _column_of(name: str) -> str:
    row = next((row for row in item_schema.fields() if row.name == name and row.csv), None)
    return row.csv if row is not None else name


def _errors_of(number: int, error: ValidationError) -> list[RowError]:
    if not hasattr(error, "error_dict"):
        return [RowError(number, "—", " ".join(error.messages))]
    return [
        RowError(number, _column_of(name), " ".join(messages))
        for name, messages in error.message_dict.items()
    ]


def permission_errors(prepared: list[PreparedRow], user: Any, publish: bool) -> list[RowError]:
    """The rows that update an action ``user`` may not edit (or publish, if ``publish``)."""
    errors = []
    for row in prepared:
        if row.page is None:
            continue
        permissions = row.page.permissions_for_user(user)
        if not permissions.can_edit():
            message = _("you may not edit the action “%(title)s”.")
        elif publish and not permissions.can_publish():
            message = _("you may not publish the action “%(title)s”.")
        else:
            continue
        errors.append(RowError(row.row, "Commitment ID", message % {"title": row.page.title}))
    return errors


def apply(
    plan: Any,
    prepared: list[PreparedRow],
    user: Any = None,
    publish: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Write the prepared rows, all in one transaction; return what was done. ``progress``
    is called before each row with the number of rows done so far."""
    result = ImportResult(published=publish)
    with transaction.atomic():
        for done, row in enumerate(prepared):
            if progress is not None:
                progress(done)
            if row.skipped:
                result.skipped.append(row.skipped)
                continue
            try:
                page = _apply_row(plan, row, user, publish)
            except ValidationError as error:
                # The page's own checks (Page.full_clean) found more: undo the whole import.
                raise ImportRejected(_errors_of(row.row, error)) from None
            (result.created if row.page is None else result.updated).append(page)
    return result


def import_summary(result: ImportResult) -> str:
    """What an import did, in the editor's language with the counts' own plural forms."""
    created, updated = len(result.created), len(result.updated)
    counts = {
        "created": ngettext("%(count)d action created", "%(count)d actions created", created)
        % {"count": created},
        "updated": ngettext("%(count)d action updated", "%(count)d actions updated", updated)
        % {"count": updated},
    }
    if result.published:
        text = _("%(created)s and %(updated)s, and published.")
    else:
        text = _("%(created)s and %(updated)s, as drafts to review and publish.")
    text = text % counts
    if result.skipped:
        skipped = len(result.skipped)
        text += " " + ngettext(
            "%(count)d row was not imported: its action is already in the plan.",
            "%(count)d rows were not imported: their actions are already in the plan.",
            skipped,
        ) % {"count": skipped}
    return text


def import_csv(
    plan: Any,
    text: str,
    user: Any = None,
    publish: bool = False,
    allow_duplicate_titles: bool = False,
) -> ImportResult:
    """Check and then import CSV text into the plan; raises ``ImportRejected``."""
    prepared = prepare(plan, text, allow_duplicate_titles=allow_duplicate_titles)
    return apply(plan, prepared, user=user, publish=publish)
