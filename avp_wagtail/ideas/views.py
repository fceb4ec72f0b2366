"""The public views of ideas under a plan page (routes.py): the listing, an idea's page,
the form, supporting, and the e-mailed links. Every link from an e-mail asks first (GET)
and acts on the button (POST): a mail scanner opening links confirms nothing."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext

from avp_wagtail.conf import get_setting
from avp_wagtail.core.i18n import own_page
from avp_wagtail.core.plugins import add_object_context
from avp_wagtail.core.ratelimit import over_limit
from avp_wagtail.core.sites import municipality_name, site_of
from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.ideas.choices import IdeaState, ResponseState
from avp_wagtail.ideas.conf import idea_setting
from avp_wagtail.ideas.forms import FollowForm, IdeaForm, SupportForm
from avp_wagtail.ideas.listing import became, listing_page, public_idea
from avp_wagtail.ideas.models import Idea, IdeaCollection, IdeaFollower, IdeaSupport
from avp_wagtail.ideas.tasks import send_idea_confirmation, send_support_confirmation
from avp_wagtail.ideas.tokens import CONFIRM_IDEA, CONFIRM_SUPPORT, WITHDRAW, read
from avp_wagtail.sharing import describe

TEMPLATES = "avp_wagtail/ideas/"
NOTICES = {
    "sent",
    "supported",
    "support_sent",
    "withdrawn",
    "follow_sent",
    "following",
    "unfollowed",
}


def _collection(page: Any) -> IdeaCollection:
    collection = IdeaCollection.of_plan(page)
    if collection is None:
        raise Http404
    return collection


def _over_limit(request: HttpRequest, email: str | None, scope: str = "avp_ideas") -> bool:
    return over_limit(
        request,
        scope,
        idea_setting("IDEA_RATE_LIMIT"),
        idea_setting("IDEA_RATE_PERIOD"),
        trusted_networks=get_setting("RATE_TRUSTED_NETWORKS"),
        email=email,
        email_limit=idea_setting("IDEA_RATE_ADDRESS_LIMIT"),
    )


def _render(
    page: Any,
    request: HttpRequest,
    template: str,
    status: int = 200,
    obj: Any = None,
    share: tuple[str, str] | None = None,
    **extra: Any,
) -> TemplateResponse:
    context = page.get_context(request)
    context.update(extra)
    context["ideas_url"] = f"{page.get_url(request)}ideas/"
    if share is not None:  # what this sub-URL shows: its title in the meta and share links
        describe(context, *share)
    if obj is not None:
        # What other features show with this object (e.g. the comments app's discussion
        # of it: the plan page's own discussion is not the object's).
        context.pop("avp_comments", None)
        add_object_context(obj, page, request, context)
    return TemplateResponse(request, TEMPLATES + template, context, status=status)


def _message(page: Any, request: HttpRequest, title: str, text: str = "", status=200, **extra):
    return _render(page, request, "message.html", status, title=title, text=text, **extra)


def _invalid_link(page: Any, request: HttpRequest) -> TemplateResponse:
    return _message(
        page,
        request,
        gettext("This link is not valid"),
        gettext("It may have expired or been used already. Nothing has changed."),
        status=400,
    )


def in_page_language(page: Any, respond: Any) -> HttpResponse:
    """``respond()`` with the page's language active (forms, errors, e-mails too)."""
    language = page.locale.language_code
    with translation.override(language):
        response = respond()
        if isinstance(response, TemplateResponse):
            response.render()
            response.headers["Content-Language"] = language
    return response


def _listing(page: Any, request: HttpRequest) -> HttpResponse:
    collection = _collection(page)
    ideas, filters, titles = listing_page(page, request.GET)
    notice = request.GET.get("notice")
    return _render(
        page,
        request,
        "index.html",
        collection=collection,
        ideas=ideas,
        filters=filters,
        themes=titles,
        response_states=ResponseState.choices,
        notice=notice if notice in NOTICES else None,
        share=(gettext("Ideas for %(title)s") % {"title": page.title}, collection.introduction),
    )


