"""Behaviour shared by the AVP page types; a host site can reuse these on its own pages."""

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.http import HttpRequest
from wagtail.models import Page

from avp_wagtail.conf import get_setting
from avp_wagtail.core import i18n
from avp_wagtail.core.cache_headers import cache_headers
from avp_wagtail.core.plugins import add_plugin_context

if TYPE_CHECKING:
    # For the type checker the mixin is what it is always used as: a Page (so that
    # ``super().get_context`` resolves). At run time it stays a plain mixin.
    from wagtail.models import Page as _PageBase
else:
    _PageBase = object


class AvpPageMixin(_PageBase):
    """Adds what every AVP template needs to the context: the host's base template and
    landmark setting, the page's language versions (switcher, hreflang) and, on a
    translation, the authoritative original with its notice.

    A page type adds its own context in ``add_page_context``; then the features that are
    installed (sharing, feeds, open data, following, comments, …) add theirs through the
    ``avp_page_context`` hook (see ``avp_wagtail.core.plugins``), so they can use what the
    page computed (e.g. the plan's item list)."""

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        """The page, with its HTTP caching headers (``avp_wagtail.core.cache_headers``)."""
        return cache_headers(self, request, super().serve(request, *args, **kwargs))

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["avp_base_template"] = get_setting("BASE_TEMPLATE")
        context["avp_main_landmark"] = get_setting("MAIN_LANDMARK")
        languages = i18n.page_languages(self, request)
        context["avp_language_code"] = languages.code
        context["avp_language_versions"] = languages.versions
        if languages.original is not None:
            context["avp_original"] = languages.original
            context["avp_original_language_code"] = languages.original_code
            context["avp_translation_notice"] = i18n.translation_notice(languages.original_code)
        self.add_page_context(request, context)
        add_plugin_context(self, request, context)
        return context

    def add_page_context(self, request: HttpRequest, context: dict[str, Any]) -> None:
        """What this page type's template needs (page types extend it)."""

    def get_programme(self) -> Page | None:
        """The OpenGovernmentPage this page belongs to (itself, or the nearest ancestor)."""
        programme_page = apps.get_model("avp_wagtail", "OpenGovernmentPage")
        if isinstance(self, programme_page):
            return self
        return programme_page.objects.ancestor_of(self).order_by("-depth").first()

    def get_common_goal(self) -> str:
        """The common goal to show (C5): the page's own, else the programme's."""
        own = getattr(self, "common_goal", "")
        if own:
            return own
        programme = self.get_programme()
        return programme.common_goal if programme else ""

    def get_structured_data(
        self, common: dict[str, Any], publisher: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        """The page's schema.org description (JSON-LD), built on ``common`` (name, url,
        language, description) and ``publisher`` (the municipality); None for none."""
        return None
