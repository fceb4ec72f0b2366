"""Behaviour shared by the AVP page types; a host site can reuse these on its own pages."""

from ..conf import get_setting


class AvpPageMixin:
    """Puts the host's base template and the programme's common goal in the context."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["avp_base_template"] = get_setting("BASE_TEMPLATE")
        context["avp_main_landmark"] = get_setting("MAIN_LANDMARK")
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
