"""The public network documents: one programme's (a sub-URL of its page) and the site's
(the well-known address, ``urls.py``). JSON, open to every origin, with an ``ETag`` so a
following installation's conditional request is answered 304 when nothing changed."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import quote_etag
from wagtail.models import Site

from avp_wagtail.core.cache_headers import shareable
from avp_wagtail.federation.document import programme_document, site_document


def document_response(request: HttpRequest, document: dict[str, Any]) -> HttpResponse:
    stable = {key: value for key, value in document.items() if key != "generated_at"}
    etag = quote_etag(hashlib.sha256(json.dumps(stable, sort_keys=True).encode()).hexdigest()[:32])
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
    response["ETag"] = etag
    response["Access-Control-Allow-Origin"] = "*"
    return response


@shareable
def programme_network_view(page: Any, request: HttpRequest) -> HttpResponse:
    """The network document of an opted-in programme (404 when it has not opted in)."""
    if not page.in_network:
        raise Http404
    return document_response(request, programme_document(page, request))


def site_network_view(request: HttpRequest) -> HttpResponse:
    """The network document of the site the request came to (its opted-in programmes)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return document_response(request, site_document(site, request))
