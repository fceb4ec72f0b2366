"""The network plugs into the page types (``avp_wagtail.core.plugins``): the programme's
network document sub-URL and discovery link, the followed municipalities' plans and
actions on the network page, and "borrowed by" on an action another municipality copied.
Every context entry is lazy: nothing is queried unless a template uses it."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.urls import URLPattern, path
from django.utils.text import slugify

from avp_wagtail.core.choices import ItemStatus, OgpValue
from avp_wagtail.core.sites import full_url
from avp_wagtail.federation.models import FollowedItem, FollowedPlan
from avp_wagtail.federation.views import programme_network_view
from avp_wagtail.models import ActionItemPage, NetworkPage, OpenGovernmentPage
from avp_wagtail.models.network import PAGE_SIZE, NetworkFilterForm

PAGE_PARAM = "network_page"


def network_routes(page_class: type) -> list[URLPattern]:
    if issubclass(page_class, OpenGovernmentPage):
        return [path("network/json/", programme_network_view, name="avp_network_json")]
    return []


class FollowedNetwork:
    """The followed municipalities' plans and actions for a network page, filtered by the
    page's own filter form (whose theme and tag choices it extends with theirs)."""

    def __init__(self, page: Any, request: HttpRequest, context: dict[str, Any]) -> None:
        self.page = page
        self.request = request
        self.context = context
        site = page.get_site()
        self.plans_qs = FollowedPlan.objects.filter(source__site=site).exclude(document={})
        self.items_qs = FollowedItem.objects.filter(plan__in=self.plans_qs).select_related(
            "plan__source"
        )

    @cached_property
    def plans(self) -> list[FollowedPlan]:
        return list(
            self.plans_qs.select_related("source").order_by("source__municipality", "title")
        )

    def extend_form(self) -> None:
        """The page's filter form again, with the followed actions' themes and tags (no
        query more when the site follows nobody)."""
        form = self.context.get("filter_form")
        if form is None or not self.plans:
            return
        rows = list(self.items_qs.values_list("theme", "tags"))
        themes = {choice for choice, _label in form.fields["theme"].choices if choice}
        themes |= {theme for theme, _tags in rows if theme}
        tags = {slug: str(name) for slug, name in form.fields["tag"].choices if slug}
        for _theme, names in rows:
            for name in names or []:
                tags.setdefault(slugify(name), name)
        self.context["filter_form"] = NetworkFilterForm(
            self.request.GET or None,
            themes=sorted(themes, key=str.lower),
            tags=sorted(((s, n) for s, n in tags.items() if s), key=lambda pair: pair[1].lower()),
        )

    @cached_property
    def items(self) -> Any:
        items = self.items_qs.order_by("plan__source__municipality", "plan__title", "position")
        form = self.context.get("filter_form")
        if form is not None and form.is_bound:
            if not form.is_valid():
                return Paginator(items.none(), PAGE_SIZE).get_page(1)
            data = form.cleaned_data
            if data.get("theme"):
                items = items.filter(theme=data["theme"])
            if data.get("status"):
                items = items.filter(status=data["status"])
            chosen = [
                pk
                for pk, values in items.values_list("pk", "ogp_values")
                if not data.get("ogp") or data["ogp"] in (values or [])
            ]
            if data.get("tag"):
                chosen = [
                    pk
                    for pk, names in items.filter(pk__in=chosen).values_list("pk", "tags")
                    if data["tag"] in {slugify(name) for name in names or []}
                ]
            items = items.filter(pk__in=chosen)
        page = Paginator(items, PAGE_SIZE).get_page(self.request.GET.get(PAGE_PARAM))
        labels = dict(OgpValue.choices)
        statuses = dict(ItemStatus.choices)
        for item in page:
            item.ogp_labels = [str(labels.get(value, value)) for value in item.ogp_values]
            item.status_label = statuses.get(item.status, "")
        return page


class BorrowedBy:
    """Followed municipalities' actions adapted from this action (their export's
    ``adapted_from`` names one of this action's addresses)."""

    def __init__(self, page: Any, request: HttpRequest) -> None:
        self.page = page
        self.request = request

    @cached_property
    def items(self) -> list[FollowedItem]:
        versions = ActionItemPage.objects.filter(translation_key=self.page.translation_key)
        urls: set[str] = set()
        for version in versions:
            for url in (full_url(version), full_url(version, self.request)):
                if url:
                    urls |= {url, url.rstrip("/"), url.rstrip("/") + "/"}
        if not urls:
            return []
        return list(
            FollowedItem.objects.filter(
                adapted_from_url__in=urls, plan__source__site=self.page.get_site()
            )
            .select_related("plan__source")
            .order_by("plan__source__municipality", "title")
        )

    def __bool__(self) -> bool:
        return bool(self.items)


def add_network_context(page: Any, request: HttpRequest, context: dict[str, Any]) -> None:
    if isinstance(page, OpenGovernmentPage):
        if page.in_network:
            base = page.get_url(request) or ""
            context["avp_network_document_url"] = base + page.reverse_subpage("avp_network_json")
    elif isinstance(page, NetworkPage):
        followed = FollowedNetwork(page, request, context)
        followed.extend_form()
        context["avp_followed"] = followed
    elif isinstance(page, ActionItemPage):
        context["avp_borrowed_by"] = BorrowedBy(page, request)
