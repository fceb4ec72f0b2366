from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .api import api_router

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # The one-click unsubscribe link of follow e-mails (RFC 8058), also outside i18n_patterns.
    path("avp/", include("avp_wagtail.urls")),
    path("", include("avp_wagtail.federation.urls")),  # /.well-known/avp-network.json
]

if apps.is_installed("avp_wagtail.comments"):  # the optional comments app
    # Comment posting, confirmation, flags and unsubscribe: outside i18n_patterns, because
    # one discussion serves every language version of a page.
    urlpatterns.append(path("comments/", include("avp_wagtail.comments.urls")))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages under a language prefix: /et/..., /en/..., /ru/... ("/" redirects to the
# visitor's language). Anything that must not carry a prefix goes above this line.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)))
