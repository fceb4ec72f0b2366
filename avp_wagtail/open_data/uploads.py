"""Reading an uploaded CSV or JSON file: size limit, encoding and syntax, clear messages."""

import json
from collections import Counter

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ..conf import get_setting
from .schema import SCHEMA_NAME, SUPPORTED_MAJOR, version_supported


class UploadError(ValueError):
    """The file cannot be read; the message says why, in the editor's language."""


def read_text(upload):
    """The uploaded file's text (UTF-8, with or without a byte order mark)."""
    limit = get_setting("IMPORT_MAX_BYTES")
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise UploadError(
            _("The file is %(size)s; the largest file accepted is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise UploadError(
            _("The file is larger than %(limit)s, the largest file accepted.")
            % {"limit": filesizeformat(limit)}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UploadError(
            _(
                "The file is not UTF-8 text (byte %(position)d). Save it as "
                '"CSV UTF-8" or UTF-8 text and try again.'
            )
            % {"position": error.start + 1}
        ) from None
    if not text.strip():
        raise UploadError(_("The file is empty."))
    return text


def read_json(upload):
    """The parsed JSON of an uploaded file."""
    text = read_text(upload)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UploadError(
            _("The file is not valid JSON: %(problem)s at line %(line)d, column %(column)d.")
            % {"problem": error.msg, "line": error.lineno, "column": error.colno}
        ) from None


def check_document(document):
    """The document, if it is an AVP action plan export of a version this site reads."""
    if not isinstance(document, dict) or document.get("schema") != SCHEMA_NAME:
        raise UploadError(
            _('The file is not an action plan export of avp-wagtail (no "schema": "%(name)s").')
            % {"name": SCHEMA_NAME}
        )
    version = document.get("schema_version")
    if not version_supported(version):
        raise UploadError(
            _(
                "The export has schema version %(version)s; this site reads version "
                "%(major)s.x. Ask the publisher for a current export."
            )
            % {"version": version, "major": SUPPORTED_MAJOR}
        )
    items = document.get("items")
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise UploadError(_('The export has no list of action items ("items").'))
    counts = Counter(str(item["id"]) for item in items if item.get("id"))
    duplicates = sorted(item_id for item_id, count in counts.items() if count > 1)
    if duplicates:
        raise UploadError(
            _("The export lists the same action id more than once: %(ids)s.")
            % {"ids": ", ".join(duplicates)}
        )
    for position, item in enumerate(items, start=1):
        if not isinstance(item.get("title"), str) or not item["title"].strip():
            raise UploadError(
                _("Action %(position)d of the export has no title.") % {"position": position}
            )
    return document
