"""Production settings, configured from the environment (see docs/installation.md)."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# Signs comment confirmation and unsubscribe links; the system check fails when empty.
COMMENTS_XTD_SALT = os.environ.get("COMMENTS_XTD_SALT", "")
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")
CSRF_TRUSTED_ORIGINS = [
    origin for origin in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if origin
]
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
)
SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# On PostgreSQL, Django 6.1's checks want django.contrib.postgres for the PostgreSQL-only
# indexes of installed apps (postgres.E005).
if "postgresql" in DATABASES["default"]["ENGINE"]:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.postgres"]  # noqa: F405

# Shared by every app server and worker: the rate limits of comments, follows and the
# interest form count here, so one limit holds across all processes (docs/deployment.md).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    }
}
# The load balancers / reverse proxies in front of the app servers (comma-separated
# addresses or networks): only their X-Forwarded-For is believed.
AVP_WAGTAIL = {
    **AVP_WAGTAIL,  # noqa: F405
    "TRUSTED_PROXIES": [
        proxy for proxy in os.environ.get("AVP_TRUSTED_PROXIES", "").split(",") if proxy
    ],
}

# Background tasks in the database (django-tasks-db): e-mails leave the request and a worker
# sends them, `python manage.py db_worker` (docs/deployment.md, "Background tasks").
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
