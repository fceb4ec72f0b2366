"""NetworkPage: the plans and actions of every municipality on this installation that
opted in, to find ideas to borrow (I3: good ideas travel beyond administrative borders)."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, Site
from wagtail.search import index

from ..choices import ItemStatus, OgpValue
from ..sites import municipality_name
from .mixins import AvpPageMixin
from .translation_fields import PAGE_TEXTS, texts

PAGE_SIZE = 50


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

    def __init__(self, *args, themes=(), tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Any"))] + [(t, t) for t in themes]
        self.fields["tag"].choices = [("", _("Any"))] + [(slug, name) for slug, name in tags]


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

    subpage_types = []
    template = "avp_wagtail/network_page.html"

    class Meta:
        verbose_name = _("network page")
        verbose_name_plural = _("network pages")

    def programmes(self):
        """Live programme pages that opted in, in this page's language."""
        from .programme import OpenGovernmentPage

        return list(
            OpenGovernmentPage.objects.live()
            .filter(in_network=True, locale_id=self.locale_id)
            .order_by("path")
        )

    @staticmethod
    def municipalities(programmes):
        """Programme path -> name of the municipality (site) it belongs to, in 2 queries."""
        sites = list(Site.objects.select_related("root_page"))
        keys = {site.root_page.translation_key: site for site in sites}
        roots = Page.objects.filter(translation_key__in=list(keys)).values_list(
            "translation_key", "path"
        )
        root_sites = [(path, keys[key]) for key, path in roots]
        names = {}
        for programme in programmes:
            for path, site in sorted(root_sites, key=lambda pair: -len(pair[0])):
                if programme.path.startswith(path):
                    names[programme.path] = municipality_name(site)
                    break
        return names

    def get_context(self, request, *args, **kwargs):
        from .action_item import OGP_VALUE_FIELDS, ActionItemPage
        from .plan import ActionPlanPage, PlanTheme
        from .tags import AvpTag

        context = super().get_context(request, *args, **kwargs)
        programmes = self.programmes()
        names = self.municipalities(programmes)
        within = Q(pk__in=[])
        for programme in programmes:
            within |= Q(path__startswith=programme.path)
        plans = {
            plan.path: plan
            for plan in ActionPlanPage.objects.live().filter(within, locale_id=self.locale_id)
        }
        items = (
            ActionItemPage.objects.live()
            .filter(within, locale_id=self.locale_id)
            .select_related("theme", "lead_implementer")
            .prefetch_related("tagged_items__tag")
            .order_by("path")
        )
        themes = sorted(
            set(
                PlanTheme.objects.filter(page__in=list(plans.values())).values_list(
                    "title", flat=True
                )
            )
        )
        tags = (
            AvpTag.objects.filter(tagged_action_items__content_object__in=items)
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
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
            programme = programme_of_plan.get(plan.path) if plan else None
            item.network_municipality = names.get(programme.path, "") if programme else ""
        context.update(
            filter_form=form,
            network_items=page_of_items,
            network_plans=[
                (plan, names.get(programme_of_plan[path].path, ""))
                for path, plan in sorted(plans.items())
                if programme_of_plan.get(path)
            ],
            network_municipalities=sorted(set(names.values())),
        )
        return context
