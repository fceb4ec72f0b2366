"""How dates and times read on public pages, in feeds, e-mails and calendar text.

One place for the package's choice, so a host site needs no FORMAT_MODULE_PATH. Django's
own Estonian formats have no DATETIME_FORMAT and fall back to the English "N j, Y, P"
("dets. 14, 2026, 6 p.l."), so Estonian and Russian are written out here; any other
language uses Django's localized formats (``DATE_FORMAT``, ``DATETIME_FORMAT``, ...).

    kind        et                            ru                         en
    date        14. detsember 2026            14 декабря 2026            14 December 2026
    datetime    14. detsember 2026, kell 18.00 14 декабря 2026, 18:00    14 December 2026, 18:00
    short       14.12.2026                    14.12.2026                 14 Dec 2026
    short_datetime 14.12.2026, kell 18.00     14.12.2026, 18:00          14 Dec 2026, 18:00
    time        18.00                         18:00                      18:00

Always 24-hour, and no format ends in a full stop: a sentence ending in a date would end
in two (Django's English "… 6 p.m." gave "Sign up by … 6 p.m.."; so did Russian "… г.").
English is written out too ("12/14/2026" reads as another day to a European reader).
Aware datetimes are shown in the current time zone (the site's TIME_ZONE unless a view
activated another).
"""

from __future__ import annotations

import datetime

from django.utils import formats, timezone
from django.utils.dateformat import format as format_value
from django.utils.dateformat import time_format
from django.utils.translation import get_language

# Django date format syntax; backslash-escaped letters are literal text.
FORMATS = {
    "et": {
        "date": "j. F Y",
        "datetime": r"j. F Y, \k\e\l\l G.i",
        "short": "d.m.Y",
        "short_datetime": r"d.m.Y, \k\e\l\l G.i",
        "time": "G.i",
    },
    "ru": {
        "date": "j E Y",
        "datetime": "j E Y, G:i",
        "short": "d.m.Y",
        "short_datetime": "d.m.Y, G:i",
        "time": "G:i",
    },
    "en": {
        "date": "j F Y",
        "datetime": "j F Y, H:i",
        "short": "j M Y",
        "short_datetime": "j M Y, H:i",
        "time": "H:i",
    },
}

# Django's localized format for every kind, for the other languages.
DJANGO_FORMATS = {
    "date": "DATE_FORMAT",
    "datetime": "DATETIME_FORMAT",
    "short": "SHORT_DATE_FORMAT",
    "short_datetime": "SHORT_DATETIME_FORMAT",
    "time": "TIME_FORMAT",
}


def format_for(kind: str, language: str | None = None) -> str:
    """The format string of ``kind`` in ``language`` (default: the active language)."""
    if kind not in DJANGO_FORMATS:
        raise ValueError(f"Unknown date format kind: {kind!r}")
    language = (language or get_language() or "").split("-")[0].lower()
    if language in FORMATS:
        return FORMATS[language][kind]
    return formats.get_format(DJANGO_FORMATS[kind])


def format_date(
    value: datetime.date | datetime.time | str | None,
    kind: str = "date",
    language: str | None = None,
) -> str:
    """``value`` (date or datetime) as text for a reader: ``kind`` is one of date, datetime,
    short, short_datetime, time. Returns "" for None."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.time):
        return time_format(value, format_for("time", language))
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if not isinstance(value, datetime.datetime):
        kind = {"datetime": "date", "short_datetime": "short"}.get(kind, kind)
        if kind == "time":
            return ""
    return format_value(value, format_for(kind, language))  # type: ignore[arg-type]  # not ""
