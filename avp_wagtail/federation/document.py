"""What this installation publishes to the network: one programme's network document, or
all the opted-in programmes of a site (the well-known address). Only public pages; no
personal data (no contact people: the programme page and the site are the contact)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Site

from avp_wagtail import __version__
from avp_wagtail.core.sites import full_url, municipality_name, site_url, within_sites
from avp_wagtail.core.visibility import visible
from avp_wagtail.federation.schema import NETWORK_SCHEMA, NETWORK_VERSION
from avp_wagtail.models import ActionPlanPage, OpenGovernmentPage


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def _plans(programme: Any, request: HttpRequest | None) -> list[dict[str, Any]]:
    plans = visible(ActionPlanPage.objects.child_of(programme), None).select_related("locale")
    result = []
    for plan in plans.order_by("path"):
        url = full_url(plan, request)
        if not url:
            continue
        result.append(
            {
                "id": str(plan.translation_key),
                "title": plan.title,
                "url": url,
                "language": plan.locale.language_code,
                "status": plan.status,
                "start_date": _date(plan.start_date),
                "end_date": _date(plan.end_date),
                "open_data": {
                    "json": url + plan.reverse_subpage("open_data_json"),
                    "csv": url + plan.reverse_subpage("open_data_csv"),
                },
            }
        )
    return result


def _languages(programme: Any) -> list[str]:
    return sorted(
        visible(OpenGovernmentPage.objects.filter(translation_key=programme.translation_key), None)
        .values_list("locale__language_code", flat=True)
        .distinct()
    )


def programme_entry(programme: Any, request: HttpRequest | None) -> dict[str, Any]:
    url = full_url(programme, request)
    return {
        "id": str(programme.translation_key),
        "title": programme.title,
        "url": url,
        "language": programme.locale.language_code,
        "languages": _languages(programme),
        "phase": programme.current_phase,
        "contact": {"url": url},
        "network": url + programme.reverse_subpage("avp_network_json") if url else "",
        "plans": _plans(programme, request),
    }


def _document(
    site: Site | None, programmes: list[Any], request: HttpRequest | None
) -> dict[str, Any]:
    return {
        "schema": NETWORK_SCHEMA,
        "schema_version": NETWORK_VERSION,
        "generator": f"avp-wagtail {__version__}",
        "generated_at": timezone.now().replace(microsecond=0).isoformat(),
        "municipality": {"name": municipality_name(site), "url": site_url(site, request)},
        "programmes": [programme_entry(programme, request) for programme in programmes],
    }


def programme_document(programme: Any, request: HttpRequest | None = None) -> dict[str, Any]:
    """The network document of one opted-in programme (in its page's language)."""
    return _document(programme.get_site(), [programme], request)


def site_document(site: Site, request: HttpRequest | None = None) -> dict[str, Any]:
    """The network document of every opted-in public programme of ``site``, each in its
    original (default) language version only."""
    from wagtail.models import Locale

    pages = within_sites(
        visible(OpenGovernmentPage.objects.filter(in_network=True), None), [site]
    ).select_related("locale")
    default = Locale.get_default().pk
    chosen: dict[Any, Any] = {}
    for page in pages.order_by("path"):
        best = chosen.get(page.translation_key)
        if best is None or (page.locale_id == default and best.locale_id != default):
            chosen[page.translation_key] = page
    programmes = sorted(chosen.values(), key=lambda page: page.path)
    return _document(site, programmes, request)
