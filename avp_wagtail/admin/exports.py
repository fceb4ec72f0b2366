"""How AVP admin listings and their spreadsheet exports show dates, times and yes/no.

One rule for every AVP admin listing and export (expressions of interest, comments, the
action items report, organisations and contact people):

- A date and time is shown in the site's time zone (``settings.TIME_ZONE``, not the
  editor's personal admin time zone, so that everyone exporting sees the same times), to the
  minute, as "2026-11-30 14:05": the same in every language, sortable and read by every
  spreadsheet. In XLSX it is a real date-time cell (without time zone) shown in that format.
- A yes/no value is "yes" or "no" in the editor's language, never "True"/"False".

Wagtail streams a CSV export after its view has returned, outside the editor's language
(``wagtail.admin.localization``): the export here is written in the editor's language.

A text cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
return: typed by a resident into the interest form, or an imported title) gets a leading
apostrophe in CSV, as in the open-data CSV (``open_data.csv_format.escape_cell``, the one
rule for every CSV the package writes); Wagtail itself guards only its XLSX export.
"""

import datetime
import decimal

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.mixins import list_to_str

from avp_wagtail.open_data.csv_format import escape_cell

DATETIME_FORMAT = "%Y-%m-%d %H:%M"
XLSX_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
XLSX_DATE_FORMAT = "yyyy-mm-dd"


def local_datetime(value):
    """The date-time in the site's time zone, to the minute, without time zone."""
    if timezone.is_aware(value):
        value = timezone.localtime(value, timezone.get_default_timezone())
    return value.replace(second=0, microsecond=0, tzinfo=None)


def format_datetime(value):
    """ "2026-11-30 14:05" in the site's time zone; "" for no value."""
    return local_datetime(value).strftime(DATETIME_FORMAT) if value else ""


def yes_no(value):
    """ "yes"/"no" in the active language; "" for no value."""
    if value is None:
        return ""
    return _("yes") if value else _("no")


# Values the CSV writes as they are (numbers, dates, nothing); everything else is text.
_PLAIN = (int, float, decimal.Decimal, datetime.date, datetime.time, type(None))


class AvpSpreadsheetExportMixin:
    """Put before Wagtail's view class: its CSV/XLSX export follows the rule above."""

    custom_value_preprocess = {
        # datetime before date: a datetime is also a date.
        datetime.datetime: {"csv": format_datetime, "xlsx": local_datetime},
        datetime.date: {"csv": datetime.date.isoformat, "xlsx": None},
        bool: {"csv": yes_no, "xlsx": yes_no},
        list: {"csv": list_to_str, "xlsx": list_to_str},
    }

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell, value in zip(
            super().generate_xlsx_row(worksheet, row_dict), row_dict.values(), strict=True
        ):
            if isinstance(value, datetime.datetime):
                cell.number_format = XLSX_DATETIME_FORMAT
            elif isinstance(value, datetime.date):
                cell.number_format = XLSX_DATE_FORMAT
            yield cell

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return escape_cell(value)
        if export_format == self.FORMAT_CSV and not isinstance(value, _PLAIN):
            # An object (a page, a snippet) is written as its text: escaped like any text.
            return escape_cell(str(value))
        return value

    def stream_csv(self, queryset):
        """Wagtail's CSV stream, written in the language of the request that asked for it."""
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_language():
            while True:
                with translation.override(language):
                    try:
                        row = next(rows)
                    except StopIteration:
                        return
                yield row

        return in_language()


class AvpInspectMixin:
    """Put before Wagtail's inspect view class: yes/no and date-times as in the listings."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return yes_no(value)
        if isinstance(value, datetime.datetime):
            return format_datetime(value)
        return value


class YesNoColumn(Column):
    """A yes/no column of a listing: "yes"/"no" in the editor's language."""

    def get_value(self, instance):
        return yes_no(super().get_value(instance))


class LocalDateTimeColumn(Column):
    """A date-time column of a listing: "2026-11-30 14:05" in the site's time zone."""

    def get_value(self, instance):
        return format_datetime(super().get_value(instance))
