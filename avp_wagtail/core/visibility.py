"""Which pages a visitor may see: the one rule for every public listing, block, feed,
calendar and export of the package.

A page is visible when it is live and not in a section under a view restriction (Wagtail's
"private" pages: password, login or groups) that the visitor has not passed. Passing is
Wagtail's own check (``PageViewRestriction.accept_request``): the password given in this
session, being logged in, belonging to a group. Without a request (an e-mail, a
management command) only pages under no restriction at all are visible, as with Wagtail's
``PageQuerySet.public()``.

So an anonymous visitor never sees a restricted page's title in a list; a visitor who gave
a plan's password sees that plan's items on its page, in its feed and its export (a
restricted page's own sub-URLs are served through ``page.serve`` and Wagtail's
``before_serve_page`` restriction check asks for the password or login first).

``.live()`` alone is not "visible": use these helpers for anything the public sees.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import PageViewRestriction

_CACHE_ATTRIBUTE = "_avp_hidden_paths"
_RESTRICTIONS_ATTRIBUTE = "_avp_view_restrictions"

_QS = TypeVar("_QS", bound=QuerySet[Any])


def _passes(restriction: PageViewRestriction, request: HttpRequest | None) -> bool:
    if request is None or not hasattr(request, "session") or not hasattr(request, "user"):
        return False
    return restriction.accept_request(request)


def _restrictions(request: HttpRequest | None) -> list[PageViewRestriction]:
    """Every view restriction with its page (one query, once per request)."""
    if request is not None:
        cached = getattr(request, _RESTRICTIONS_ATTRIBUTE, None)
        if cached is not None:
            return cached
    restrictions = list(PageViewRestriction.objects.select_related("page"))
    if request is not None:
        setattr(request, _RESTRICTIONS_ATTRIBUTE, restrictions)
    return restrictions


def _outermost(paths: list[str]) -> list[str]:
    """The sorted paths without those inside another of them."""
    paths = sorted(set(paths))
    return [path for i, path in enumerate(paths) if not any(path.startswith(p) for p in paths[:i])]


def hidden_paths(request: HttpRequest | None = None) -> list[str]:
    """Tree paths of the sections the visitor may not see (one query, once per request)."""
    if request is not None:
        cached = getattr(request, _CACHE_ATTRIBUTE, None)
        if cached is not None:
            return cached
    paths = _outermost(
        [
            restriction.page.path
            for restriction in _restrictions(request)
            if not _passes(restriction, request)
        ]
    )
    if request is not None:
        setattr(request, _CACHE_ATTRIBUTE, paths)
    return paths


def visible_q(request: HttpRequest | None = None, prefix: str = "") -> Q:
    """A ``Q`` for visible pages; ``prefix`` is the lookup to the page (e.g. ``"page"`` on a
    model with a page foreign key)."""
    lookup = f"{prefix}__" if prefix else ""
    condition = Q(**{f"{lookup}live": True})
    for path in hidden_paths(request):
        condition &= ~Q(**{f"{lookup}path__startswith": path})
    return condition


def visible(queryset: _QS, request: HttpRequest | None = None) -> _QS:
    """The pages of ``queryset`` the visitor may see."""
    return queryset.filter(visible_q(request))


def is_public(page: Any, request: HttpRequest | None = None) -> bool:
    """Whether ``page`` is live and under no view restriction at all, whoever asks: what
    may be kept in a shared cache (``request`` only to reuse its restriction list)."""
    if page is None or not page.live:
        return False
    paths = [restriction.page.path for restriction in _restrictions(request)]
    return not any(page.path.startswith(path) for path in paths)


def is_visible(page: Any, request: HttpRequest | None = None) -> bool:
    """Whether the visitor may see ``page`` (no query once the request's rule is known)."""
    if page is None or not page.live:
        return False
    return not any(page.path.startswith(path) for path in hidden_paths(request))


def in_language_of(chosen: Any, page: Any, request: HttpRequest | None = None) -> Any:
    """``chosen`` (a page an editor picked, e.g. in a block) in the language of ``page``
    (the page it is shown on): its translation there, or ``chosen`` itself when it has none
    the visitor may see, so an English home page shows the English plan. A translation
    under a view restriction the visitor has not passed counts as none; the caller still
    checks the page it gets."""
    locale_id = getattr(page, "locale_id", None)
    if chosen is None or not locale_id or chosen.locale_id == locale_id:
        return chosen
    translation = visible(
        type(chosen).objects.filter(translation_key=chosen.translation_key, locale_id=locale_id),
        request,
    ).first()
    return translation or chosen
