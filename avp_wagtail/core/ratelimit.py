"""One rate limiter for every public form: comments, follow-by-e-mail and the interest form.

Each limit is a count in Django's cache, one key per form, identity and time window, created
with ``cache.add`` and raised with ``cache.incr``: atomic in a shared cache (Redis,
Memcached), so the limit holds across all worker processes. (Django's default local-memory
cache is per process: use a shared cache in production.) The window is part of the key, so
a cache whose ``incr()`` resets the expiry (database, file) still starts afresh each period.

Who is counted:

- the client's network: an IPv4 address as it is, an IPv6 address by its /64 prefix (one
  household or phone gets a whole /64 and changes address inside it at will), an
  IPv4-mapped IPv6 address as the IPv4 address. Officials (moderators and anyone who may
  use the Wagtail admin) and trusted networks are never limited on this count;
- optionally an e-mail address, for forms that send e-mail to it or about it: nobody is
  exempt from that count, it protects the address's owner from a flood of mail.

The cache holds keyed hashes (HMAC with SECRET_KEY) only, never an address.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from avp_wagtail.conf import get_setting

# The comments app's permission, checked by name: the core never imports the optional app.
MODERATE_PERMISSION = "avp_comments.moderate_avpcomment"
IPV6_PREFIX = 64


def _address(text: str) -> str | None:
    """``text`` as a normalised IP address, or None (also for "for=..." and ports)."""
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    """The address the request came from.

    ``REMOTE_ADDR``, unless it is one of ``AVP_WAGTAIL["TRUSTED_PROXIES"]`` (the load
    balancers and reverse proxies in front of the app servers): then the right-most address
    of ``X-Forwarded-For`` that is not a trusted proxy. Each proxy appends the address it
    received the request from, so the addresses to the left of it are whatever the client
    chose to send: they are never believed. Without trusted proxies the header is ignored.
    """
    remote = request.META.get("REMOTE_ADDR") or ""
    proxies = get_setting("TRUSTED_PROXIES")
    if not proxies or not in_networks(remote, proxies):
        return remote or "unknown"
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [_address(part) for part in forwarded.split(",")]
    for hop in reversed(hops):
        if hop is None:  # garbage in the chain: nothing further left can be trusted
            break
        if not in_networks(hop, proxies):
            return hop
    return remote


def network_identity(address: object) -> str:
    """What one client is, for counting: IPv4 as is, IPv6 by its /64, IPv4-mapped IPv6 as
    IPv4. Anything that is not an address is returned unchanged."""
    try:
        ip = ipaddress.ip_address(str(address).strip())
    except ValueError:
        return str(address)
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/{IPV6_PREFIX}", strict=False))
    return str(ip)


def request_identity(request: HttpRequest) -> str:
    """``network_identity`` of the request's address (also for "one flag per resident")."""
    return network_identity(client_ip(request))


def is_official(user: Any) -> bool:
    """Moderators and anyone who may use the Wagtail admin."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.has_perm(MODERATE_PERMISSION) or user.has_perm("wagtailadmin.access_admin")


def in_networks(address: str, networks: Iterable[str]) -> bool:
    """Whether ``address`` lies in one of ``networks`` (e.g. ["192.0.2.0/24"])."""
    if not networks:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for entry in networks:
        network = ipaddress.ip_network(entry, strict=False)
        if ip.version == network.version and ip in network:
            return True
    return False


def is_exempt(request: HttpRequest, trusted_networks: Iterable[str] = ()) -> bool:
    """Officials and trusted networks are never limited on the per-network count."""
    if is_official(getattr(request, "user", None)):
        return True
    return in_networks(client_ip(request), trusted_networks)


def _key(scope: str, kind: str, identity: str, period: int, now: float | None = None) -> str:
    window = int((time.time() if now is None else now) // period)
    # SHA-256 named (Django 6.1 deprecates relying on the default): only cache keys, so a
    # change of algorithm just starts the current window's counts afresh.
    digest = salted_hmac(
        f"avp_wagtail.core.ratelimit.{kind}", identity, algorithm="sha256"
    ).hexdigest()[:32]
    return f"{scope}:rate:{kind}:{digest}:{window}"


def count(
    scope: str,
    kind: str,
    identity: str,
    limit: int | str,
    period: int | str,
    now: float | None = None,
) -> bool:
    """Count one request of ``identity`` and say whether it goes over ``limit``.

    Counting first and comparing the new count (instead of reading, checking, then writing)
    keeps two simultaneous requests from both slipping under the limit.
    """
    period = max(int(period), 1)
    key = _key(scope, kind, identity, period, now)
    cache.add(key, 0, period + 1)
    try:
        value = cache.incr(key)
    except ValueError:  # the key expired between add() and incr()
        cache.add(key, 1, period + 1)
        value = 1
    return value > int(limit)


def over_limit(
    request: HttpRequest,
    scope: str,
    limit: int | str,
    period: int | str,
    trusted_networks: Iterable[str] = (),
    email: str | None = None,
    email_limit: int | str | None = None,
) -> bool:
    """Count one request for ``scope`` (e.g. "avp_follow") and say whether it is refused.

    ``limit`` requests per ``period`` seconds from one network (officials and
    ``trusted_networks`` exempt); with ``email`` and ``email_limit``, also at most
    ``email_limit`` requests naming that address (any case), from wherever they come.
    """
    over = False
    if not is_exempt(request, trusted_networks):
        over = count(scope, "ip", request_identity(request), limit, period)
    if email and email_limit is not None:
        over = count(scope, "email", str(email).strip().lower(), email_limit, period) or over
    return over
