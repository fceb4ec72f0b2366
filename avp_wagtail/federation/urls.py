"""The well-known network document. The host includes these URLs at its root, outside
``i18n_patterns`` (docs/network.md)::

    path("", include("avp_wagtail.federation.urls")),
"""

from django.urls import path

from avp_wagtail.federation.schema import WELL_KNOWN_PATH
from avp_wagtail.federation.views import site_network_view

urlpatterns = [path(WELL_KNOWN_PATH, site_network_view, name="avp_network_document")]
