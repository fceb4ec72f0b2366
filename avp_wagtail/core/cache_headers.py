"""HTTP caching headers of the AVP pages and their sub-URLs (feeds, calendars, exports).

A response may be kept by a shared cache (a CDN or a caching proxy in front of the app
servers) only when it is the same for every visitor: a GET of a page under no view
restriction, answered 200 to a visitor who is not logged in, without a form (no CSRF token
was used, so no per-visitor cookie) and without cookies of its own. Such a response gets
``Cache-Control: public, max-age=0, s-maxage=<HTTP_CACHE_SECONDS>`` and ``Vary: Cookie``:
browsers ask again each time, a shared cache keeps it for the given seconds, and publishing
purges it at once when Wagtail's frontend cache is set up (``avp_wagtail.frontend_cache``).
Everything else (a logged-in editor, a form or a form's errors, a restricted page, an error
page) gets ``Cache-Control: private, no-cache, no-store, must-revalidate``.
``HTTP_CACHE_SECONDS = 0`` turns the public header off (then every response is private).

A sub-URL is a candidate only when its view says so with ``@shareable`` (feeds, calendars,
open data): a view acting on a link's token (confirming a follow, unsubscribing) answers
one person and stays private even without a form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

from avp_wagtail.conf import get_setting
from avp_wagtail.core.visibility import is_public

_View = TypeVar("_View", bound=Callable[..., Any])


def shareable(view: _View) -> _View:
    """Mark a sub-URL view whose answer is the same for every anonymous visitor."""
    view.avp_shareable = True  # type: ignore[attr-defined]
    return view


def is_shareable_view(view: Any) -> bool:
    """The page itself (no view, or the routable page's index) or a ``@shareable`` view."""
    if view is None:
        return True
    function = getattr(view, "__func__", view)
    return getattr(function, "__name__", "") == "index_route" or bool(
        getattr(function, "avp_shareable", False)
    )


def _shareable(page: Any, request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not (user is not None and user.is_authenticated)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.cookies
        and is_public(page, request)
    )


def _apply(
    page: Any, request: HttpRequest, response: HttpResponse, candidate: bool
) -> HttpResponse:
    if response.has_header("Cache-Control"):  # decided already (by a view or an inner serve)
        return response
    seconds = int(get_setting("HTTP_CACHE_SECONDS") or 0)
    if candidate and seconds > 0 and _shareable(page, request, response):
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        patch_vary_headers(response, ("Cookie",))
    else:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


def cache_headers(page: Any, request: HttpRequest, response: Any, view: Any = None) -> Any:
    """Set the caching headers of ``response`` (of the page, or of its sub-URL ``view``),
    after a template response is rendered (only then is it known whether a form used a
    CSRF token)."""
    if not isinstance(response, HttpResponse):
        return response
    candidate = is_shareable_view(view)
    if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
        response.add_post_render_callback(
            lambda rendered: _apply(page, request, rendered, candidate)
        )
        return response
    return _apply(page, request, response, candidate)
