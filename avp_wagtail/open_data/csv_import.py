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
"""

import csv
import datetime
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.coreutils import find_available_slug

from ..choices import ItemStatus
from ..forms.cleaning import strip_control
from ..models import ActionItemPage, ActionItemPartner, Milestone, Organisation
from ..models.action_item import OGP_VALUE_FIELDS
from .csv_format import looks_like_formula, unescape_cell
from .rich_text import to_rich_text
from .schema import OGP_BY_NAME

REQUIRED_COLUMNS = ("Commitment Title", "Commitment Description")
TEXT_COLUMNS = {
    "Commitment Title": "title",
    "Commitment Description": "summary",
    "Lead Institution Role": "lead_implementer_role",
    "Funding Source": "funding_source",
    "People and Time": "people_and_time",
    "Other Resources": "other_resources",
}
RICH_TEXT_COLUMNS = {
    "Problem": "problem",
    "Activities": "activities",
    "Expected Result": "expected_result",
}
DATE_COLUMNS = {"Start Date": "planned_start", "End Date": "planned_end"}
INTEGER_COLUMNS = {"Progress (%)": "progress", "Weight": "weight"}
YES = {"yes", "y", "true", "1", "jah", "да", "x"}
NO = {"no", "n", "false", "0", "ei", "нет", ""}


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self):
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

    def __init__(self, errors):
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


# What a parser may return besides field values: the item's related rows, set as a whole.
RELATIONS = ("partners", "milestones", "tags")


@dataclass
class PreparedRow:
    row: int
    page: ActionItemPage | None
    values: dict = field(default_factory=dict)
    partners: list | None = None
    milestones: list | None = None
    tags: list | None = None
    # Why the row is not imported (it would duplicate an action), or "" when it is.
    skipped: str = ""

    def update(self, changes):
        for name, value in changes.items():
            if name in RELATIONS:
                setattr(self, name, value)
            else:
                self.values[name] = value


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    # Messages for the rows not imported because they would duplicate an action.
    skipped: list = field(default_factory=list)
    published: bool = False


def _parse_date(text):
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValidationError(
        _("“%(value)s” is not a date; write it as YYYY-MM-DD or DD.MM.YYYY.") % {"value": text}
    )


def _split(text):
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


class _Context:
    """What the rows are checked against: the plan's themes, items and organisations."""

    def __init__(self, plan):
        self.plan = plan
        self.themes = {theme.title.casefold(): theme for theme in plan.themes.all()}
        self.organisations = {}
        for organisation in Organisation.objects.filter(locale_id=plan.locale_id):
            self.organisations.setdefault(organisation.name.casefold(), organisation)
        self.items = {}
        for item in ActionItemPage.objects.child_of(plan).prefetch_related("partners"):
            self.items[str(item.translation_key)] = item
            if item.source_id:
                self.items.setdefault(item.source_id, item)
        self.statuses = {value: value for value in ItemStatus.values}
        self.statuses.update({str(label).casefold(): value for value, label in ItemStatus.choices})

    def organisation(self, name):
        try:
            return self.organisations[name.casefold()]
        except KeyError:
            raise ValidationError(
                _("there is no organisation named “%(name)s”; add it under Organisations first.")
                % {"name": name}
            ) from None

    def status(self, text):
        try:
            return self.statuses[text.casefold()]
        except KeyError:
            raise ValidationError(
                _("“%(value)s” is not a status; use one of: %(choices)s.")
                % {"value": text, "choices": ", ".join(ItemStatus.values)}
            ) from None

    def theme(self, text):
        try:
            return self.themes[text.casefold()]
        except KeyError:
            raise ValidationError(
                _("the plan has no theme “%(value)s”; its themes are: %(themes)s.")
                % {"value": text, "themes": ", ".join(t.title for t in self.themes.values())}
            ) from None


DELIMITERS = (",", ";", "\t")


def _delimiter(text):
    """The file's delimiter: spreadsheets in Estonian and Russian save CSV with ";"."""
    header = text.split("\n", 1)[0]
    return max(DELIMITERS, key=header.count)


def _read(text):
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


