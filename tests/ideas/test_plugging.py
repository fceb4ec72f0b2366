"""How the ideas app plugs into the plan and item pages: its routes exist only on the plan
page type, its context costs no query until an include uses it, and the includes the page
templates add show the collection and "this action came from these ideas"."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from avp_wagtail.ideas.choices import IdeaState, ResponseState
from avp_wagtail.ideas.routes import add_idea_context
from avp_wagtail.models import ActionItemPage, ActionPlanPage, OpenGovernmentPage
from tests.builders import make_item

from .helpers import make_idea

pytestmark = pytest.mark.django_db


def test_the_routes_are_the_plan_pages_only():
    assert ActionPlanPage.has_subpage(ActionPlanPage(), "ideas")
    assert not any(getattr(p, "name", "") == "ideas" for p in OpenGovernmentPage.get_subpage_urls())


def test_the_context_queries_nothing_until_used(plan, django_assert_num_queries):
    request = RequestFactory().get("/")
    context = {}
    with django_assert_num_queries(0):
        add_idea_context(plan, request, context)
    assert "plan_ideas" in context


def test_the_plan_include_links_the_collection(plan, collection, english_ui):
    make_idea(plan, 1)
    make_idea(plan, 2, state=IdeaState.PENDING)
    request = RequestFactory().get("/")
    context = {}
    add_idea_context(plan, request, context)
    html = render_to_string("avp_wagtail/ideas/plan_link.html", context)
    assert f'href="{plan.url}ideas/"' in html
    assert "1 idea" in html
    assert f'href="{plan.url}ideas/new/"' in html


def test_the_plan_include_shows_nothing_without_a_collection(plan):
    context = {}
    add_idea_context(plan, RequestFactory().get("/"), context)
    assert render_to_string("avp_wagtail/ideas/plan_link.html", context).strip() == ""


def test_the_item_include_names_the_ideas_it_came_from(plan, collection):
    item = make_item(plan, 1)
    idea = make_idea(plan, 1, response_state=ResponseState.ACCEPTED)
    idea.action_items.add(item)
    make_idea(plan, 2, state=IdeaState.HIDDEN).action_items.add(item)
    context = {}
    add_idea_context(ActionItemPage.objects.get(pk=item.pk), RequestFactory().get("/"), context)
    html = render_to_string("avp_wagtail/ideas/item_sources.html", context)
    assert f'href="{plan.url}ideas/{idea.pk}/"' in html
    assert "Idee 1" in html
    assert "Idee 2" not in html
