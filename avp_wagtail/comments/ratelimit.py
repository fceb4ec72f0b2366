"""Per-IP limit on posting comments, counted in Django's cache (default: 5 per 10 minutes).

The count is one cache key per address and time window, created with ``cache.add`` and
raised with ``cache.incr``: atomic in a shared cache (Redis, Memcached), so the limit holds
across all worker processes. (Django's default local-memory cache is per process: use a
shared cache in production.) Officials are never limited, nor are addresses in
``COMMENT_RATE_TRUSTED_NETWORKS``.
"""

import hashlib
import ipaddress
import time

from django.core.cache import cache

from ..conf import get_setting
from .permissions import can_moderate


def client_ip(request):
    """The address the request came from. Behind a proxy, the host site sets REMOTE_ADDR
    from the forwarded header in its own middleware (documented in docs/comments.md)."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def is_exempt(request):
    """Officials (moderators and anyone who may use the Wagtail admin) and trusted networks
    are never rate-limited."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_active:
        if can_moderate(user) or user.has_perm("wagtailadmin.access_admin"):
            return True
    networks = get_setting("COMMENT_RATE_TRUSTED_NETWORKS")
    if networks:
        try:
            address = ipaddress.ip_address(client_ip(request))
        except ValueError:
            return False
        for network in networks:
            if address in ipaddress.ip_network(network, strict=False):
                return True
    return False


def _key(request, now=None):
    period = max(int(get_setting("COMMENT_RATE_PERIOD")), 1)
    window = int((time.time() if now is None else now) // period)
    digest = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    # The window is part of the key: a cache whose incr() resets the expiry (database,
    # file) still starts a fresh count each period.
    return f"avp_comments:rate:{digest}:{window}", period


def over_limit(request):
    """Count one comment for the request's address and say whether it goes over the limit.

    Counting first and comparing the new count (instead of reading, checking, then writing)
    keeps two simultaneous posts from both slipping under the limit.
    """
    if is_exempt(request):
        return False
    key, period = _key(request)
    cache.add(key, 0, period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add() and incr()
        cache.add(key, 1, period + 1)
        count = 1
    return count > get_setting("COMMENT_RATE_LIMIT")