def same_title_key(title):
    """A title as compared for duplicates: without regard to case, spacing or Unicode form."""
    return " ".join(unicodedata.normalize("NFKC", title or "").split()).casefold()


def _mark_duplicates(context, prepared):
    """Mark the new rows whose title is an action's of the plan, or an earlier new row's."""
    titles = {}
    for item in context.items.values():
        for title in (item.title, item.draft_title):
            titles.setdefault(same_title_key(title), item)
    for row in prepared:  # the titles the updated actions get take part too
        if row.page is not None and row.values.get("title"):
            titles[same_title_key(row.values["title"])] = row.page
    first_rows = {}
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


def prepare(plan, text, allow_duplicate_titles=False):
    """Check every row of the CSV text against the plan; return the prepared rows or raise
    ``ImportRejected`` with every problem found. A new row whose title is an action's of
    the plan, or another new row's, is marked ``skipped`` unless ``allow_duplicate_titles``."""
    headers, rows = _read(text)
    errors = [
        RowError(0, column, _("the file has no such column; it is required."))
        for column in REQUIRED_COLUMNS
        if column not in headers
    ]
    if errors:
        raise ImportRejected(errors)
    if not rows:
        raise ImportRejected([RowError(0, REQUIRED_COLUMNS[0], _("the file has no rows."))])
    context = _Context(plan)
    seen_ids = {}
    prepared = []
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        if None in row:
            errors.append(RowError(number, "—", _("the row has more cells than the header.")))
            continue
        cells = {}
        for column in READ_COLUMNS & set(headers):
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
        if page is None and item_id:
            result.values["source_id"] = item_id
        errors.extend(_prepare_cells(context, number, cells, result, page))
        prepared.append(result)
    if errors:
        raise ImportRejected(errors)
    if not allow_duplicate_titles:
        _mark_duplicates(context, prepared)
    return prepared


def _prepare_cells(context, number, cells, result, page):
    """Parse the row's cells into ``result``; return the problems found, by column."""
    errors = [
        RowError(number, column, _("the cell is empty; it is required."))
        for column in REQUIRED_COLUMNS
        if not cells.get(column)
    ]
    for column, parse in PARSERS.items():
        if column not in cells:
            continue
        try:
            result.update(parse(context, cells[column], page))
        except ValidationError as error:
            errors.append(RowError(number, column, " ".join(error.messages)))
    errors.extend(_field_errors(number, result))
    if not errors:
        start = result.values.get("planned_start", page.planned_start if page else None)
        end = result.values.get("planned_end", page.planned_end if page else None)
        if start and end and end < start:
            errors.append(RowError(number, "End Date", _("the end date is before the start date.")))
    return errors


# Column parsers: (context, cell text, the item the row updates or None) -> the changes, as
# field values and RELATIONS. An empty dict leaves the item as it is. A problem is raised as
# ValidationError with a message for the editor.


def _set(name, convert=lambda text: text, empty=None, keep_if_empty=False):
    """A parser setting one field: ``convert(text)``; an empty cell sets ``empty`` (or
    changes nothing, with ``keep_if_empty``)."""

    def parse(context, text, page):
        if not text:
            return {} if keep_if_empty else {name: empty}
        return {name: convert(text)}

    return parse


def _integer(text):
    try:
        return int(text)
    except ValueError:
        raise ValidationError(_("“%(value)s” is not a whole number.") % {"value": text}) from None


