"""Parts of a page that are the same for every visitor who may see the same pages, cached
with Django's cache (the plan page's progress, "at a glance" and item table; the action
page's body).

A fragment is stored under a key made of everything that changes it:

- the page (its id and last publish) and the site, language and day it is shown on (a date
  that passes makes an action overdue);
- which sections under the page the visitor may not see (``core.visibility``): a visitor
  who passed a view restriction and one who did not never share a fragment;
- the *data version*: the newest entry of Wagtail's page log and model log (every publish,
  unpublish, move, delete, view restriction change and snippet edit through the admin, and
  every comment moderation action logs one) and the newest comment. One indexed query, read
  from the database, so a change made in one process is seen by every other, whatever
  cache backend each has;
- a *generation* in the cache that the signal receivers below replace on changes that are
  not logged (a page published or deleted in code, a comment posted): immediate in the
  process that made the change, and in every process sharing the cache (e.g. Redis).

So nothing has to find and delete stale entries: a change makes new keys, old entries
expire (``TIMEOUT``). ``MAX(id)`` is not a commit clock: two transactions committing at the
same moment can leave a fragment stale until the next change or ``TIMEOUT``.

Previews are never cached. What differs per visitor (forms, the discussion, the user bar)
stays outside the fragments.

The template side is the ``{% avp_fragment "name" %}...{% endavp_fragment %}`` tag
(``avp_wagtail.templatetags.avp_wagtail``); every fragment named here must be rendered
unconditionally by the template, or the page never counts as cached.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import connections, router
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from avp_wagtail.core.visibility import hidden_paths

TIMEOUT = 60 * 60  # seconds; a bound on staleness for changes nothing tells us about
PREFIX = "avp:fragment"
GENERATION_KEY = f"{PREFIX}:generation"


# Models whose newest row is part of the data version besides Wagtail's logs, added by the
# features that show them in fragments (the comments app adds its comments: ``track``).
_TRACKED: list[Any] = []


def _version_models() -> list[Any]:
    return [PageLogEntry, ModelLogEntry, *_TRACKED]


def track(model: Any) -> None:
    """Count ``model``'s rows in the data version and make every fragment stale when one is
    saved or deleted (idempotent). For a feature whose data a fragment shows without a log
    entry for each change, e.g. the comment counts of the plan's item table."""
    if model not in _TRACKED:
        _TRACKED.append(model)
    uid = f"{PREFIX}:{model._meta.label}"
    post_save.connect(bump, sender=model, dispatch_uid=f"{uid}:saved")
    post_delete.connect(bump, sender=model, dispatch_uid=f"{uid}:deleted")


def data_version() -> str:
    """The newest log entries and comment, in one query (the primary key indexes)."""
    models = _version_models()
    connection = connections[router.db_for_read(PageLogEntry)]
    quote = connection.ops.quote_name
    # Only the models' own table and column names go into the statement: no input.
    selects = ", ".join(
        f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {quote(model._meta.db_table)})"  # noqa: S608
        for model in models
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {selects}")
        row = cursor.fetchone()
    return "-".join(str(value or 0) for value in row)


def generation() -> str:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, value, None):
            value = cache.get(GENERATION_KEY) or value
    return str(value)


def bump(*args: Any, **kwargs: Any) -> None:
    """Make every cached fragment stale (a signal receiver)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


class Fragments:
    """The cached fragments of ``page`` for this request: ``cached`` is {name: html} when
    every one of ``names`` is in the cache, else None (the page computes its context and
    the template stores what it renders, through ``store``).

    ``scope``: the tree path under which the pages the fragments list live (the view
    restrictions that count); the page's own by default, "" for the whole tree. ``extra``:
    more values the fragments depend on (e.g. the screen of a discussion); ``enabled``
    False caches nothing (the fragments are rendered as usual)."""

    def __init__(
        self,
        page: Any,
        request: HttpRequest,
        names: Iterable[str],
        scope: str | None = None,
        extra: Iterable[Any] = (),
        enabled: bool = True,
    ) -> None:
        self.names = tuple(names)
        self.enabled = enabled and not getattr(request, "is_preview", False)
        self.keys: dict[str, str] = {}
        self.cached: dict[str, str] | None = None
        if not self.enabled:
            return
        site = Site.find_for_request(request)
        scope = page.path if scope is None else scope
        hidden = [p for p in hidden_paths(request) if p.startswith(scope)]
        parts = [
            page.pk,
            page.last_published_at.isoformat() if page.last_published_at else "",
            translation.get_language() or "",
            site.pk if site else "",
            timezone.localdate().isoformat(),
            ",".join(hidden),
            data_version(),
            generation(),
            *extra,
        ]
        digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]
        self.keys = {name: f"{PREFIX}:{page.pk}:{digest}:{name}" for name in self.names}
        found = cache.get_many(list(self.keys.values()))
        if len(found) == len(self.keys):
            self.cached = {name: found[key] for name, key in self.keys.items()}

    def get(self, name: str) -> str | None:
        return self.cached.get(name) if self.cached is not None else None

    def store(self, name: str, html: str) -> None:
        if self.enabled and name in self.keys:
            cache.set(self.keys[name], str(html), TIMEOUT)


def _page_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        bump()


def connect() -> None:
    """Connect the receivers (idempotent, from ``AppConfig.ready``): a page or snippet
    published or unpublished, a page moved or deleted. Features add theirs with ``track``."""
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(bump, dispatch_uid=f"{PREFIX}:{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid=f"{PREFIX}:page_deleted")
