"""What the public pages of ideas show: the filtered, paginated listing and one idea with
where it went, in the reader's language (theme titles and action items of the page's
language version where one exists)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet

from avp_wagtail.core.cleaning import parse_id
from avp_wagtail.core.visibility import visible
from avp_wagtail.ideas.choices import ResponseState
from avp_wagtail.ideas.conf import idea_setting
from avp_wagtail.ideas.models import Idea
from avp_wagtail.models import ActionItemPage

ORDERS = {
    "newest": ("-created_at", "-pk"),
    "supported": ("-support_count", "-created_at", "-pk"),
}


@dataclass
class IdeaFilters:
    theme: str = ""
    response: str = ""
    order: str = "newest"

    @classmethod
    def from_query(cls, query: Any, theme_keys: set[str]) -> IdeaFilters:
        """Only known values count: anything else is "all" (never an error)."""
        theme = query.get("theme", "")
        response = query.get("response", "")
        order = query.get("order", "")
        return cls(
            theme=theme if theme in theme_keys else "",
            response=response if response in ResponseState.values else "",
            order=order if order in ORDERS else "newest",
        )

    @property
    def active(self) -> bool:
        return bool(self.theme or self.response or self.order != "newest")


def theme_titles(page: Any) -> dict[str, str]:
    """``{theme translation key: title}`` in the page's language (one query)."""
    return {str(theme.translation_key): theme.title for theme in page.themes.all()}


def retitle(ideas: Any, titles: dict[str, str]) -> None:
    """Give each idea ``theme_title``: its theme in the reader's language if translated."""
    for idea in ideas:
        theme = idea.theme
        idea.theme_title = (
            titles.get(str(theme.translation_key), theme.title) if theme is not None else ""
        )


def public_ideas(page: Any) -> QuerySet[Idea]:
    return Idea.objects.of_plan(page).public().with_support_count().select_related("theme")


def listing_page(page: Any, query: Any) -> tuple[PaginatorPage, IdeaFilters, dict[str, str]]:
    """The page of public ideas the query asks for, with the filters read from it. A
    constant number of queries, however many ideas and supports there are."""
    titles = theme_titles(page)
    filters = IdeaFilters.from_query(query, set(titles))
    ideas = public_ideas(page)
    if filters.theme:
        ideas = ideas.filter(theme__translation_key=filters.theme)
    if filters.response:
        ideas = ideas.filter(response_state=filters.response)
    ideas = ideas.order_by(*ORDERS[filters.order])
    paginator = Paginator(ideas, idea_setting("IDEA_PER_PAGE"))
    number = parse_id(query.get("page")) or 1
    result = paginator.get_page(number)
    retitle(result.object_list, titles)
    return result, filters, titles


def public_idea(page: Any, idea_id: Any) -> Idea | None:
    pk = parse_id(idea_id)
    if pk is None:
        return None
    idea = public_ideas(page).select_related("merged_into").filter(pk=pk).first()
    if idea is not None:
        retitle([idea], theme_titles(page))
    return idea


def in_language(pages: Any, locale_id: int, request: Any = None) -> list[Any]:
    """Each page in the reader's language version where one the visitor may see exists,
    else itself."""
    pages = list(pages)
    if not pages:
        return []
    model = type(pages[0])
    versions = model.objects.filter(
        translation_key__in=[p.translation_key for p in pages], locale_id=locale_id
    )
    translated = {p.translation_key: p for p in visible(versions, request)}
    return [translated.get(p.translation_key, p) for p in pages]


def became(idea: Idea, page: Any, request: Any = None) -> list[Any]:
    """The action items the idea became that the visitor may see (live, under no view
    restriction they have not passed), in the reader's language where translated."""
    items = visible(ActionItemPage.objects.filter(pk__in=idea.action_items.values("pk")), request)
    return in_language(items.order_by("title"), page.locale_id, request)
