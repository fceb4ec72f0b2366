"""Fetching a followed installation: its network document, then each plan's open data.

Everything read is validated before anything is replaced: a source that is down, slow,
too large or invalid leaves the last good copy as it was and records why in
``last_error`` (shown in the admin). Plans are fetched only from the network document's
own host (scheme, host and port), so a followed document cannot send this site's requests
anywhere else.
"""

from __future__ import annotations

import json
import logging
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avp_wagtail.core.choices import ItemStatus, OgpValue
from avp_wagtail.core.cleaning import strip_control, strip_control_deep
from avp_wagtail.federation.conf import network_setting
from avp_wagtail.federation.fetch import FetchError, Response, fetch, same_origin
from avp_wagtail.federation.models import FollowedItem, FollowedPlan, FollowedSource
from avp_wagtail.federation.schema import (
    DISCOVERY_TITLE,
    WELL_KNOWN_PATH,
    InvalidDocument,
    check_network,
)
from avp_wagtail.open_data.uploads import UploadError, check_document, too_deeply_nested

logger = logging.getLogger(__name__)


class _LinkFinder(HTMLParser):
    """``<link rel="alternate" type="application/json" href>`` of a page, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link" or len(self.links) > 20:
            return
        values = {name: (value or "") for name, value in attrs}
        rels = values.get("rel", "").lower().split()
        if "alternate" in rels and values.get("type", "").lower() == "application/json":
            self.links.append((values.get("href", ""), values.get("title", "")))


def parse_json(response: Response) -> Any:
    """The body as JSON data, its texts without control characters; InvalidDocument if it
    is not JSON or nests deeper than any document of ours."""
    try:
        data = json.loads(response.body.decode("utf-8-sig"))
    except RecursionError:
        raise InvalidDocument(_("The document is nested too deeply.")) from None
    except (UnicodeDecodeError, ValueError):
        raise InvalidDocument(_("The document is not JSON.")) from None
    if too_deeply_nested(data):
        raise InvalidDocument(_("The document is nested too deeply."))
    return strip_control_deep(data)


def discover(address: str) -> tuple[str, Response]:
    """The network document's address for what an editor entered (a network document, a
    programme page with a discovery link, or any page of the site: its well-known
    address), and the response that brought it."""
    response = fetch(address)
    if response.content_type != "text/html":
        return response.url, response
    finder = _LinkFinder()
    try:
        finder.feed(response.body[:1_000_000].decode("utf-8", "replace"))
    except Exception:
        finder.links = []
    links = sorted(finder.links, key=lambda link: link[1] != DISCOVERY_TITLE)
    for href, _title in links:
        url = urljoin(response.url, href)
        if same_origin(url, response.url):
            return url, fetch(url)
    url = urljoin(response.url, "/" + WELL_KNOWN_PATH)
    return url, fetch(url)


def _text(value: Any, limit: int | None = None) -> str:
    text = strip_control(value) if isinstance(value, str) else ""
    return text[:limit] if limit else text


def _http_url(value: Any) -> str:
    url = _text(value, 500)
    return url if url.startswith(("http://", "https://")) else ""


def _progress(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return max(0, min(100, value))


def item_rows(plan: FollowedPlan) -> list[FollowedItem]:
    rows = []
    for position, item in enumerate(plan.document.get("items") or []):
        adapted = item.get("adapted_from")
        ogp = item.get("ogp_values")
        tags = item.get("tags")
        status = _text(item.get("status"), 32)
        rows.append(
            FollowedItem(
                plan=plan,
                position=position,
                remote_id=_text(item.get("id"), 64),
                url=_http_url(item.get("url")),
                title=_text(item.get("title"), 255) or "—",
                summary=_text(item.get("summary"), 5000),
                theme=_text(item.get("theme"), 255),
                status=status if status in ItemStatus.values else "",
                progress=_progress(item.get("progress")),
                ogp_values=[v for v in ogp if v in OgpValue.values][:10]
                if isinstance(ogp, list)
                else [],
                tags=[_text(tag, 100) for tag in tags if _text(tag)][:50]
                if isinstance(tags, list)
                else [],
                adapted_from_url=_http_url(adapted.get("url")) if isinstance(adapted, dict) else "",
            )
        )
    return rows


def _sync_plan(plan: FollowedPlan, now: Any) -> str:
    """Fetch one plan's document; "" or the error (the last good copy kept)."""
    try:
        response = fetch(plan.url, plan.etag, plan.last_modified)
        if response.not_modified:
            plan.fetched_at, plan.last_error = now, ""
            plan.save(update_fields=["fetched_at", "last_error"])
            return ""
        document = check_document(parse_json(response))
    except (FetchError, InvalidDocument, UploadError) as error:
        plan.last_error = str(error)[:1000]
        plan.save(update_fields=["last_error"])
        return plan.last_error
    about = document.get("plan")
    # Parts of a valid-looking document of the wrong shape ("plan": "x", an item that is
    # a number) are reported like any invalid document; the last good copy stays.
    previous = plan.document
    try:
        if not isinstance(about, dict | None):
            raise TypeError("plan")
        plan.document = document
        rows = item_rows(plan)
        title = _text(about.get("title"), 255) if isinstance(about, dict) else ""
    except (AttributeError, TypeError, ValueError, KeyError):
        plan.document = previous
        plan.last_error = str(_("The plan's document is not readable."))
        plan.save(update_fields=["last_error"])
        return plan.last_error
    plan.title = title or plan.title
    plan.etag = _text(response.headers.get("etag"), 255)
    plan.last_modified = _text(response.headers.get("last-modified"), 64)
    plan.fetched_at, plan.last_error = now, ""
    with transaction.atomic():
        plan.save()
        plan.items.all().delete()
        FollowedItem.objects.bulk_create(rows)
    return ""


