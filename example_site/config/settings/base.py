"""Settings of the example site: a `wagtail start` project with avp_wagtail added."""

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "home",
    "demo",
    # avp-wagtail and what it needs beyond `wagtail start`'s defaults
    "avp_wagtail",
    "avp_wagtail.ideas",  # optional: residents' ideas for a plan (D1)
    "avp_wagtail.recipes",  # optional: the recipes and the programme checklist in the admin
    "avp_wagtail.outreach",  # optional: the outreach tracker (C2, C3, C9, C10)
    "avp_wagtail.approvals",  # optional: protocols approved by participants (D2, D3)
    "avp_wagtail.federation",  # optional: the AVP KOV network across installations (I3)
    "django_comments_xtd",  # before django_comments
    "django_comments",
    "avp_wagtail.comments",  # after django_comments_xtd
    "wagtail.contrib.settings",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.api.v2",
    "rest_framework",
    "django_tasks",  # background tasks (e-mail): system checks of the TASKS setting
    # `wagtail start` defaults
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"


def database_from_url(url):
    """A tiny DATABASE_URL parser (sqlite:///path or postgres://user@host:port/name)."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parsed.path[1:])}
    if parsed.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": parsed.path[1:],
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
        }
    raise ValueError(f"Unsupported DATABASE_URL scheme: {parsed.scheme}")


DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Estonian is the default (and legally binding) content language; pages are translated
# into English and Russian with wagtail-localize.
WAGTAIL_I18N_ENABLED = True
LANGUAGE_CODE = "et"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("et", "Eesti"),
    ("en", "English"),
    ("ru", "Русский"),
]
# The example site's own few strings (skip link, footer) in Estonian and Russian.
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Tallinn"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Näidiku vald"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

DEFAULT_FROM_EMAIL = "avatud-valitsemine@naidiku.example"

# Background tasks (django-tasks, as Wagtail's own): e-mails are sent by tasks. The immediate
# backend runs each task at once in the process that enqueues it, so nothing else is needed
# here; production.py queues them in the database for a worker (docs/deployment.md).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Resident comments (avp_wagtail.comments on django-comments-xtd; see docs/comments.md).
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "avp_wagtail.comments.models.AvpComment"
COMMENTS_XTD_FORM_CLASS = "avp_wagtail.comments.forms.AvpCommentForm"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2  # a comment, a reply, and a reply to the reply
COMMENTS_XTD_THREADED_EMAILS = False  # send through Django's mail backend
COMMENTS_XTD_SALT = os.environ.get("COMMENTS_XTD_SALT", "example-site-only-comments-salt")

# avp-wagtail settings (see docs/settings.md for every key and its default).
AVP_WAGTAIL = {
    "BASE_TEMPLATE": "base.html",
    "MAIN_LANDMARK": True,
    "INTEREST_NOTIFICATION_FALLBACK": ["info@naidiku.example"],
}
