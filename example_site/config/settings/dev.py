from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-example-site-only-do-not-use-in-production"  # noqa: S105 (development only)
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
