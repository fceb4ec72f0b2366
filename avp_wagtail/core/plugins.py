"""How features plug into the page types without the page types knowing them.

The models are the ground floor; feeds, open data, following, sharing and comments sit
above them and register here, through Wagtail's hook registry, from the package's
``wagtail_hooks.py`` (or, for the optional comments app, from its own):

``avp_page_routes``
    ``fn(page_class) -> iterable of django.urls.path()``. Extra sub-URLs of a page type
    that uses :class:`PluggableRoutesMixin`. Each view is called like a routable page's
    method: ``view(page, request, *args, **kwargs)``. Return nothing for page types the
    feature does not serve.

``avp_page_context``
    ``fn(page, request, context) -> None``. Adds what the feature's template fragments
    need to the context of every page that uses ``AvpPageMixin``.

``avp_personal_data``
    A *provider* object (not a function): one kind of residents' personal data, with
    ``kind`` (its key in ``AVP_WAGTAIL["RETENTION_DAYS"]``), ``default_days``, ``labels``,
    ``page_lookups`` and the methods ``erase_expired(days, now, dry_run)``,
    ``of_person(email)``, ``count(kind, rows)`` and ``erase(kind, rows)``; subclass
    ``avp_wagtail.privacy.retention.PersonalData``. The retention command
    (``avp_erase_expired``) and the admin's "Erase personal data" view go through every
    provider; the package registers its own kinds (expressions of interest, followers)
    this way, and the comments app its comments and unconfirmed comments.

``avp_dashboard_parts``
    ``fn(request) -> Component | None``. A part (a ``wagtail.admin.ui.components``
    ``Component``) shown at the top of the "Open government: needs attention" panel on the
    admin home page, e.g. the comments app's "N comments await moderation". Return None
    to show nothing for this user.

``avp_object_context``
    ``fn(obj, page, request, context) -> None``. Like ``avp_page_context`` for an object
    that is not a page but is shown on a page's sub-URL (an idea under its action plan):
    ``obj`` is the object, ``page`` the page whose sub-URL shows it.

``avp_discussion_targets``
    A *target* object (not a function) that lets the comments app hold a discussion on a
    model that is not a page (e.g. the ideas app's ``Idea``): which model, the page that
    hosts it (site, visibility, moderation), its URL and whether it takes comments.
    Defined and documented by the comments app (``avp_wagtail.comments``).

``avp_open_data``
    A *provider* object (not a function) that adds a feature's data to a plan's open data
    document (JSON and CSV, ``avp_wagtail.open_data``), e.g. the ideas app's public ideas
    and each action's ``source_ideas``; subclass
    ``avp_wagtail.open_data.extensions.OpenDataPart``. Its ``extend(document, context)``
    adds top-level keys to the document and keys to its items (``document["items"]``, in
    the order of ``context.items``, the action item pages the reader may see), in a
    constant number of queries; its ``csv_columns`` (header -> ``cell(item, document)``)
    are the CSV's columns after the schema's. The import never reads them. Without a
    provider the document has none of these keys.

``avp_recipe_status``
    ``fn(programme, recommendation_id, request) -> tuple[bool, str, str] | None``: what a
    feature knows about one recommendation (``"C2"``, ``"D3"`` …) of a programme (an
    ``OpenGovernmentPage``) for the programme checklist (``avp_wagtail.recipes``):
    ``(met, why, fix_url)`` with ``why`` a translated sentence saying what was found or
    what is missing and ``fix_url`` an admin URL where it is fixed ("" if none); ``None``
    when the feature has nothing to say about that recommendation. E.g. the outreach
    tracker answers C2, C3, C9 and C10. Called once per recommendation and programme.

A host site can register its own functions under the same names (documented in
docs/extending.md).
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.http import HttpRequest
from django.urls import URLPattern
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin

from avp_wagtail.core.cache_headers import cache_headers, is_shareable_view

ROUTES_HOOK = "avp_page_routes"
CONTEXT_HOOK = "avp_page_context"
PERSONAL_DATA_HOOK = "avp_personal_data"
DASHBOARD_HOOK = "avp_dashboard_parts"
OBJECT_CONTEXT_HOOK = "avp_object_context"
DISCUSSION_TARGET_HOOK = "avp_discussion_targets"
OPEN_DATA_HOOK = "avp_open_data"
RECIPE_STATUS_HOOK = "avp_recipe_status"

RouteProvider = Callable[[type], Iterable[URLPattern] | None]
ContextProvider = Callable[[Any, HttpRequest, dict[str, Any]], None]


class PluggableRoutesMixin(RoutablePageMixin):
    """A routable page whose sub-URLs are its own ``@path`` methods plus those that
    features register under ``avp_page_routes``."""

    @classmethod
    def get_subpage_urls(cls) -> tuple[URLPattern, ...]:
        routes = list(super().get_subpage_urls())
        for provide in hooks.get_hooks(ROUTES_HOOK):
            routes.extend(provide(cls) or ())
        return tuple(routes)

    def serve(
        self, request: HttpRequest, view: Any = None, args: Any = None, kwargs: Any = None
    ) -> Any:
        """The page or one of its sub-URLs, with its HTTP caching headers."""
        response = super().serve(request, view, args, kwargs)
        return cache_headers(self, request, response, view)

    def get_cached_paths(self) -> list[str]:
        """The paths a frontend cache purges on publish: the page and each shareable
        sub-URL without arguments (feeds, calendar, open data)."""
        paths = ["/"]
        for pattern in type(self).get_subpage_urls():
            route = str(pattern.pattern).lstrip("^").rstrip("$")
            if route and "<" not in route and is_shareable_view(pattern.callback):
                paths.append("/" + route.lstrip("/"))
        return list(dict.fromkeys(paths))

    def has_subpage(self, name: str) -> bool:
        """Whether a feature registered the sub-URL ``name`` for this page type."""
        return any(getattr(p, "name", None) == name for p in type(self).get_subpage_urls())


def add_plugin_context(page: Any, request: HttpRequest, context: dict[str, Any]) -> None:
    """Let every registered feature add to a page's template context."""
    for provide in hooks.get_hooks(CONTEXT_HOOK):
        provide(page, request, context)


def add_object_context(obj: Any, page: Any, request: HttpRequest, context: dict[str, Any]) -> None:
    """Let every registered feature add to the context of ``obj`` shown on ``page``."""
    for provide in hooks.get_hooks(OBJECT_CONTEXT_HOOK):
        provide(obj, page, request, context)
