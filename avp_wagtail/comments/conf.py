"""The comments app's settings: ``COMMENT_*`` keys of the host's ``AVP_WAGTAIL`` dict.

They sit in the same dict as the core's keys (a host site's settings do not change), but
their defaults are the app's: the core knows nothing of comments. See docs/settings.md.
"""

from django.conf import settings

DEFAULTS = {
    # Longest comment accepted, in characters.
    "COMMENT_MAX_LENGTH": 3000,
    # Number of residents' flags that hide a comment until a moderator looks at it.
    "COMMENT_FLAG_THRESHOLD": 3,
    # At most this many comments from one network (an IPv4 address, an IPv6 /64) within
    # COMMENT_RATE_PERIOD seconds.
    "COMMENT_RATE_LIMIT": 5,
    "COMMENT_RATE_PERIOD": 10 * 60,
    # Networks (e.g. ["192.0.2.0/24", "2001:db8::/48"]) whose addresses are never
    # rate-limited for comments (in addition to RATE_TRUSTED_NETWORKS): the municipality's
    # own public addresses (library, council Wi-Fi).
    "COMMENT_RATE_TRUSTED_NETWORKS": [],
    # How long (seconds) the link that confirms an anonymous comment stays valid.
    "COMMENT_CONFIRMATION_MAX_AGE": 3 * 24 * 60 * 60,
    # How long (seconds) the unsubscribe link in a reply notification stays valid.
    "COMMENT_UNSUBSCRIBE_MAX_AGE": 90 * 24 * 60 * 60,
}

# The default of AVP_WAGTAIL["RETENTION_DAYS"]["comments"]: published comments are
# anonymised (the text stays), unpublished ones erased, after three years.
DEFAULT_RETENTION_DAYS = 3 * 365


def comment_setting(name):
    """One ``AVP_WAGTAIL["COMMENT_…"]`` setting, read at call time (tests override it)."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown AVP_WAGTAIL comment setting: {name}")
    return getattr(settings, "AVP_WAGTAIL", {}).get(name, DEFAULTS[name])
