"""ItemImport: one CSV import of action items into a plan, run as a background task.

The admin's import form checks the file and records an ItemImport; a task
(``avp_wagtail.open_data.tasks.run_item_import``) applies it, and the admin shows its state
and progress meanwhile. The file's text is kept only until the import has run.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STALLED_SUMMARY = _(
    "The import stopped before it finished (its worker was interrupted). Nothing was "
    "imported: send the file again."
)


class ItemImport(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        REJECTED = "rejected", _("Nothing was imported: the file has errors")
        FAILED = "failed", _("Nothing was imported: the import failed")

    plan = models.ForeignKey(
        "avp_wagtail.ActionPlanPage",
        verbose_name=_("action plan"),
        on_delete=models.CASCADE,
        related_name="item_imports",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    text = models.TextField(
        _("file content"),
        blank=True,
        help_text=_("The CSV text, kept until the import has run."),
    )
    publish = models.BooleanField(_("publish the actions"), default=False)
    allow_duplicate_titles = models.BooleanField(
        _("create actions whose title is already in the plan"), default=False
    )
    language = models.CharField(
        _("language"),
        max_length=16,
        blank=True,
        help_text=_("The editor's admin language: messages of the import are in it."),
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.QUEUED)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    done_rows = models.PositiveIntegerField(_("rows imported"), default=0)
    summary = models.TextField(_("summary"), blank=True)
    messages = models.JSONField(
        _("messages"),
        default=list,
        blank=True,
        help_text=_("Rows not imported, or the errors that rejected the file."),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    started_at = models.DateTimeField(
        _("running since"),
        null=True,
        blank=True,
        help_text=_("When a worker began the import (it may wait in the queue before)."),
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("action import")
        verbose_name_plural = _("action imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name or self.pk} → {self.plan_id}"

    def give_up_if_stalled(self, after: datetime.timedelta) -> bool:
        """Mark the import failed when it has been running longer than ``after``: its
        worker stopped (the rows are written in one transaction, so nothing was imported).
        A worker that is still running and finishes after all records its outcome anyway.
        Returns whether it gave up."""
        if self.state != self.State.RUNNING or self.started_at is None:
            return False
        if timezone.now() - self.started_at < after:
            return False
        self.state = self.State.FAILED
        self.finished_at = timezone.now()
        self.summary = str(STALLED_SUMMARY)
        self.text = ""
        type(self).objects.filter(pk=self.pk, state=self.State.RUNNING).update(
            state=self.state, finished_at=self.finished_at, summary=self.summary, text=""
        )
        return True

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.REJECTED, self.State.FAILED)
