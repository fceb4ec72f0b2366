"""Fetching followed installations in the background (django-tasks, as the package's
other tasks: ``avp_wagtail.core.tasks``). Without a ``TASKS`` setting a task runs at once
in the process that enqueues it. ``manage.py avp_sync_network`` (cron) runs the same."""

from __future__ import annotations

import logging

from django_tasks import task

from avp_wagtail.federation.models import FollowedSource
from avp_wagtail.federation.sync import sync_source

logger = logging.getLogger(__name__)


@task()
def sync_source_task(source_id: int) -> str:
    """Fetch followed source ``source_id``; returns "" or the error it recorded."""
    source = FollowedSource.objects.filter(pk=source_id).first()
    if source is None:  # unfollowed meanwhile
        return ""
    problem = sync_source(source)
    if problem:
        logger.info("Network source %s: %s", source_id, problem)
    return problem
