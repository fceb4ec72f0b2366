from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105 (development only)
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Wagtail 8 autosaves an edit form every 500 ms. On a loaded CI machine an autosave of the
# page *create* form can land while Playwright is still typing, and the publish that follows
# then collides with the page the autosave created (Wagtail's race, not ours). Browser tests
# drive the form faster than any editor: turn autosave off for them.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# Wagtail's frontend cache invalidation, with a backend that records the purged URLs
# (tests/test_frontend_cache.py): what a CDN in front of the site would be told.
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.purges.RecordingBackend"}}