def _amount(text):
    try:
        return Decimal(text.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise ValidationError(
            _("“%(value)s” is not an amount in euros.") % {"value": text}
        ) from None


def _quick_win(context, text, page):
    if text.casefold() in YES:
        return {"is_quick_win": True}
    if text.casefold() in NO:
        return {"is_quick_win": False}
    raise ValidationError(_("write “yes” or “no”."))


def _ogp_values(context, text, page):
    chosen = set()
    for name in _split(text):
        try:
            chosen.add(OGP_BY_NAME[name.casefold()])
        except KeyError:
            raise ValidationError(_("“%(value)s” is not an OGP value.") % {"value": name}) from None
    return {field_name: value in chosen for value, field_name in OGP_VALUE_FIELDS.items()}


def _partners(context, text, page):
    """Partners by name; one already a partner keeps its role."""
    roles = {p.organisation_id: p.role for p in page.partners.all()} if page is not None else {}
    organisations = [context.organisation(name) for name in _split(text)]
    return {"partners": [(org, roles.get(org.pk, "")) for org in organisations]}


PARSERS = {
    **{column: _set(name, empty="") for column, name in TEXT_COLUMNS.items()},
    **{column: _set(name, to_rich_text, empty="") for column, name in RICH_TEXT_COLUMNS.items()},
    **{column: _set(name, _parse_date) for column, name in DATE_COLUMNS.items()},
    **{
        column: _set(name, _integer, keep_if_empty=True) for column, name in INTEGER_COLUMNS.items()
    },
    "Budget (EUR)": _set("budget", _amount),
    "Status": lambda context, text, page: {"status": context.status(text)} if text else {},
    "Quick Win": _quick_win,
    "Policy Area": lambda context, text, page: {"theme": context.theme(text) if text else None},
    "OGP Values": _ogp_values,
    "Lead Institution": lambda context, text, page: {
        "lead_implementer": context.organisation(text) if text else None
    },
    "Supporting Institutions": _partners,
    "Tags": lambda context, text, page: {"tags": _tags(text)},
    "Milestones": lambda context, text, page: {"milestones": _milestones(text)},
}
# Columns read from the file; the others (URL, Completion, ...) are the export's extras.
READ_COLUMNS = {"Commitment ID"} | set(PARSERS)


def _tags(text):
    names = _split(text)
    for name in names:
        if len(name) > 100:
            raise ValidationError(_("a tag is longer than 100 characters."))
    return names


def _milestones(text):
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
            Milestone(
                title=title,
                due_date=_parse_date(due) if due else None,
                completed_date=_parse_date(completed) if completed else None,
            )
        )
    return milestones


COLUMN_OF_FIELD = {
    name: column
    for columns in (TEXT_COLUMNS, RICH_TEXT_COLUMNS, DATE_COLUMNS, INTEGER_COLUMNS)
    for column, name in columns.items()
} | {"budget": "Budget (EUR)", "source_id": "Commitment ID"}


def _field_errors(number, result):
    """The model's own validation (lengths, ranges) of every value the row sets."""
    errors = []
    for name, value in result.values.items():
        column = COLUMN_OF_FIELD.get(name)
        if column is None:
            continue
        model_field = ActionItemPage._meta.get_field(name)
        if value in (None, "") and model_field.blank:
            continue
        try:
            model_field.clean(value, None)
        except ValidationError as error:
            errors.append(RowError(number, column, " ".join(error.messages)))
    return errors


def _apply_row(plan, row, user, publish):
    if row.page is None:
        title = row.values["title"]
        page = ActionItemPage(
            title=title,
            slug=find_available_slug(plan, slugify(title)[:200] or "action"),
            live=False,
        )
    else:
        page = row.page.get_latest_revision_as_object()
    for name, value in row.values.items():
        setattr(page, name, value)
    if row.partners is not None:
        page.partners = [
            ActionItemPartner(organisation=organisation, role=role)
            for organisation, role in row.partners
        ]
    if row.milestones is not None:
        page.milestones = row.milestones
    if row.tags is not None:
        page.tags.set(row.tags)
    if row.page is None:
        plan.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return page


def _errors_of(number, error):
    if not hasattr(error, "error_dict"):
        return [RowError(number, "—", " ".join(error.messages))]
    return [
        RowError(number, COLUMN_OF_FIELD.get(name, name), " ".join(messages))
        for name, messages in error.message_dict.items()
    ]


def apply(plan, prepared, user=None, publish=False):
    """Write the prepared rows, all in one transaction; return what was done."""
    result = ImportResult(published=publish)
    with transaction.atomic():
        for row in prepared:
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


def import_summary(result):
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


def import_csv(plan, text, user=None, publish=False, allow_duplicate_titles=False):
    """Check and then import CSV text into the plan; raises ``ImportRejected``."""
    prepared = prepare(plan, text, allow_duplicate_titles=allow_duplicate_titles)
    return apply(plan, prepared, user=user, publish=publish)
