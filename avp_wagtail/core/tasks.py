"""Background tasks: e-mail leaves the request.

Built on django-tasks, the task framework Wagtail itself uses (``wagtail/tasks.py``). The
request only enqueues small, serialisable arguments (ids, a language code, a URL) once its
transaction has committed; the task loads what it needs, renders each e-mail and sends it.
Without a ``TASKS`` setting django-tasks runs every task at once in the process that
enqueues it (the immediate backend): a plain install works as before. A site with a
database backend (``django_tasks_db``) runs them in a worker (docs/deployment.md,
"Background tasks").
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from avp_wagtail.core.emails import TASK_ATTEMPTS, send_interest_notification

logger = logging.getLogger(__name__)


def enqueue_after_commit(task_: Any, *args: Any, **kwargs: Any) -> None:
    """Enqueue ``task_`` once the current transaction commits (at once outside one), so a
    worker finds the rows the request wrote; if the transaction rolls back, nothing is sent.

    Under the immediate backend the task runs here and now instead, inside the request as
    e-mail always did: it sees the request's own uncommitted rows, and a test's
    transaction (which never commits) still gets its e-mails. An error in the task is
    logged and recorded by django-tasks; it does not break the request."""
    if isinstance(task_.get_backend(), ImmediateBackend):
        task_.enqueue(*args, **kwargs)
        return
    transaction.on_commit(partial(task_.enqueue, *args, **kwargs), robust=True)


@task()
def send_interest_notification_task(submission_id: int, language: str | None = None) -> int:
    """E-mail a call's contact people about expression of interest ``submission_id``
    (``core.emails.send_interest_notification``), in ``language`` (the request's, as
    before). Returns the number of e-mails sent."""
    model = apps.get_model("avp_wagtail", "InterestSubmission")
    submission = model.objects.select_related("call").filter(pk=submission_id).first()
    if submission is None:  # erased meanwhile (a data-erasure request)
        logger.info("Interest %s no longer exists; nothing e-mailed.", submission_id)
        return 0
    with translation.override(language or settings.LANGUAGE_CODE):
        # A failure is logged and raised (EmailNotSent): the task is recorded as failed.
        return send_interest_notification(submission, attempts=TASK_ATTEMPTS)
