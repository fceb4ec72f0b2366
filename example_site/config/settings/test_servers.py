"""Settings of the several-servers test (tests/servers/): real application servers on
loopback sharing one PostgreSQL database (DATABASE_URL) and one Redis (REDIS_URL), as a
production installation with several app servers does. Not for anything else."""

import os

from django.core.exceptions import ImproperlyConfigured

from .test import *  # noqa: F403

if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":  # noqa: F405
    raise ImproperlyConfigured(
        "config.settings.test_servers needs PostgreSQL: set DATABASE_URL=postgres://..."
    )

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"

# One cache for every server and worker, as in production: the rate limits count here.
# Database 3 by default, which the test empties before it starts the servers.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3"),
    }
}

# The simulated residents all come from 127.0.0.1, like the users of a library's Wi-Fi: that
# address is a trusted network (never rate-limited), so the load measures posting, not the
# limit. The rate limit is checked from another loopback address (127.0.1.1) at the default
# COMMENT_RATE_LIMIT.
AVP_WAGTAIL = {
    **AVP_WAGTAIL,  # noqa: F405
    "COMMENT_RATE_TRUSTED_NETWORKS": ["127.0.0.1/32"],
}

# A server error's traceback goes to the server's log (the test prints it when it fails).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["stderr"], "level": "ERROR"}},
}