def sync_source(source: FollowedSource) -> str:
    """Fetch ``source`` and its plans now; returns "" or what went wrong (also stored)."""
    now = timezone.now()
    source.checked_at = now
    try:
        if source.document_url:
            url = source.document_url
            response = fetch(url, source.etag, source.last_modified)
        else:
            url, response = discover(source.address)
        if response.not_modified:
            document = source.document
        else:
            document = check_network(
                parse_json(response), int(network_setting("NETWORK_MAX_PLANS"))
            )
    except (FetchError, InvalidDocument) as error:
        source.last_error = str(error)[:1000]
        source.save(update_fields=["checked_at", "last_error"])
        return source.last_error
    if not response.not_modified:
        source.document = document
        source.document_url = url
        source.municipality = document["municipality"]["name"]
        source.etag = _text(response.headers.get("etag"), 255)
        source.last_modified = _text(response.headers.get("last-modified"), 64)
    source.fetched_at = now
    errors = []
    wanted: dict[str, dict[str, Any]] = {}
    for programme in document.get("programmes", []):
        for entry in programme.get("plans", []):
            plan_url = urljoin(url, entry["json"])
            if not same_origin(plan_url, url):
                errors.append(
                    _("“%(plan)s” is on another host (%(url)s); not fetched.")
                    % {"plan": entry["title"] or plan_url, "url": plan_url}
                )
                continue
            wanted[plan_url] = entry
    source.plans.exclude(url__in=list(wanted)).delete()
    for plan_url, entry in wanted.items():
        plan, _created = FollowedPlan.objects.get_or_create(source=source, url=plan_url)
        plan.page_url = _http_url(entry.get("url"))
        plan.language = entry.get("language", "")
        plan.title = plan.title or entry.get("title", "")
        plan.save(update_fields=["page_url", "language", "title"])
        problem = _sync_plan(plan, now)
        if problem:
            errors.append(f"{plan.title or plan_url}: {problem}")
    source.last_error = "\n".join(errors)[:2000]
    source.save()
    return source.last_error


def due_sources(now: Any = None) -> Any:
    """Sources not fetched within ``NETWORK_SYNC_EVERY`` seconds (or never)."""
    import datetime

    now = now or timezone.now()
    since = now - datetime.timedelta(seconds=int(network_setting("NETWORK_SYNC_EVERY")))
    from django.db.models import Q

    return FollowedSource.objects.filter(Q(checked_at__isnull=True) | Q(checked_at__lt=since))
