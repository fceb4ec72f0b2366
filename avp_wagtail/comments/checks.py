"""System checks that name, for a developer, each comment setting that is missing or wrong."""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, register
from django.urls import NoReverseMatch, reverse

EXPECTED = {
    "COMMENTS_APP": "django_comments_xtd",
    "COMMENTS_XTD_MODEL": "avp_wagtail.comments.models.AvpComment",
    "COMMENTS_XTD_FORM_CLASS": "avp_wagtail.comments.forms.AvpCommentForm",
    "COMMENTS_XTD_THREADED_EMAILS": False,
}


@register(Tags.compatibility)
def check_comment_settings(app_configs=None, **kwargs):
    errors = []
    installed = list(settings.INSTALLED_APPS)
    for app, hint in [
        ("django.contrib.sites", "django-comments needs the sites framework and SITE_ID."),
        ("django_comments_xtd", "Add it before 'django_comments'."),
        ("django_comments", "Add it after 'django_comments_xtd'."),
        ("wagtail.contrib.settings", "The moderation mode is a Wagtail site setting."),
    ]:
        if not apps.is_installed(app):
            errors.append(
                Error(
                    f"avp_wagtail.comments needs '{app}' in INSTALLED_APPS.",
                    hint=hint,
                    id="avp_comments.E001",
                )
            )
    if (
        "django_comments_xtd" in installed
        and "django_comments" in installed
        and installed.index("django_comments_xtd") > installed.index("django_comments")
    ):
        errors.append(
            Error(
                "'django_comments_xtd' must come before 'django_comments' in INSTALLED_APPS.",
                hint="Its templates and translations must win over the plain app's.",
                id="avp_comments.E002",
            )
        )
    if (
        "django_comments_xtd" in installed
        and "avp_wagtail.comments" in installed
        and installed.index("avp_wagtail.comments") < installed.index("django_comments_xtd")
    ):
        errors.append(
            Error(
                "'avp_wagtail.comments' must come after 'django_comments_xtd' in INSTALLED_APPS.",
                hint="It replaces django-comments-xtd's pre_save handler, which would publish "
                "replies no moderator approved; xtd must have connected it first.",
                id="avp_comments.E007",
            )
        )
    if getattr(settings, "SITE_ID", None) is None:
        errors.append(
            Error("avp_wagtail.comments needs SITE_ID.", hint="SITE_ID = 1", id="avp_comments.E003")
        )
    for name, value in EXPECTED.items():
        if getattr(settings, name, None) != value:
            errors.append(
                Error(
                    f"settings.{name} must be {value!r} for avp_wagtail.comments "
                    f"(it is {getattr(settings, name, '<not set>')!r}).",
                    hint=f"{name} = {value!r}",
                    id="avp_comments.E004",
                )
            )
    salt = getattr(settings, "COMMENTS_XTD_SALT", None)
    if not salt:
        errors.append(
            Error(
                "settings.COMMENTS_XTD_SALT is not set.",
                hint=(
                    "Set it to a long random secret (bytes or str) of your site; comment "
                    "confirmation and unsubscribe links are signed with it."
                ),
                id="avp_comments.E005",
            )
        )
    level = getattr(settings, "COMMENTS_XTD_MAX_THREAD_LEVEL", 0)
    if not isinstance(level, int) or level < 1:
        errors.append(
            Error(
                "settings.COMMENTS_XTD_MAX_THREAD_LEVEL must be at least 1 for replies.",
                hint="COMMENTS_XTD_MAX_THREAD_LEVEL = 2  # replies two levels deep",
                id="avp_comments.E006",
            )
        )
    return errors


@register(Tags.urls)
def check_comment_urls(app_configs=None, **kwargs):
    """The discussion posts to, and links to, the app's own URLs: without them every page
    with a discussion would fail to render."""
    try:
        reverse("avp_comments:post")
    except NoReverseMatch:
        return [
            Error(
                "avp_wagtail.comments is installed but its URLs are not included: pages with "
                "a discussion cannot be shown.",
                hint='Add path("comments/", include("avp_wagtail.comments.urls")) to your '
                "urls.py, outside i18n_patterns.",
                id="avp_comments.E008",
            )
        ]
    return []
