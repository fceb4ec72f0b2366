"""The recipes app's settings: ``RECIPES_*`` keys of the host's ``AVP_WAGTAIL`` dict, with
the app's own defaults (the core knows nothing of recipes). See docs/recipes.md."""

from django.conf import settings

DEFAULTS = {
    # Turn the recommendation ids in the admin's help texts and headings ("Roles (D2)") into
    # links to the recipes page with the text on hover and focus.
    "RECIPES_ADMIN_LINKS": True,
    # At most this many programmes on the dashboard part (the editor's, by title).
    "RECIPES_DASHBOARD_PROGRAMMES": 5,
}


def recipe_setting(name):
    """One ``AVP_WAGTAIL["RECIPES_…"]`` setting, read at call time (tests override it)."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown AVP_WAGTAIL recipes setting: {name}")
    return getattr(settings, "AVP_WAGTAIL", {}).get(name, DEFAULTS[name])
