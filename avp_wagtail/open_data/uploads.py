"""Reading an uploaded CSV or JSON file: size limit, encoding and syntax, clear messages."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from avp_wagtail.conf import get_setting
from avp_wagtail.core.cleaning import strip_control_deep
from avp_wagtail.open_data.schema import SCHEMA_NAME, SUPPORTED_MAJOR, version_supported

# An export is at most 5 levels deep (document > items > item > milestones > milestone).
# Deeper data is refused: nothing after parsing ever recurses through a hostile nesting.
MAX_JSON_DEPTH = 20


class UploadError(ValueError):
    """The file cannot be read; the message says why, in the editor's language."""


def too_deeply_nested(data: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether parsed JSON nests lists and objects more than ``limit`` levels deep
    (walked without recursion, stopping at the first level too deep)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = value.values()
        elif not isinstance(value, list):
            continue
        if depth > limit:
            return True
        stack.extend((item, depth + 1) for item in value)
    return False


def read_text(upload: UploadedFile) -> str:
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


def read_json(upload: UploadedFile) -> Any:
    """The parsed JSON of an uploaded file, its texts without control characters."""
    text = read_text(upload)
    nested_too_deep = UploadError(
        _(
            "The file is nested more than %(depth)d levels deep; an action plan export "
            "is not. Upload the JSON export of a plan or of one action."
        )
        % {"depth": MAX_JSON_DEPTH}
    )
    # The size is limited (read_text); Python's JSON parser guards its own recursion and
    # raises RecursionError for a deeper nesting than it can parse.
    try:
        data = json.loads(text)
    except RecursionError:
        raise nested_too_deep from None
    except json.JSONDecodeError as error:
        raise UploadError(
            _("The file is not valid JSON: %(problem)s at line %(line)d, column %(column)d.")
            % {"problem": error.msg, "line": error.lineno, "column": error.colno}
        ) from None
    if too_deeply_nested(data):
        raise nested_too_deep
    return strip_control_deep(data)


def check_document(document: Any) -> dict[str, Any]:
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
