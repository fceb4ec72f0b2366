"""Ideas plug into the plan page: its sub-URLs (``avp_page_routes``) and, for the plan's
and the action item's templates, a lazy ``ideas`` context entry (``avp_page_context``):
it queries nothing unless a template uses it."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.http import HttpRequest
from django.urls import URLPattern, path

from avp_wagtail.ideas.choices import IdeaState
from avp_wagtail.ideas.following import follow_confirm_view, follow_view, unfollow_view
from avp_wagtail.ideas.models import Idea, IdeaCollection
from avp_wagtail.ideas.views import (
    confirm_view,
    idea_view,
    ideas_view,
    new_idea_view,
    support_confirm_view,
    support_view,
    withdraw_view,
)
from avp_wagtail.models import ActionItemPage, ActionPlanPage


def idea_routes(page_class: type) -> list[URLPattern]:
    if not issubclass(page_class, ActionPlanPage):
        return []
    return [
        path("ideas/", ideas_view, name="ideas"),
        path("ideas/new/", new_idea_view, name="ideas_new"),
        path("ideas/confirm/", confirm_view, name="ideas_confirm"),
        path("ideas/support/confirm/", support_confirm_view, name="ideas_support_confirm"),
        path("ideas/support/withdraw/", withdraw_view, name="ideas_support_withdraw"),
        path("ideas/<int:idea_id>/", idea_view, name="idea"),
        path("ideas/<int:idea_id>/support/", support_view, name="idea_support"),
        path("ideas/follow/confirm/", follow_confirm_view, name="ideas_follow_confirm"),
        path("ideas/follow/stop/", unfollow_view, name="ideas_follow_stop"),
        path("ideas/<int:idea_id>/follow/", follow_view, name="idea_follow"),
    ]


class PlanIdeas:
    """What the plan page's include shows: the collection, its state and the count."""

    def __init__(self, page: Any, request: HttpRequest):
        self.page = page
        self.request = request

    @cached_property
    def url(self) -> str:
        return f"{self.page.get_url(self.request)}ideas/"

    @cached_property
    def collection(self) -> IdeaCollection | None:
        return IdeaCollection.of_plan(self.page)

    @cached_property
    def is_open(self) -> bool:
        return self.collection is not None and self.collection.is_open()

    @cached_property
    def count(self) -> int:
        return Idea.objects.of_plan(self.page).public().count()


class ItemIdeas:
    """What the action item's include shows: the public ideas the action came from."""

    def __init__(self, page: Any, request: HttpRequest):
        self.page = page
        self.request = request

    @cached_property
    def ideas(self) -> list[Idea]:
        ideas = list(
            Idea.objects.filter(
                state=IdeaState.PUBLIC, action_items__translation_key=self.page.translation_key
            )
            .select_related("plan")
            .distinct()
            .order_by("created_at")
        )
        plan = self.page.get_parent()
        plan_url = plan.get_url(self.request) if plan is not None else ""
        for idea in ideas:
            idea.url = idea.url_in(plan_url) if plan_url else ""  # type: ignore[attr-defined]
        return ideas


def add_idea_context(page: Any, request: HttpRequest, context: dict[str, Any]) -> None:
    if isinstance(page, ActionPlanPage):
        context["plan_ideas"] = PlanIdeas(page, request)
    elif isinstance(page, ActionItemPage):
        context["item_ideas"] = ItemIdeas(page, request)
