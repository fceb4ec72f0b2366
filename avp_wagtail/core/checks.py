"""System checks of the settings the whole package relies on (``manage.py check``)."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core import checks

from avp_wagtail.conf import get_setting

_PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def check_networks(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """TRUSTED_PROXIES and RATE_TRUSTED_NETWORKS hold addresses or networks (CIDR)."""
    errors: list[checks.CheckMessage] = []
    for name in ("TRUSTED_PROXIES", "RATE_TRUSTED_NETWORKS"):
        value = get_setting(name)
        entries = [value] if isinstance(value, str) else value
        for entry in entries or ():
            try:
                ipaddress.ip_network(str(entry), strict=False)
            except ValueError:
                errors.append(
                    checks.Error(
                        f'AVP_WAGTAIL["{name}"] holds {entry!r}, which is not an IP address '
                        "or network.",
                        hint='Give addresses or networks, e.g. ["10.0.0.0/8", "2001:db8::/48"].',
                        id="avp_wagtail.E001",
                    )
                )
            if isinstance(value, str):
                errors.append(
                    checks.Error(
                        f'AVP_WAGTAIL["{name}"] is a string; it must be a list.',
                        hint=f'Write ["{value}"].',
                        id="avp_wagtail.E002",
                    )
                )
    return errors


def check_shared_cache(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """Rate limits count in the default cache: a per-process cache gives every worker
    process its own count (four workers, four times the limit)."""
    if settings.DEBUG:
        return []
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in _PER_PROCESS_CACHES:
        return []
    return [
        checks.Warning(
            "The default cache is kept per process: the rate limits of comments, follows and "
            "the interest form are counted separately in every worker process and server.",
            hint="Use a shared cache, e.g. django.core.cache.backends.redis.RedisCache "
            "(docs/deployment.md).",
            id="avp_wagtail.W001",
        )
    ]
