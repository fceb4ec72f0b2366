"""The editor's side of an approval by participants, one screen per round (task state):

- before sending: choose the participants (contact people of the municipality; those of
  the organisations that attended are chosen already), the deadline and a message;
- after: who approved, and each amendment side by side with the draft text of its agenda
  item, to accept or decline (a declined amendment needs a reason: it is published);
- then approve the task, and Wagtail's workflow moves on (the last task publishes).

Accepting an amendment never rewrites the page: the editor edits the text in the page
editor. Only users who may edit the page see the screen (Wagtail's page permissions, so
never another municipality's); sending it and approving the task need publishing rights.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import TaskState

from avp_wagtail.approvals.forms import DecisionForm, SendForm
from avp_wagtail.approvals.models import (
    Amendment,
    AmendmentState,
    Participant,
    ParticipantApprovalTaskState,
)
from avp_wagtail.approvals.parts import draft_of, parts_of, supports
from avp_wagtail.approvals.people import default_people, municipality_people
from avp_wagtail.approvals.permissions import can_publish, can_review
from avp_wagtail.approvals.tasks import send_invitations
from avp_wagtail.core.tasks import enqueue_after_commit


def reviewable_state(request: HttpRequest, pk: int) -> ParticipantApprovalTaskState:
    state = get_object_or_404(
        ParticipantApprovalTaskState.objects.select_related("page", "revision", "task"), pk=pk
    )
    if state.page is None or not can_review(request.user, state.page):
        raise Http404  # another municipality's approval does not exist for this user
    return state


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "avp_wagtail/approvals/admin/review.html"
    page_title = gettext_lazy("Approval by participants")
    header_icon = "tick-inverse"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.state = reviewable_state(request, kwargs["pk"])
        self.page = self.state.page.specific  # type: ignore[union-attr]
        self.draft = draft_of(self.state)
        self.may_publish = can_publish(request.user, self.page)
        self.open = self.state.status == TaskState.STATUS_IN_PROGRESS
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": str(self.page),
            },
            {"url": "", "label": str(self.page_title)},
        ]

    # Sending.

    def people(self) -> Any:
        return municipality_people(self.page, self.draft)

    def send_form(self, data: Any = None) -> SendForm:
        people = self.people()
        initial = {
            "participants": default_people(self.draft, people),
            "deadline": timezone.localtime()
            + datetime.timedelta(days=self.state.task.specific.days_to_answer),
        }
        return SendForm(data, people=people, initial=initial)

    def send(self, request: HttpRequest) -> HttpResponse:
        if not (self.may_publish and self.open and not self.state.is_sent):
            raise PermissionDenied
        form = self.send_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(send_form=form), status=400)
        with transaction.atomic():
            state = ParticipantApprovalTaskState.objects.select_for_update().get(pk=self.state.pk)
            if state.is_sent:
                return redirect(state.get_admin_url())
            for person in form.cleaned_data["participants"]:
                Participant.objects.create(
                    task_state=state,
                    person=person,
                    name=person.name,
                    organisation=person.organisation.name if person.organisation_id else "",
                    email=person.email,
                    language=person.locale.language_code if person.locale_id else "",
                )
            state.deadline = form.cleaned_data["deadline"]
            state.message = form.cleaned_data["message"]
            state.sent_at = timezone.now()
            state.sent_by = request.user
            state.save(update_fields=["deadline", "message", "sent_at", "sent_by"])
            enqueue_after_commit(send_invitations, state.pk)
        messages.success(
            request,
            ngettext(
                "The draft was sent to %(count)d participant.",
                "The draft was sent to %(count)d participants.",
                len(form.cleaned_data["participants"]),
            )
            % {"count": len(form.cleaned_data["participants"])},
        )
        return redirect(self.state.get_admin_url())

    # Deciding.

    def decide(self, request: HttpRequest) -> HttpResponse:
        if not self.open:
            raise PermissionDenied
        try:
            amendment_id = int(request.POST.get("amendment", ""))
        except ValueError:
            raise Http404 from None
        amendment = get_object_or_404(
            Amendment, pk=amendment_id, participant__task_state=self.state
        )
        form = DecisionForm(request.POST, prefix=f"a{amendment.pk}")
        if not form.is_valid():
            context = self.get_context_data(invalid={amendment.pk: form})
            return self.render_to_response(context, status=400)
        amendment.state = form.cleaned_data["decision"]
        amendment.decision_reason = form.cleaned_data["reason"].strip()
        amendment.decided_at = timezone.now()
        amendment.decided_by = request.user  # type: ignore[assignment]
        amendment.save()
        if amendment.state == AmendmentState.ACCEPTED:
            messages.success(
                request,
                _("Amendment accepted. Nothing was changed: edit the page to put it in the text."),
            )
        else:
            messages.success(request, _("Amendment declined."))
        return redirect(f"{self.state.get_admin_url()}#amendment-{amendment.pk}")

    def finish(self, request: HttpRequest) -> HttpResponse:
        if not (self.may_publish and self.open and self.state.is_ready()):
            raise PermissionDenied
        self.state.approve(user=request.user)
        messages.success(
            request,
            _("The participants' approval is done; the workflow moved on."),
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        action = request.POST.get("action")
        if action == "send":
            return self.send(request)
        if action == "decide":
            return self.decide(request)
        if action == "finish":
            return self.finish(request)
        raise Http404

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        invalid = kwargs.get("invalid", {})
        participants = list(self.state.participants.select_related("person"))
        amendments = list(
            Amendment.objects.filter(participant__task_state=self.state)
            .select_related("participant")
            .order_by("created_at", "pk")
        )
        parts = parts_of(self.draft)
        by_key: dict[str, list[Any]] = {}
        for amendment in amendments:
            amendment.form = invalid.get(amendment.pk) or DecisionForm(  # type: ignore[attr-defined]
                prefix=f"a{amendment.pk}",
                initial={
                    "decision": amendment.state
                    if amendment.state != AmendmentState.PROPOSED
                    else None,
                    "reason": amendment.decision_reason,
                },
            )
            by_key.setdefault(amendment.item_key, []).append(amendment)
        rows = [(part, by_key.pop(part.key, [])) for part in parts]
        rows = [(part, found) for part, found in rows if found]
        orphans = [a for found in by_key.values() for a in found]
        context.update(
            {
                "state": self.state,
                "page": self.page,
                "draft": self.draft,
                "supported": supports(self.page),
                "open": self.open,
                "may_publish": self.may_publish,
                "participants": participants,
                "approved_count": sum(1 for p in participants if p.approved_at),
                "rows": rows,
                "orphans": orphans,
                "amendment_count": len(amendments),
                "undecided_count": sum(1 for a in amendments if a.state == AmendmentState.PROPOSED),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "deadline_passed": bool(
                    self.state.deadline and timezone.now() > self.state.deadline
                ),
            }
        )
        if not self.state.is_sent and self.open and self.may_publish:
            context.setdefault("send_form", kwargs.get("send_form") or self.send_form())
        return context


def page_approval_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """From the page's header: the page's latest approval by participants."""
    state = (
        ParticipantApprovalTaskState.objects.filter(page_id=page_id)
        .select_related("page")
        .order_by("-pk")
        .first()
    )
    if state is None or state.page is None or not can_review(request.user, state.page):
        raise Http404
    return redirect(state.get_admin_url())
