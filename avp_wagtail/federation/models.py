"""Other installations a municipality follows, and the last good copy of what they publish.

A ``FollowedSource`` belongs to one site (the municipality that follows): its editors see
it, its network page lists it. Its network document and each plan's open data document
are kept as last fetched and validated (``FollowedPlan.document``); ``FollowedItem`` rows
are the plans' actions, rebuilt on every good fetch, so that the network page can filter
them like local actions. ``Borrowing`` remembers what an action borrowed by address said
at the time, for "the original has changed since you borrowed it".
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowedSource(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("following site"),
        on_delete=models.CASCADE,
        related_name="avp_followed_sources",
        help_text=_("The municipality (site) whose network page lists this source."),
    )
    address = models.URLField(
        _("address"),
        max_length=500,
        help_text=_(
            "The address of the other municipality's programme page or of its network "
            "document (…/.well-known/avp-network.json)."
        ),
    )
    document_url = models.URLField(_("network document"), max_length=500, blank=True)
    municipality = models.CharField(_("municipality"), max_length=255, blank=True)
    document = models.JSONField(_("last good network document"), default=dict, blank=True)
    etag = models.CharField(max_length=255, blank=True)
    last_modified = models.CharField(max_length=64, blank=True)
    fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    checked_at = models.DateTimeField(_("last tried"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    class Meta:
        verbose_name = _("followed municipality")
        verbose_name_plural = _("followed municipalities")
        ordering = ["municipality", "address"]
        constraints = [
            models.UniqueConstraint(fields=["site", "address"], name="avp_followed_once")
        ]

    def __str__(self) -> str:
        return self.municipality or self.address


class FollowedPlan(models.Model):
    source = models.ForeignKey(FollowedSource, on_delete=models.CASCADE, related_name="plans")
    url = models.URLField(_("open data address"), max_length=500)
    page_url = models.URLField(_("plan page"), max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=16, blank=True)
    document = models.JSONField(_("last good document"), default=dict, blank=True)
    etag = models.CharField(max_length=255, blank=True)
    last_modified = models.CharField(max_length=64, blank=True)
    fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("followed plan")
        verbose_name_plural = _("followed plans")
        ordering = ["source", "title"]
        constraints = [models.UniqueConstraint(fields=["source", "url"], name="avp_followed_plan")]

    def __str__(self) -> str:
        return self.title or self.url


class FollowedItem(models.Model):
    """One action of a followed plan, as text from its last good document."""

    plan = models.ForeignKey(FollowedPlan, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    remote_id = models.CharField(max_length=64, blank=True)
    url = models.URLField(max_length=500, blank=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    theme = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=32, blank=True)
    progress = models.IntegerField(null=True, blank=True)
    ogp_values = models.JSONField(default=list, blank=True)
    tags = models.JSONField(default=list, blank=True)
    # The action of another municipality this one was adapted from ("borrowed by").
    adapted_from_url = models.URLField(max_length=500, blank=True, db_index=True)

    class Meta:
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.title

    def data(self) -> dict[str, Any] | None:
        """The item as it stands in the plan's last good document."""
        items = (self.plan.document or {}).get("items") or []
        if self.position < len(items) and isinstance(items[self.position], dict):
            return items[self.position]
        return None


class Borrowing(models.Model):
    """An action copied by address from a followed plan, with the original's texts then."""

    item = models.OneToOneField(
        "avp_wagtail.ActionItemPage",
        on_delete=models.CASCADE,
        related_name="avp_borrowing",
    )
    original_url = models.URLField(max_length=500)
    plan_url = models.URLField(max_length=500)
    snapshot = models.JSONField(default=dict)
    borrowed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("borrowed action")
        verbose_name_plural = _("borrowed actions")

    def __str__(self) -> str:
        return self.original_url
