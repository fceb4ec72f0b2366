from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-example-site-only-do-not-use-in-production"  # noqa: S105 (development only)
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The demo's two municipalities follow each other on the demo's own address (127.0.0.1 /
# naaber.localhost): loopback, refused in production (docs/network.md).
AVP_WAGTAIL = {**AVP_WAGTAIL, "NETWORK_ALLOW_LOOPBACK": True}  # noqa: F405
