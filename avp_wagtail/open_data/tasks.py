"""The CSV import as a background task: a large file is applied by a worker while the admin
shows its progress (``views.ImportStatusView``), not in the editor's request.

Under django-tasks' immediate backend (no ``TASKS`` setting) the task runs in the request
that enqueued it, and the editor sees the outcome at once as before.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from avp_wagtail.models import ItemImport
from avp_wagtail.open_data.csv_import import (
    ImportRejected,
    apply,
    import_summary,
    permission_errors,
    prepare,
)

logger = logging.getLogger(__name__)

# How often (in rows) the task writes its progress: the rows are written in one
# transaction, which other connections cannot see into, so progress goes to the cache
# (shared between servers when it is Redis, as in the example production settings).
PROGRESS_EVERY = 10
PROGRESS_SECONDS = 24 * 60 * 60


def progress_key(import_id: int) -> str:
    return f"avp_wagtail:item-import:{import_id}:done"


def rows_done(job: ItemImport) -> int:
    """How many rows of ``job`` are done: while it runs, as the task last reported it."""
    if job.state == ItemImport.State.RUNNING:
        return min(cache.get(progress_key(job.pk), 0), job.total_rows)
    return job.done_rows


def _finish(job: ItemImport, state: str, **fields: Any) -> None:
    fields = {"state": state, "text": "", "finished_at": timezone.now(), **fields}
    ItemImport.objects.filter(pk=job.pk).update(**fields)
    cache.delete(progress_key(job.pk))


@task()
def run_item_import(import_id: int) -> str:
    """Check and apply the CSV of ItemImport ``import_id`` to its plan, in one transaction
    (all or nothing, as in the request before), and record the outcome on it. Returns the
    state it ended in. A job already started (a task run twice) is left alone."""
    claimed = ItemImport.objects.filter(pk=import_id, state=ItemImport.State.QUEUED).update(
        state=ItemImport.State.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        logger.info("CSV import %s is not waiting to start; left alone.", import_id)
        return ""
    job = ItemImport.objects.select_related("plan", "user").get(pk=import_id)
    with translation.override(job.language or settings.LANGUAGE_CODE):
        try:
            plan = job.plan
            prepared = prepare(plan, job.text, allow_duplicate_titles=job.allow_duplicate_titles)
            errors = permission_errors(prepared, job.user, job.publish)
            if errors:
                raise ImportRejected(errors)
            ItemImport.objects.filter(pk=job.pk).update(total_rows=len(prepared))

            def progress(done: int) -> None:
                if done % PROGRESS_EVERY == 0:
                    cache.set(progress_key(job.pk), done, PROGRESS_SECONDS)

            result = apply(plan, prepared, user=job.user, publish=job.publish, progress=progress)
        except ImportRejected as rejected:
            _finish(job, ItemImport.State.REJECTED, messages=[str(e) for e in rejected.errors])
            return ItemImport.State.REJECTED
        except Exception:
            # Logged with its traceback and recorded by django-tasks as failed; the editor
            # sees that nothing was imported.
            logger.exception("CSV import %s into plan %s failed.", import_id, job.plan_id)
            _finish(
                job,
                ItemImport.State.FAILED,
                summary=_(
                    "The import failed on the server; nothing was imported. Try again, and if "
                    "it fails again, tell the site's administrators."
                ),
            )
            raise
        _finish(
            job,
            ItemImport.State.DONE,
            done_rows=len(prepared),
            summary=import_summary(result),
            messages=result.skipped,
        )
    return ItemImport.State.DONE
