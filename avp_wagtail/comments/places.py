"""Where a discussion is: what its comments hang on (the *holder*), the language version of
a page a resident reads and writes it on, and the URL that shows it there.

A page's discussion is held by its translation group's thread page (``threads``) and shown
on each language version of the page. An object's (``targets``: an idea) is held by the
object and shown on its own URL under each language version of its host page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from avp_wagtail.comments.targets import target_for_content_type


@dataclass
class Place:
    holder: Any  # the comments' content_object: a thread page, or a target's object
    page: Any  # the (specific) language version of the page it is read or written on
    target: Any = None  # the object's target (None for a page)

    @property
    def host(self) -> Any:
        """The page whose Site, moderation setting and moderators the discussion has."""
        return self.holder if self.target is None else self.target.host_page(self.holder)

    def url(self, request: Any = None) -> str:
        """The discussion's URL on ``page`` (relative to the request's host)."""
        return self.url_under(self.page.get_url(request))

    def full_url(self) -> str:
        return self.url_under(self.page.get_full_url())

    def url_under(self, page_url: str | None) -> str:
        if self.target is None or not page_url:
            return page_url or ""
        return self.target.url_on(self.holder, page_url)

    @property
    def title(self) -> str:
        """What e-mails and messages call the discussion ("your comment on <title>")."""
        if self.target is None:
            return self.page.title
        return self.target.title(self.holder)

    def closed_reason(self) -> Any:
        if self.target is None:
            return self.holder.comments_closed_reason()
        return self.target.closed_reason(self.holder)


def object_holder(content_type_id: Any, object_pk: Any) -> tuple[Any, Any] | None:
    """``(object, target)`` for a target's object the public may see (on a live host page),
    or None (not a target's model, no such object, or hidden)."""
    target = target_for_content_type(content_type_id)
    if target is None:
        return None
    obj = target.get(object_pk)
    if obj is None or not target.is_shown(obj):
        return None
    host = target.host_page(obj)
    if host is None or not host.live:
        return None
    return obj, target


def host_version(obj: Any, target: Any, page_id: Any) -> Any:
    """The live language version ``page_id`` of ``obj``'s host page (specific), or None
    (another page, not live, or no such page)."""
    from avp_wagtail.core.cleaning import parse_id

    host = target.host_page(obj)
    if host is None:
        return None
    return (
        type(host)
        .objects.live()
        .filter(pk=parse_id(page_id) or 0, translation_key=host.translation_key)
        .first()
    )
