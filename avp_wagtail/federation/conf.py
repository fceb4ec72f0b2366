"""The network app's settings: ``NETWORK_*`` keys of the host's ``AVP_WAGTAIL`` dict, with
the app's own defaults. See docs/network.md."""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Seconds one request to another installation may take (connect and each read).
    "NETWORK_TIMEOUT": 10,
    # The largest document (bytes) read from another installation; a larger one is refused.
    "NETWORK_MAX_BYTES": 5 * 1024 * 1024,
    # How many plans of one followed installation are fetched.
    "NETWORK_MAX_PLANS": 20,
    # How many redirects one request follows (each checked like the first address).
    "NETWORK_MAX_REDIRECTS": 3,
    # How often (seconds) ``manage.py avp_sync_network`` fetches a followed source again.
    "NETWORK_SYNC_EVERY": 6 * 60 * 60,
    # Allow requests to loopback addresses (127.0.0.0/8, ::1): tests and the demo only.
    # Private and link-local addresses are refused whatever this says.
    "NETWORK_ALLOW_LOOPBACK": False,
}


def network_setting(name: str) -> Any:
    """One ``AVP_WAGTAIL["NETWORK_…"]`` setting, read at call time (tests override it)."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown AVP_WAGTAIL network setting: {name}")
    return getattr(settings, "AVP_WAGTAIL", {}).get(name, DEFAULTS[name])