def _new(page: Any, request: HttpRequest) -> HttpResponse:
    collection = _collection(page)
    if not collection.is_open():
        sent = request.method == "POST"
        # Sent after the collection closed: nothing is stored, and her text is given back
        # to keep (a form left open past the closing day).
        kept = [request.POST.get(name, "").strip() for name in ("title", "problem", "proposal")]
        return _render(
            page,
            request,
            "form.html",
            status=409 if sent else 200,
            collection=collection,
            closed=True,
            sent=sent,
            share=(gettext("Send an idea for %(title)s") % {"title": page.title}, ""),
            kept_text="\n\n".join(text for text in kept if text) if sent else "",
        )
    if request.method != "POST":
        return _render(
            page,
            request,
            "form.html",
            collection=collection,
            form=IdeaForm(plan=page),
            share=(gettext("Send an idea for %(title)s") % {"title": page.title}, ""),
        )
    form = IdeaForm(request.POST, plan=page)
    if not form.is_valid():
        return _render(page, request, "form.html", 400, collection=collection, form=form)
    if _over_limit(request, form.cleaned_data["email"]):
        notice = gettext(
            "Several ideas have been sent from here or for this e-mail address in a short "
            "time. Please wait a while and send again; what you typed is kept below."
        )
        return _render(
            page, request, "form.html", 429, collection=collection, form=form, error_notice=notice
        )
    idea = form.save(commit=False)
    idea.language = page.locale.language_code
    idea.state = IdeaState.UNCONFIRMED
    idea.save()
    enqueue_after_commit(send_idea_confirmation, idea.pk)
    return HttpResponseRedirect(f"{page.get_url(request)}ideas/?notice=sent")


def _confirm(page: Any, request: HttpRequest) -> HttpResponse:
    token = request.GET.get("t", "")
    data = read(CONFIRM_IDEA, token)
    idea = None
    if data is not None:
        idea = Idea.objects.of_plan(page).filter(pk=data.get("id"), email=data.get("email")).first()
    if idea is None or idea.state != IdeaState.UNCONFIRMED:
        return _invalid_link(page, request)
    if request.method != "POST":
        return _message(
            page,
            request,
            gettext("Confirm your idea?"),
            idea.title,
            text_lang=idea.language,
            action=f"{request.path}?t={token}",
            button=gettext("Confirm my idea"),
        )
    collection = _collection(page)
    idea.confirmed_at = timezone.now()
    idea.state = IdeaState.PENDING if collection.is_premoderated else IdeaState.PUBLIC
    idea.save(update_fields=["state", "confirmed_at"])
    if idea.is_public:
        return HttpResponseRedirect(idea.url_in(page.get_url(request)))
    return _message(
        page,
        request,
        gettext("Thank you: your idea is confirmed"),
        gettext("A moderator will read it soon; it appears on the site once approved."),
    )


def _idea(page: Any, request: HttpRequest, idea_id: int, **extra: Any) -> TemplateResponse:
    collection = _collection(page)
    idea = public_idea(page, idea_id)
    if idea is None:
        raise Http404
    user = request.user
    supported = user.is_authenticated and IdeaSupport.objects.filter(idea=idea, user=user).exists()
    following = user.is_authenticated and IdeaFollower.objects.filter(idea=idea, user=user).exists()
    notice = request.GET.get("notice")
    shown = {
        "collection": collection,
        "idea": idea,
        "action_items": became(idea, page, request)
        if idea.response_state == ResponseState.ACCEPTED
        else [],
        "merged_into": idea.merged_into
        if idea.merged_into and idea.merged_into.is_public
        else None,
        "municipality": municipality_name(site_of(page, request)),
        "supported": supported,
        "support_form": SupportForm() if not user.is_authenticated else None,
        "following": following,
        "follow_form": FollowForm() if not user.is_authenticated else None,
        "notice": notice if notice in NOTICES else None,
    }
    share = (idea.title, idea.problem)
    shown["avp_page_title_lang"] = idea.language  # the idea's title in the breadcrumbs
    return _render(page, request, "idea.html", obj=idea, share=share, **{**shown, **extra})


