"""Purging a CDN or caching proxy when an AVP page is published or unpublished.

With ``wagtail.contrib.frontend_cache`` installed and configured
(``WAGTAILFRONTENDCACHE``), Wagtail purges the published page itself (each of its
``get_cached_paths()``: for AVP pages also their feeds, calendar and open data). An action
item is shown on more pages than its own: its plan (table, feeds, calendar, export), the
programme, and the network pages; a meeting on its programme and the plans' calendars.
This module purges those too, in one batch. Without the app it does nothing.
See docs/deployment.md, "A CDN or caching proxy".
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    NetworkPage,
    OpenGovernmentPage,
)

SHOWN_ON = (ActionPlanPage, OpenGovernmentPage)


def page_types() -> list[type]:
    """The page types whose publishing changes other pages: every AVP page type."""
    return [
        ActionItemPage,
        ActionPlanPage,
        CallToParticipatePage,
        MeetingProtocolPage,
        OpenGovernmentPage,
    ]


def pages_showing(page: Any) -> list[Any]:
    """The live pages (other than ``page``) that show something of ``page``."""
    ancestors = page.get_ancestors().live().type(*SHOWN_ON).specific()
    pages = list(ancestors)
    if isinstance(page, MeetingProtocolPage):
        programme = next((p for p in pages if isinstance(p, OpenGovernmentPage)), None)
        if programme is not None:
            pages.extend(ActionPlanPage.objects.live().child_of(programme))
    pages.extend(NetworkPage.objects.live().exclude(pk=page.pk))
    return list({p.pk: p for p in pages if p.pk != page.pk}.values())


def purge_pages_showing(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``page_published`` / ``page_unpublished`` receiver."""
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    pages = pages_showing(instance.specific)
    if pages:
        batch = PurgeBatch()
        batch.add_pages(pages)
        batch.purge()
