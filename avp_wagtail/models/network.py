"""NetworkPage: the plans and actions of every municipality on this installation that
opted in, to find ideas to borrow (I3: good ideas travel beyond administrative borders)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page, Site
from wagtail.search import index

from avp_wagtail.core.choices import ItemStatus, OgpValue
from avp_wagtail.core.i18n import language_name
from avp_wagtail.core.sites import municipality_name
from avp_wagtail.core.visibility import visible, visible_q
from avp_wagtail.models.action_item import OGP_VALUE_FIELDS, ActionItemPage
from avp_wagtail.models.mixins import AvpPageMixin
from avp_wagtail.models.plan import ActionPlanPage, PlanTheme
from avp_wagtail.models.programme import OpenGovernmentPage
from avp_wagtail.models.tags import AvpTag, localized_tags
from avp_wagtail.models.translation_fields import PAGE_TEXTS, texts

PAGE_SIZE = 50


def _reader_rank(
    locale_id: int | None, default_locale_id: int | None
) -> Callable[[Any], tuple[bool, bool, str]]:
    """Sort key: the reader's language first, then the original (default) language."""
    return lambda page: (
        page.locale_id != locale_id,
        page.locale_id != default_locale_id,
        page.path,
    )


def reader_versions(
    pages: list[Any], locale_id: int | None, default_locale_id: int | None = None
) -> list[Any]:
    """One page per translation group of ``pages`` (kept in their order): the version in
    ``locale_id``, else the original in the default language, else the first. A programme,
    plan or action nobody translated into the reader's language is shown in its own
    language rather than hidden."""
    from wagtail.models import Locale

    if default_locale_id is None:
        default_locale_id = Locale.get_default().pk
    rank = _reader_rank(locale_id, default_locale_id)
    chosen: dict[Any, Any] = {}
    for page in pages:
        best = chosen.get(page.translation_key)
        if best is None or rank(page) < rank(best):
            chosen[page.translation_key] = page
    keep = {page.pk for page in chosen.values()}
    return [page for page in pages if page.pk in keep]


