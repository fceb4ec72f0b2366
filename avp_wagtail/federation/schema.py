"""The network document's schema (documented in docs/network.md; change both together).

What an installation publishes about its opted-in programmes, and what a following
installation accepts. Versioned like the plan export (``open_data.schema``): a reader
accepts every minor version of the major version it knows.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

NETWORK_SCHEMA = "avp-wagtail/network"
NETWORK_VERSION = "1.0"
NETWORK_MAJOR = "1"
# The discovery link's title on a programme page (<link rel="alternate" ...>).
DISCOVERY_TITLE = "AVP KOV network"
WELL_KNOWN_PATH = ".well-known/avp-network.json"


class InvalidDocument(ValueError):
    """A document from another installation that is not a network document we read."""


def _text(value: Any, limit: int = 500) -> str:
    return value[:limit] if isinstance(value, str) else ""


def check_network(document: Any, max_plans: int) -> dict[str, Any]:
    """The document reduced to what we read, with texts only where texts belong; an
    ``InvalidDocument`` saying why it is not one."""
    if not isinstance(document, dict) or document.get("schema") != NETWORK_SCHEMA:
        raise InvalidDocument(
            _('The document is not an AVP KOV network document (no "schema": "%(name)s").')
            % {"name": NETWORK_SCHEMA}
        )
    version = document.get("schema_version")
    if not isinstance(version, str) or version.split(".")[0] != NETWORK_MAJOR:
        raise InvalidDocument(
            _("The network document has schema version %(version)s; this site reads %(major)s.x.")
            % {"version": _text(str(version), 20), "major": NETWORK_MAJOR}
        )
    municipality = document.get("municipality")
    programmes = document.get("programmes")
    if not isinstance(municipality, dict) or not isinstance(programmes, list):
        raise InvalidDocument(_('The network document has no "municipality" or "programmes".'))
    name = _text(municipality.get("name"), 255).strip()
    if not name:
        raise InvalidDocument(_("The network document does not name its municipality."))
    clean: dict[str, Any] = {
        "schema": NETWORK_SCHEMA,
        "schema_version": version,
        "municipality": {"name": name, "url": _text(municipality.get("url"))},
        "programmes": [],
    }
    plans = 0
    for programme in programmes:
        if not isinstance(programme, dict) or not isinstance(programme.get("plans", []), list):
            raise InvalidDocument(_("A programme of the network document is not readable."))
        entry = {
            "title": _text(programme.get("title"), 255),
            "url": _text(programme.get("url")),
            "language": _text(programme.get("language"), 16),
            "plans": [],
        }
        for plan in programme.get("plans", []):
            open_data = plan.get("open_data") if isinstance(plan, dict) else None
            if not isinstance(open_data, dict) or not _text(open_data.get("json")):
                raise InvalidDocument(_("A plan of the network document has no open data address."))
            plans += 1
            if plans > max_plans:
                break
            entry["plans"].append(
                {
                    "id": _text(plan.get("id"), 64),
                    "title": _text(plan.get("title"), 255),
                    "url": _text(plan.get("url")),
                    "language": _text(plan.get("language"), 16),
                    "json": _text(open_data.get("json")),
                }
            )
        clean["programmes"].append(entry)
    return clean
