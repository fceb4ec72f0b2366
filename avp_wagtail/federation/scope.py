"""Which followed sources and borrowed actions an editor sees: those of the sites (the
municipalities) where the editor holds a page permission (``avp_wagtail.admin.scope``);
superusers and single-site installations see all."""

from __future__ import annotations

from typing import Any

from wagtail.models import Site

from avp_wagtail.admin.scope import Scope, permitted_pages, unrestricted
from avp_wagtail.core.sites import within_sites


def permitted_sites(user: Any) -> list[Site]:
    sites = list(Site.objects.select_related("root_page").order_by("hostname", "port"))
    if unrestricted(user):
        return sites
    cached = getattr(user, "_avp_network_sites", None)
    if cached is None:
        pages = permitted_pages(user)
        cached = [site.pk for site in sites if within_sites(pages, [site]).exists()]
        user._avp_network_sites = cached
    return [site for site in sites if site.pk in cached]


class SiteScope(Scope):
    """Rows that belong to a site through ``lookup`` (a Site foreign key)."""

    def filter(self, queryset: Any, user: Any) -> Any:
        if unrestricted(user):
            return queryset
        ids = [site.pk for site in permitted_sites(user)]
        return queryset.filter(**{f"{self.lookup}__in": ids})

    def contains(self, instance: Any, user: Any) -> bool:
        if unrestricted(user):
            return True
        return getattr(instance, f"{self.lookup}_id") in {s.pk for s in permitted_sites(user)}


SOURCE_SCOPE = SiteScope("site")
# A borrowed action belongs where its page is.
BORROWING_SCOPE = Scope("item")
