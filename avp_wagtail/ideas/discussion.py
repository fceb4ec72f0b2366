"""Residents discuss an idea: the ideas app's *target* for the optional comments app
(``avp_discussion_targets``, registered in ``wagtail_hooks``; the protocol is documented in
``avp_wagtail.comments.targets``, which this app does not import).

Each public idea has one discussion, shown on its page under every language version of its
plan (``<plan>/ideas/<id>/``). The plan is the idea's host page: its Site's comment
moderation setting applies, its moderators moderate and answer, the admin's multi-site
scope and erasure keep to it. The plan's own discussion is another one. Without the
comments app nothing here is used, and ideas have no discussion.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from avp_wagtail.core.cleaning import parse_id
from avp_wagtail.core.plugins import DISCUSSION_TARGET_HOOK
from avp_wagtail.ideas.choices import ResponseState
from avp_wagtail.ideas.models import Idea, IdeaCollection


class IdeaDiscussion:
    """The discussion of an idea (``avp_discussion_targets``)."""

    hook = DISCUSSION_TARGET_HOOK
    model = Idea

    def get(self, pk: Any) -> Idea | None:
        number = parse_id(pk)
        if number is None:
            return None
        return Idea.objects.select_related("plan", "merged_into").filter(pk=number).first()

    def host_page(self, idea: Idea) -> Any:
        """The plan's language version the idea was sent on (its translations share it)."""
        return idea.plan

    def is_shown(self, idea: Idea) -> bool:
        """Public ideas of a plan with an idea collection: those with a page of their own."""
        return idea.is_public and IdeaCollection.of_plan(idea.plan) is not None

    def closed_reason(self, idea: Idea) -> Any:
        merged = idea.merged_into
        if idea.response_state == ResponseState.MERGED and merged is not None and merged.is_public:
            return _("This idea was merged with another one: the discussion goes on there.")
        return None

    def url_on(self, idea: Idea, page_url: str) -> str:
        return idea.url_in(page_url)

    def title(self, idea: Idea) -> str:
        return idea.title

    def host_ids(self, pages: QuerySet[Any]) -> QuerySet[Idea]:
        return Idea.objects.filter(plan__in=pages.values("pk"))

    def host_page_of(self, object_id: Any) -> Subquery:
        return Subquery(Idea.objects.filter(pk=object_id).values("plan_id")[:1])

    def render(self, idea: Idea, page: Any, request: HttpRequest) -> HttpResponse:
        from avp_wagtail.ideas.views import idea_view

        # The comment was posted to the comments app's URL: the idea's page is shown as if
        # served at its own sub-URL, so that its links (canonical, share, breadcrumbs,
        # languages) are the idea's, not the plan's.
        request.routable_resolver_match = page.resolve_subpage(f"/ideas/{idea.pk}/")
        return idea_view(page, request, idea.pk)
