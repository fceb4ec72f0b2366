"""The participant's page (a sub-URL of the programme page, ``approval/?t=<token>``): the
draft as submitted, agenda item by agenda item, with a form under each to propose an
amendment and a button to approve the draft, until the deadline. A bad link is refused
with 403, a link past its deadline (or of an approval that ended) with 410: a page that
says so, never an error."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from avp_wagtail.approvals.forms import AmendmentForm, ApproveForm
from avp_wagtail.approvals.models import Amendment, Participant
from avp_wagtail.approvals.parts import draft_of, parts_of
from avp_wagtail.approvals.tokens import read_participant
from avp_wagtail.models import OpenGovernmentPage

TEMPLATES = "avp_wagtail/approvals/"
NOTICES = {"approved", "amended"}


def _private(response: HttpResponse) -> HttpResponse:
    """One person's page: never indexed, never cached, the token never sent to another site."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-cache, no-store, must-revalidate"
    return response


def _render(
    page: Any, request: HttpRequest, template: str, status: int = 200, **extra: Any
) -> HttpResponse:
    context = page.get_context(request)
    context.update(extra)
    context["avp_page_title"] = extra.get("title") or _("Approve the draft")
    context["avp_sharing"] = None  # one person's page: nothing to share
    response = TemplateResponse(request, TEMPLATES + template, context, status=status)
    return _private(response)


def _refused(page: Any, request: HttpRequest, status: int, title: str, text: str) -> HttpResponse:
    return _render(page, request, "message.html", status=status, title=title, text=text)


def _belongs_to(target: Any, programme: Any) -> bool:
    """Whether the draft's page lies under this programme (in any of its languages)."""
    own = OpenGovernmentPage.objects.ancestor_of(target).order_by("-depth").first()
    return own is not None and own.translation_key == programme.translation_key


def participant_view(page: Any, request: HttpRequest) -> HttpResponse:
    participant = read_participant(request.GET.get("t", ""))
    state: Any = participant.task_state if participant is not None else None
    target = state.page if state is not None else None
    if participant is None or target is None or not _belongs_to(target, page):
        return _refused(
            page,
            request,
            403,
            _("This link does not work"),
            _(
                "The link is not valid: it may be incomplete or changed. Open the link in "
                "your e-mail again, or ask the municipality for a new one."
            ),
        )
    if state.status != TaskState.STATUS_IN_PROGRESS or state.deadline is None:
        return _refused(
            page,
            request,
            410,
            _("The approval has ended"),
            _("The draft is no longer open for approval. Thank you for taking part."),
        )
    if timezone.now() > state.deadline:
        return _refused(
            page,
            request,
            410,
            _("The time to answer has ended"),
            _("The deadline to approve the draft or propose amendments has passed.")
            + " "
            + _("It ended on %(date)s.")
            % {"date": date_format(timezone.localtime(state.deadline), "DATETIME_FORMAT")},
        )
    return _participant_page(page, request, participant, state, target)


def _participant_page(
    page: Any, request: HttpRequest, participant: Participant, state: Any, target: Any
) -> HttpResponse:
    draft = draft_of(state)
    parts = parts_of(draft)
    approve_form = ApproveForm(prefix="approve")
    forms = {i: AmendmentForm(prefix=f"item-{i}") for i in range(len(parts))}
    status = 200
    error_part = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "approve":
            approve_form = ApproveForm(request.POST, prefix="approve")
            if approve_form.is_valid():
                Participant.objects.filter(pk=participant.pk, approved_at__isnull=True).update(
                    approved_at=timezone.now()
                )
                return _redirect(request, "approved")
            status = 400
        elif action == "amend":
            try:
                index = int(request.POST.get("part", ""))
            except ValueError:
                index = -1
            if not 0 <= index < len(parts):
                return _refused(
                    page,
                    request,
                    400,
                    _("Nothing was sent"),
                    _("The agenda item was not found in the draft. Open the link again."),
                )
            form = AmendmentForm(request.POST, prefix=f"item-{index}")
            if form.is_valid():
                part = parts[index]
                with transaction.atomic():
                    Amendment.objects.create(
                        participant=participant,
                        item_key=part.key,
                        item_title=part.title[:255],
                        text=form.cleaned_data["text"],
                        reason=form.cleaned_data["reason"],
                    )
                return _redirect(request, "amended")
            forms[index] = form
            error_part = index
            status = 400
    own: dict[str, list[Amendment]] = {}
    for amendment in participant.amendments.all():
        own.setdefault(amendment.item_key, []).append(amendment)
    rows = [
        {
            "index": i,
            "part": part,
            "form": forms[i],
            "own": own.get(part.key, []),
            "summary_id": f"avp-amend-errors-{i}",
        }
        for i, part in enumerate(parts)
    ]
    notice = request.GET.get("done")
    participant.refresh_from_db(fields=["approved_at"])
    return _render(
        page,
        request,
        "participant.html",
        status=status,
        title=_("Approve the draft: %(title)s") % {"title": draft.title},
        participant=participant,
        approval=state,
        draft=draft,
        draft_language=target.locale.language_code,
        is_protocol=draft.__class__.__name__ == "MeetingProtocolPage",
        rows=rows,
        approve_form=approve_form,
        error_part=error_part,
        notice=notice if notice in NOTICES else None,
        token=request.GET.get("t", ""),
    )


def _redirect(request: HttpRequest, notice: str) -> HttpResponse:
    token = request.GET.get("t", "")
    response = HttpResponseRedirect(
        f"{request.path}?{urlencode({'t': token, 'done': notice})}#avp-approval-notice",
        status=303,
    )
    return _private(response)
