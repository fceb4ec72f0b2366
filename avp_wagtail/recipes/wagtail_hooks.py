"""Registers the recipes app with Wagtail and with the package's plug-in hooks
(``avp_wagtail.core.plugins``); the behaviour lives elsewhere."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from avp_wagtail.core.plugins import DASHBOARD_HOOK
from avp_wagtail.recipes import views
from avp_wagtail.recipes.conf import recipe_setting
from avp_wagtail.recipes.dashboard import programme_checklists

hooks.register(DASHBOARD_HOOK, programme_checklists)

urlpatterns = [
    path("", views.RecipesView.as_view(), name="recipes"),
    path("texts/", views.RecipesJsonView.as_view(), name="texts"),
    path("checklists/", views.ChecklistIndexView.as_view(), name="checklists"),
    path("checklists/<int:page_id>/", views.ChecklistView.as_view(), name="checklist"),
    path("start/", views.StartProgrammeView.as_view(), name="start"),
]


@hooks.register("register_admin_urls")
def register_recipes_urls():
    return [path("avp/recipes/", include((urlpatterns, "avp_recipes"), namespace="avp_recipes"))]


@hooks.register("register_admin_menu_item")
def register_recipes_menu():
    submenu = Menu(
        items=[
            MenuItem(_("Recipes"), reverse("avp_recipes:recipes"), icon_name="help", order=100),
            MenuItem(
                _("Programme checklists"),
                reverse("avp_recipes:checklists"),
                icon_name="tasks",
                order=200,
            ),
            MenuItem(
                _("Start a programme"), reverse("avp_recipes:start"), icon_name="plus", order=300
            ),
        ]
    )
    return SubmenuMenuItem(
        _("Open government recipes"), submenu, name="avp-recipes", icon_name="tasks", order=350
    )


@hooks.register("insert_global_admin_css")
def recipes_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("avp_wagtail/recipes/recipes.css")
    )


@hooks.register("insert_global_admin_js")
def recipes_js():
    """The id links (recipe-links.js): the texts come from the JSON view, in the admin
    user's language."""
    if not recipe_setting("RECIPES_ADMIN_LINKS"):
        return ""
    return format_html(
        '<script src="{}" data-avp-recipes-texts="{}" defer></script>',
        static("avp_wagtail/recipes/recipe-links.js"),
        reverse("avp_recipes:texts"),
    )
