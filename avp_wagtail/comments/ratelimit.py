"""Per-network limit on posting comments (default: 5 per 10 minutes).

Counted by the package's one limiter (``avp_wagtail.core.ratelimit``: ``cache.add`` +
``cache.incr`` per window, IPv6 by its /64). Officials are never limited, nor are addresses
in ``COMMENT_RATE_TRUSTED_NETWORKS`` or ``RATE_TRUSTED_NETWORKS``.
"""

from avp_wagtail.comments.conf import comment_setting
from avp_wagtail.conf import get_setting
from avp_wagtail.core import ratelimit as limiter

client_ip = limiter.client_ip


def trusted_networks():
    return [
        *comment_setting("COMMENT_RATE_TRUSTED_NETWORKS"),
        *get_setting("RATE_TRUSTED_NETWORKS"),
    ]


def is_exempt(request):
    """Officials (moderators and anyone who may use the Wagtail admin) and trusted networks
    are never rate-limited."""
    return limiter.is_exempt(request, trusted_networks())


def over_limit(request):
    """Count one comment for the request's network and say whether it goes over the limit."""
    return limiter.over_limit(
        request,
        "avp_comments",
        comment_setting("COMMENT_RATE_LIMIT"),
        comment_setting("COMMENT_RATE_PERIOD"),
        trusted_networks=trusted_networks(),
    )
