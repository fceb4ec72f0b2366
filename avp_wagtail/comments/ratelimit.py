"""Per-IP limit on posting comments, counted in Django's cache (default: 5 per 10 minutes)."""

import hashlib
import time

from django.core.cache import cache

from ..conf import get_setting


def client_ip(request):
    """The address the request came from. Behind a proxy, the host site sets REMOTE_ADDR
    from the forwarded header in its own middleware (documented in docs/comments.md)."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def _key(request):
    digest = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    return f"avp_comments:rate:{digest}"


def _recent(request):
    period = get_setting("COMMENT_RATE_PERIOD")
    now = time.time()
    return [stamp for stamp in cache.get(_key(request), []) if now - stamp < period]


def is_limited(request):
    return len(_recent(request)) >= get_setting("COMMENT_RATE_LIMIT")


def record(request):
    stamps = _recent(request) + [time.time()]
    cache.set(_key(request), stamps, get_setting("COMMENT_RATE_PERIOD"))