class NetworkFilterForm(forms.Form):
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    ogp = forms.ChoiceField(
        label=_("OGP value"),
        required=False,
        choices=[("", _("Any"))] + list(OgpValue.choices),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any"))] + list(ItemStatus.choices),
    )

    def __init__(
        self,
        *args: Any,
        themes: Iterable[str] = (),
        tags: Iterable[tuple[str, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # both are ChoiceFields
        self.fields["theme"].choices = [("", _("Any"))] + [(t, t) for t in themes]  # type: ignore[attr-defined]
        self.fields["tag"].choices = [("", _("Any"))] + [(slug, name) for slug, name in tags]  # type: ignore[attr-defined]


class NetworkPage(AvpPageMixin, Page):
    intro = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_("What the network is and how to borrow an idea (I3)."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    override_translatable_fields = PAGE_TEXTS + texts("intro")

    subpage_types: list[str] = []
    template = "avp_wagtail/network_page.html"

    class Meta:
        verbose_name = _("network page")
        verbose_name_plural = _("network pages")

    def programmes(
        self, every_language: bool = False, request: HttpRequest | None = None
    ) -> list[Any]:
        """Programme pages that opted in and the visitor may see (avp_wagtail.core.visibility):
        one per programme, in this page's language or else in its original language
        (``reader_versions``); with ``every_language``, all their language versions."""
        pages = list(visible(OpenGovernmentPage.objects.filter(in_network=True), request))
        pages.sort(key=lambda page: page.path)
        return pages if every_language else reader_versions(pages, self.locale_id)

    @staticmethod
    def municipalities(programmes: Iterable[Any]) -> dict[str, str]:
        """Programme path -> name of the municipality (site) it belongs to, in 2 queries."""
        sites = list(Site.objects.select_related("root_page"))
        keys = {site.root_page.translation_key: site for site in sites}
        roots = Page.objects.filter(translation_key__in=list(keys)).values_list(
            "translation_key", "path"
        )
        root_sites = [(path, keys[key]) for key, path in roots]
        names: dict[str, str] = {}
        for programme in programmes:
            for path, site in sorted(root_sites, key=lambda pair: -len(pair[0])):
                if programme.path.startswith(path):
                    names[programme.path] = municipality_name(site)
                    break
        return names

    def _other_language(self, page: Any) -> dict[str, str] | None:
        """{"code", "name"} of a page shown in another language than this network page's
        (no translation into it yet), else None."""
        if page.locale_id == self.locale_id:
            return None
        code = page.locale.language_code
        return {"code": code, "name": language_name(code)}

    def add_page_context(self, request: HttpRequest, context: dict[str, Any]) -> None:
        super().add_page_context(request, context)
        # Every language version of the programmes; each plan and action is then shown in
        # the reader's language, else in its original language (marked, see below).
        # Pages the visitor may see only (no restricted section she has not passed, see
        # avp_wagtail.core.visibility): one query.
        may_see = visible_q(request)
        default_locale_id = Locale.get_default().pk
        programmes = self.programmes(every_language=True, request=request)
        names = self.municipalities(programmes)
        within = Q(pk__in=[])
        for programme in programmes:
            within |= Q(path__startswith=programme.path)
        every_plan = list(
            ActionPlanPage.objects.filter(may_see)
            .filter(within)
            .select_related("locale")
            .order_by("path")
        )
        plans = {plan.path: plan for plan in every_plan}  # an item's own plan, any language
        shown_plans = reader_versions(every_plan, self.locale_id, default_locale_id)
        for plan in shown_plans:
            plan.network_language = self._other_language(plan)
        item_versions = ActionItemPage.objects.filter(may_see).filter(within)
        item_ids = [
            page.pk
            for page in reader_versions(
                item_versions.only("pk", "translation_key", "locale_id", "path").order_by("path"),
                self.locale_id,
                default_locale_id,
            )
        ]
        items = (
            ActionItemPage.objects.filter(pk__in=item_ids)
            .select_related("theme", "lead_implementer", "locale")
            # milestones: "overdue" beside the status (avp_wagtail.core.progress)
            .prefetch_related("tagged_items__tag", "milestones")
            .order_by("path")
        )
        themes = sorted(
            set(PlanTheme.objects.filter(page__in=shown_plans).values_list("title", flat=True))
        )
        # Filter by the original tag's slug, named in the page's language (one query more).
        tags = list(AvpTag.objects.filter(tagged_action_items__content_object__in=items).distinct())
        shown = localized_tags(tags, self.locale_id)
        tags = sorted(
            ((tag.slug, name.name) for tag, name in zip(tags, shown, strict=True)),
            key=lambda pair: pair[1].lower(),
        )
        form = NetworkFilterForm(request.GET or None, themes=themes, tags=tags)
        if form.is_valid():
            data = form.cleaned_data
            if data["theme"]:
                items = items.filter(theme__title=data["theme"])
            if data["tag"]:
                items = items.filter(tagged_items__tag__slug=data["tag"])
            if data["ogp"]:
                items = items.filter(**{OGP_VALUE_FIELDS[OgpValue(data["ogp"])]: True})
            if data["status"]:
                items = items.filter(status=data["status"])
        elif form.is_bound:
            items = items.none()
        page_of_items = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
        programme_of_plan = {
            path: next((p for p in programmes if path.startswith(p.path)), None) for path in plans
        }
        for item in page_of_items:
            plan = plans.get(item.path[: -ActionItemPage.steplen])
            item.network_plan = plan
            item.network_language = self._other_language(item)
            programme = programme_of_plan.get(plan.path) if plan else None
            item.network_municipality = names.get(programme.path, "") if programme else ""
        context.update(
            filter_form=form,
            network_items=page_of_items,
            network_plans=[
                (plan, names.get(programme_of_plan[plan.path].path, ""))  # type: ignore[union-attr]
                for plan in shown_plans
                if programme_of_plan.get(plan.path)
            ],
            network_municipalities=sorted(set(names.values())),
        )
