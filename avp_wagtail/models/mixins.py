"""Behaviour shared by the AVP page types; a host site can reuse these on its own pages."""

from django.apps import apps

from .. import i18n
from ..conf import get_setting
from ..sharing import sharing_context


def comments_installed():
    """Whether the host site installed the optional comments app."""
    return apps.is_installed("avp_wagtail.comments")


class AvpPageMixin:
    """Adds what every AVP template needs to the context: the host's base template and
    landmark setting, the page's language versions (switcher, hreflang) and, on a
    translation, the authoritative original with its notice. With ``avp_wagtail.comments``
    installed, commentable pages also get ``avp_comments`` (the shared discussion)."""

    def get_context(self, request, *args, **kwargs):
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
        context["avp_sharing"] = sharing_context(self, request)
        if comments_installed() and hasattr(self, "comments_closed_reason"):
            from ..comments.context import comment_context

            context["avp_comments"] = comment_context(self, request)
        return context

    def get_programme(self):
        """The OpenGovernmentPage this page belongs to (itself, or the nearest ancestor)."""
        from .programme import OpenGovernmentPage

        if isinstance(self, OpenGovernmentPage):
            return self
        return OpenGovernmentPage.objects.ancestor_of(self).order_by("-depth").first()

    def get_common_goal(self):
        """The common goal to show (C5): the page's own, else the programme's."""
        own = getattr(self, "common_goal", "")
        if own:
            return own
        programme = self.get_programme()
        return programme.common_goal if programme else ""
