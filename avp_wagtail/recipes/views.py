"""The recipes' admin views: the recommendations by phase, their texts as JSON for the id
links, the programme checklists (with manual ticks) and the new-programme wizard."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from avp_wagtail.core.cleaning import parse_id
from avp_wagtail.models.network import reader_versions
from avp_wagtail.recipes import catalogue, checklist
from avp_wagtail.recipes.forms import StartProgrammeForm, TickForm
from avp_wagtail.recipes.models import ChecklistTick
from avp_wagtail.recipes.permissions import editable_programmes, programme_for
from avp_wagtail.recipes.wizard import start_programme


def _locale_id(language: str | None) -> int | None:
    from wagtail.models import Locale

    code = (language or "").split("-")[0]
    locale = Locale.objects.filter(language_code=code).first()
    return locale.pk if locale else None


def programmes_in_language(user: Any) -> list[Any]:
    """The user's programmes, one per translation group: the version in the admin's
    language where there is one."""
    pages = list(editable_programmes(user).select_related("locale"))
    return reader_versions(pages, _locale_id(get_language()))


class RecipesBase(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "tasks"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        items = [*self.breadcrumbs_items]
        if self.page_title != RecipesView.page_title:
            items.append({"url": reverse("avp_recipes:recipes"), "label": RecipesView.page_title})
        return [*items, {"url": "", "label": self.get_page_title()}]


class RecipesView(RecipesBase):
    template_name = "avp_wagtail/recipes/admin/recipes.html"
    page_title = gettext_lazy("Recipes")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["phases"] = catalogue.phases()
        context["programmes"] = programmes_in_language(self.request.user)
        return context


class RecipesJsonView(View):
    """{"label", "list_url", "recipes": {id: {title, text, phase}}} in the admin user's
    language, for the id links' popovers (recipe-links.js)."""

    def get(self, request: HttpRequest) -> JsonResponse:
        response = JsonResponse(
            {
                "language": catalogue.get("C1").language,
                "label": _("Recommendation"),
                "list_url": reverse("avp_recipes:recipes"),
                "recipes": catalogue.as_json(),
            },
            json_dumps_params={"ensure_ascii": False},
        )
        response["Cache-Control"] = "private, max-age=300"
        response["Vary"] = "Cookie, Accept-Language"
        return response


class ChecklistIndexView(RecipesBase):
    template_name = "avp_wagtail/recipes/admin/checklists.html"
    page_title = gettext_lazy("Programme checklists")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rows = []
        for programme in programmes_in_language(self.request.user):
            met, total = checklist.totals(checklist.build(programme, self.request))
            rows.append((programme, met, total, checklist.checklist_url(programme)))
        context["rows"] = rows
        return context


class ChecklistView(RecipesBase):
    """One programme's checklist; POST sets a manual tick (``recommendation``, ``done``,
    ``note``). ``page_id``: the programme or any page under it."""

    template_name = "avp_wagtail/recipes/admin/checklist.html"
    page_title = gettext_lazy("Programme checklist")

    def dispatch(self, request: HttpRequest, page_id: Any, **kwargs: Any) -> HttpResponseBase:
        self.programme = programme_for(request.user, parse_id(page_id) or 0)
        if self.programme.pk != parse_id(page_id):
            return redirect(checklist.checklist_url(self.programme))
        return super().dispatch(request, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.programme.title

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        phases = checklist.build(self.programme, self.request)
        invalid: TickForm | None = kwargs.get("invalid")
        for phase in phases:
            for item in phase.items:
                if not item.manual:
                    continue
                if invalid is not None and invalid.recipe_id == item.recipe.id:
                    item.form = invalid
                else:
                    tick = item.tick
                    item.form = TickForm(
                        initial={
                            "done": tick.done if tick else False,
                            "note": tick.note if tick else "",
                        },
                        recipe_id=item.recipe.id,
                    )
        met, total = checklist.totals(phases)
        context.update(
            programme=self.programme,
            phases=phases,
            met=met,
            total=total,
            edit_url=checklist.edit_url(self.programme),
            start_url=reverse("avp_recipes:start"),
        )
        return context

    def manual_ids(self) -> list[str]:
        return [
            item.recipe.id
            for phase in checklist.build(self.programme, self.request)
            for item in phase.items
            if item.manual
        ]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        recipe_id = request.POST.get("recommendation", "")
        if recipe_id not in self.manual_ids():
            messages.error(request, _("This recommendation is not ticked by hand."))
            return redirect(checklist.checklist_url(self.programme))
        form = TickForm(request.POST, recipe_id=recipe_id)
        if not form.is_valid():
            # The form says it (role="alert") next to the field; no message bar on top.
            response = self.render_to_response(self.get_context_data(invalid=form))
            response.status_code = 400
            return response
        ChecklistTick.objects.update_or_create(
            programme=self.programme,
            recommendation=recipe_id,
            defaults={
                "done": form.cleaned_data["done"],
                "note": form.cleaned_data["note"].strip(),
                "ticked_by": request.user,
            },
        )
        messages.success(request, _("The tick for %(id)s was saved.") % {"id": recipe_id})
        return redirect(checklist.checklist_url(self.programme) + "#tick-" + recipe_id)


class StartProgrammeView(RecipesBase):
    template_name = "avp_wagtail/recipes/admin/start.html"
    page_title = gettext_lazy("Start a programme")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = kwargs.get("form") or StartProgrammeForm(user=self.request.user)
        context["form"] = form
        context["may_add"] = bool(form.parents)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = StartProgrammeForm(request.POST, user=request.user)
        if not form.is_valid():
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 400
            return response
        pages = start_programme(
            form.cleaned_data["parent_page"],
            form.cleaned_data["title"],
            form.cleaned_data["language"],
            request.user,
        )
        programme = pages["programme"]
        messages.success(
            request,
            _(
                "The programme “%(title)s”, its first call to participate and an empty action "
                "plan were created as drafts. Replace the starting texts from the recipes "
                "with your own and publish each page when it is ready."
            )
            % {"title": programme.title},
        )
        return redirect("wagtailadmin_pages:edit", programme.pk)
