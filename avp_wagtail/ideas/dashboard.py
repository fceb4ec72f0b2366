"""The ideas' part of the admin home page's "needs attention" panel (``avp_dashboard_parts``):
public and pending ideas still without the municipality's response, oldest first."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.ui.components import Component

from avp_wagtail.ideas.choices import IdeaState, ResponseState
from avp_wagtail.ideas.models import Idea
from avp_wagtail.ideas.permissions import IDEA_SCOPE, can_respond

SHOWN = 10


class IdeasAwaitingResponse(Component):
    template_name = "avp_wagtail/ideas/admin/dashboard_awaiting.html"

    def __init__(self, ideas, count, list_url):
        self.ideas = ideas
        self.count = count
        self.list_url = list_url

    def get_context_data(self, parent_context):
        return {"ideas": self.ideas, "ideas_count": self.count, "ideas_url": self.list_url}


def awaiting_response(user):
    """The ideas of ``user``'s municipality that await a response, oldest first."""
    rows = Idea.objects.filter(
        state__in=[IdeaState.PUBLIC, IdeaState.PENDING], response_state=ResponseState.NONE
    )
    return IDEA_SCOPE.filter(rows, user).order_by("created_at", "pk")


def ideas_awaiting(request):
    """``avp_dashboard_parts`` hook: for those who may respond, and only when some wait."""
    user = request.user
    if not can_respond(user):
        return None
    rows = awaiting_response(user)
    count = rows.count()
    if not count:
        return None
    ideas = list(rows.select_related("plan")[:SHOWN])
    for idea in ideas:
        idea.edit_url = reverse("avp_ideas:edit", args=[idea.pk])
    list_url = reverse("avp_ideas:list") + f"?response_state={ResponseState.NONE}"
    return IdeasAwaitingResponse(ideas, count, list_url)
