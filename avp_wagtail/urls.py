"""URLs of the package that are not pages. Include them *outside* ``i18n_patterns``::

    path("avp/", include("avp_wagtail.urls")),

``follow/unsubscribe/<token>/``: the one-click unsubscribe link of follow e-mails (RFC 8058:
mail clients POST to it without a CSRF token). Without it, follow e-mails link to the item
page's own unsubscribe route, which needs the resident to press the button there.
"""

from django.urls import path
from django.views.decorators.cache import never_cache

from avp_wagtail.tracking.following.views import one_click_unsubscribe

app_name = "avp_wagtail"

urlpatterns = [
    path(
        "follow/unsubscribe/<str:token>/",
        never_cache(one_click_unsubscribe),  # one person's link: never in a shared cache
        name="follow_unsubscribe",
    ),
]
