"""The admin's "Create an action item from this idea": what will happen (GET), then a new
draft action item of the idea's plan, prefilled from the idea, with the idea accepted into
the plan as that action (POST), and on to the page editor to complete it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log

from avp_wagtail.core.cleaning import parse_id
from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.ideas.choices import IdeaState, ResponseState
from avp_wagtail.ideas.models import Idea
from avp_wagtail.ideas.permissions import IDEA_SCOPE, can_create_action
from avp_wagtail.ideas.tasks import send_response_changed
from avp_wagtail.models import ActionItemPage
from avp_wagtail.open_data.rich_text import clean_rich_text

CREATE_ACTION = "avp_ideas.create_action"


def as_rich_text(text: str) -> str:
    """A resident's plain text as rich text: escaped, in paragraphs, line breaks kept."""
    text = text.strip()
    return clean_rich_text(linebreaks(text, autoescape=True)) if text else ""


def new_action_item(idea: Idea, user: Any) -> ActionItemPage:
    """A draft action item of the idea's plan (the language version it was sent on), its
    title, summary, problem and theme taken from the idea; a first revision saved."""
    plan = idea.plan
    theme = idea.theme if idea.theme_id and idea.theme.page_id == plan.pk else None
    title = idea.title.strip()[:255]
    page = ActionItemPage(
        title=title,
        slug=find_available_slug(plan, slugify(title)[:200] or "action"),
        summary=idea.proposal.strip() or title,
        problem=as_rich_text(idea.problem),
        theme=theme,
        owner=user,
        locale=plan.locale,
        live=False,
    )
    plan.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def accept_into_plan(idea: Idea, known: int, user: Any) -> ActionItemPage | None:
    """Create the action item and accept the idea into the plan as it, unless the idea's
    action items are no longer the ``known`` number the editor saw (a second submit, or
    another editor meanwhile): then nothing happens and None is returned."""
    with transaction.atomic():
        # of=("self",): the theme is a nullable join, which PostgreSQL cannot lock.
        idea = (
            Idea.objects.select_for_update(of=("self",))
            .select_related("plan", "theme")
            .get(pk=idea.pk)
        )
        if idea.action_items.count() != known or idea.state == IdeaState.UNCONFIRMED:
            return None
        page = new_action_item(idea, user)
        idea.action_items.add(page)
        changed = idea.response_state != ResponseState.ACCEPTED
        idea.response_state = ResponseState.ACCEPTED
        idea.merged_into = None
        idea.responded_at = timezone.now()
        idea.save(update_fields=["response_state", "merged_into", "responded_at"])
        log(idea, CREATE_ACTION, user=user, data={"page_id": page.pk, "title": page.title})
        if changed and idea.is_public:
            enqueue_after_commit(send_response_changed, idea.pk)
    return page


class CreateActionForm(forms.Form):
    known = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    another = forms.BooleanField(
        label=gettext_lazy("Yes, create one more action item from this idea"), required=False
    )

    def __init__(self, *args: Any, existing: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.existing = existing
        if not existing:
            del self.fields["another"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        # (A form sent before the idea had its actions is answered by the view instead.)
        seen = cleaned.get("known") == self.existing
        if self.existing and seen and not cleaned.get("another"):
            self.add_error(
                "another",
                _("The idea already became an action item: tick the box to create one more."),
            )
        return cleaned


class CreateActionView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "avp_wagtail/ideas/admin/create_action.html"
    page_title = gettext_lazy("Create an action item from this idea")
    header_icon = "pick"

    def dispatch(self, request: HttpRequest, idea_id: Any, **kwargs: Any) -> HttpResponseBase:
        # Another municipality's idea is as absent as one that does not exist.
        ideas = IDEA_SCOPE.filter(Idea.objects.select_related("plan", "theme"), request.user)
        self.idea = get_object_or_404(ideas, pk=parse_id(idea_id) or 0)
        self.edit_url = reverse("avp_ideas:edit", args=[self.idea.pk])
        if self.idea.state == IdeaState.UNCONFIRMED and request.user.has_perm(
            "avp_ideas.change_idea"
        ):
            messages.error(
                request,
                _(
                    "The idea awaits its author's e-mail confirmation: it cannot become "
                    "an action item."
                ),
            )
            return redirect(self.edit_url)
        if not can_create_action(request.user, self.idea):
            raise PermissionDenied
        self.existing = list(self.idea.action_items.order_by("title"))
        return super().dispatch(request, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.idea.title

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.breadcrumbs_items + [
            {"url": reverse("avp_ideas:list"), "label": _("Ideas")},
            {"url": self.edit_url, "label": self.idea.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form(self, data: Any = None) -> CreateActionForm:
        return CreateActionForm(
            data, initial={"known": len(self.existing)}, existing=len(self.existing)
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        idea = self.idea
        context.update(
            idea=idea,
            plan=idea.plan,
            form=kwargs.get("form") or self.get_form(),
            existing=[
                (item, reverse("wagtailadmin_pages:edit", args=[item.pk])) for item in self.existing
            ],
            is_public=idea.is_public,
            edit_url=self.edit_url,
            accepted_label=ResponseState.ACCEPTED.label,
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        page = accept_into_plan(self.idea, form.cleaned_data["known"], request.user)
        if page is None:
            # A second submit, or another editor meanwhile: show the idea as it is now.
            self.idea.refresh_from_db()
            self.existing = list(self.idea.action_items.order_by("title"))
            return self.render_to_response(self.get_context_data(changed_meanwhile=True))
        messages.success(
            request,
            _(
                "The action item “%(title)s” was created as a draft from the idea, and the "
                "idea is accepted into the plan. Complete the action item and publish it."
            )
            % {"title": page.title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
