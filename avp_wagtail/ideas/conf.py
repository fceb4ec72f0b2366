"""The ideas app's settings: ``IDEA_*`` keys of the host's ``AVP_WAGTAIL`` dict, with the
app's own defaults (the core knows nothing of ideas). See docs/ideas.md."""

from django.conf import settings

DEFAULTS = {
    # Moderation of a new idea collection: "pre" (a confirmed idea waits for a moderator)
    # or "post" (a confirmed idea appears at once). Each collection can change it.
    "IDEA_MODERATION": "pre",
    # Ideas and supports by e-mail: at most IDEA_RATE_LIMIT requests from one network
    # (IPv6: one /64) and IDEA_RATE_ADDRESS_LIMIT for one e-mail address, per
    # IDEA_RATE_PERIOD seconds.
    "IDEA_RATE_LIMIT": 5,
    "IDEA_RATE_ADDRESS_LIMIT": 3,
    "IDEA_RATE_PERIOD": 60 * 60,
    # How long (seconds) the link confirming an idea or a support stays valid; an idea
    # never confirmed is erased after it (manage.py avp_erase_expired).
    "IDEA_CONFIRMATION_MAX_AGE": 3 * 24 * 60 * 60,
    # How long (seconds) the link withdrawing a support stays valid.
    "IDEA_WITHDRAW_MAX_AGE": 2 * 365 * 24 * 60 * 60,
    # Ideas per page of the public listing.
    "IDEA_PER_PAGE": 20,
}

# The default of AVP_WAGTAIL["RETENTION_DAYS"]["ideas"]: the author's name and e-mail
# and the supports' e-mail addresses are erased three years after the idea was sent.
DEFAULT_RETENTION_DAYS = 3 * 365


def idea_setting(name):
    """One ``AVP_WAGTAIL["IDEA_…"]`` setting, read at call time (tests override it)."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown AVP_WAGTAIL idea setting: {name}")
    return getattr(settings, "AVP_WAGTAIL", {}).get(name, DEFAULTS[name])


def default_moderation():
    """The moderation mode a new idea collection starts with."""
    return idea_setting("IDEA_MODERATION")
