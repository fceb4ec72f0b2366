"""A CDN or caching proxy forgets the plan's pages when one of its ideas changes.

The plan's open data (JSON, CSV) and its page (the ideas link and count) may be cached for
anonymous readers (``HTTP_CACHE_SECONDS``); an idea a moderator hid, or whose response
changed, would stay in those copies until they expire. With
``wagtail.contrib.frontend_cache`` installed, saving or deleting an idea purges every
language version of its plan (each of its cached paths). Without the app: nothing."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import transaction


def purge_plan_of_idea(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``post_save`` / ``post_delete`` receiver of ``Idea``."""
    if not apps.is_installed("wagtail.contrib.frontend_cache") or not instance.plan_id:
        return
    plan_id = instance.plan_id

    def purge() -> None:
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        from avp_wagtail.models import ActionPlanPage

        plan = ActionPlanPage.objects.filter(pk=plan_id).first()
        if plan is None:
            return
        batch = PurgeBatch()
        batch.add_pages(ActionPlanPage.objects.live().filter(translation_key=plan.translation_key))
        batch.purge()

    transaction.on_commit(purge)