def _support(page: Any, request: HttpRequest, idea_id: int) -> HttpResponse:
    idea = public_idea(page, idea_id)
    if idea is None:
        raise Http404
    idea_url = idea.url_in(page.get_url(request))
    if request.method != "POST":
        return HttpResponseRedirect(idea_url)
    user = request.user
    if user.is_authenticated:
        if "withdraw" in request.POST:
            IdeaSupport.objects.filter(idea=idea, user=user).delete()
            return HttpResponseRedirect(f"{idea_url}?notice=withdrawn")
        _add_support(idea, user=user, language=page.locale.language_code)
        return HttpResponseRedirect(f"{idea_url}?notice=supported")
    form = SupportForm(request.POST)
    if not form.is_valid():
        response = _idea(page, request, idea.pk, support_form=form)
        response.status_code = 400
        return response
    if _over_limit(request, form.cleaned_data["email"]):
        notice = gettext(
            "Several supports have been sent from here or for this e-mail address in a "
            "short time. Please wait a while and send again."
        )
        response = _idea(page, request, idea.pk, support_form=form, support_error_notice=notice)
        response.status_code = 429
        return response
    enqueue_after_commit(
        send_support_confirmation, idea.pk, form.cleaned_data["email"], page.locale.language_code
    )
    # The same answer whether or not the address supports the idea already.
    return HttpResponseRedirect(f"{idea_url}?notice=support_sent")


def _add_support(idea: Idea, **who: Any) -> None:
    try:
        with transaction.atomic():
            IdeaSupport.objects.create(idea=idea, **who)
    except IntegrityError:  # supported already: one support each
        pass


def _support_link(page: Any, request: HttpRequest, purpose: str) -> HttpResponse:
    token = request.GET.get("t", "")
    data = read(purpose, token) or {}
    idea = public_idea(page, data.get("idea")) if data else None
    if idea is None or not data.get("email"):
        return _invalid_link(page, request)
    email = str(data["email"])
    confirming = purpose == CONFIRM_SUPPORT
    if request.method != "POST":
        return _message(
            page,
            request,
            gettext("Support this idea?") if confirming else gettext("Withdraw your support?"),
            idea.title,
            text_lang=idea.language,
            action=f"{request.path}?t={token}",
            button=gettext("Confirm my support") if confirming else gettext("Withdraw my support"),
        )
    idea_url = idea.url_in(page.get_url(request))
    if confirming:
        _add_support(idea, email=email, language=str(data.get("lang", "")))
        return HttpResponseRedirect(f"{idea_url}?notice=supported")
    IdeaSupport.objects.filter(idea=idea, email=email).delete()
    return HttpResponseRedirect(f"{idea_url}?notice=withdrawn")


@own_page()
def ideas_view(page: Any, request: HttpRequest) -> HttpResponse:
    """``ideas/``: the public ideas of the plan, filtered and paginated."""
    return in_page_language(page, lambda: _listing(page, request))


@own_page()
def new_idea_view(page: Any, request: HttpRequest) -> HttpResponse:
    """``ideas/new/``: the form (GET) and sending it (POST)."""
    return in_page_language(page, lambda: _new(page, request))


def confirm_view(page: Any, request: HttpRequest) -> HttpResponse:
    """``ideas/confirm/?t=<token>``: the link that confirms an idea."""
    return in_page_language(page, lambda: _confirm(page, request))


@own_page()
def idea_view(page: Any, request: HttpRequest, idea_id: int) -> HttpResponse:
    """``ideas/<id>/``: one public idea with the municipality's response."""
    return in_page_language(page, lambda: _idea(page, request, idea_id))


@own_page(route="idea")
def support_view(page: Any, request: HttpRequest, idea_id: int) -> HttpResponse:
    """``ideas/<id>/support/``: support (or, logged in, withdraw) by POST."""
    return in_page_language(page, lambda: _support(page, request, idea_id))


def support_confirm_view(page: Any, request: HttpRequest) -> HttpResponse:
    """``ideas/support/confirm/?t=<token>``: the link that confirms a support."""
    return in_page_language(page, lambda: _support_link(page, request, CONFIRM_SUPPORT))


def withdraw_view(page: Any, request: HttpRequest) -> HttpResponse:
    """``ideas/support/withdraw/?t=<token>``: the link that withdraws a support."""
    return in_page_language(page, lambda: _support_link(page, request, WITHDRAW))
