"""Following an idea without supporting it: the follower gets the e-mail sent when the
municipality's response changes (``tasks.send_response_changed``), each with a link that
stops it. Double opt-in as for following an action item (``avp_wagtail.tracking.following``):
an address is stored only once its e-mailed link is confirmed; a logged-in user follows
with one button. The form answers the same whether or not the address follows already
(nothing tells who follows what), and every e-mailed link asks (GET) before it acts (POST).
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext

from avp_wagtail.core.cleaning import parse_id
from avp_wagtail.core.i18n import own_page
from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.ideas.forms import FollowForm
from avp_wagtail.ideas.listing import public_idea
from avp_wagtail.ideas.models import Idea, IdeaFollower
from avp_wagtail.ideas.tasks import send_follow_confirmation
from avp_wagtail.ideas.tokens import CONFIRM_FOLLOW, UNFOLLOW, read
from avp_wagtail.ideas.views import (
    _idea,
    _invalid_link,
    _message,
    _over_limit,
    in_page_language,
)


def _add_follower(idea: Idea, **who: Any) -> None:
    try:
        with transaction.atomic():
            IdeaFollower.objects.create(idea=idea, **who)
    except IntegrityError:  # follows already: once each
        pass


def _follow(page: Any, request: HttpRequest, idea_id: int) -> HttpResponse:
    idea = public_idea(page, idea_id)
    if idea is None:
        raise Http404
    idea_url = idea.url_in(page.get_url(request))
    if request.method != "POST":
        return HttpResponseRedirect(idea_url)
    user = request.user
    if user.is_authenticated:
        if "unfollow" in request.POST:
            IdeaFollower.objects.filter(idea=idea, user=user).delete()
            return HttpResponseRedirect(f"{idea_url}?notice=unfollowed")
        _add_follower(idea, user=user, language=page.locale.language_code)
        return HttpResponseRedirect(f"{idea_url}?notice=following")
    form = FollowForm(request.POST)
    if not form.is_valid():
        response = _idea(page, request, idea.pk, follow_form=form)
        response.status_code = 400
        return response
    email = form.cleaned_data["email"]
    if _over_limit(request, email, scope="avp_ideas_follow"):
        notice = gettext(
            "You have asked to follow several times in a short time. Please wait a while "
            "and send again; your address is kept below."
        )
        response = _idea(page, request, idea.pk, follow_form=form, follow_error_notice=notice)
        response.status_code = 429
        return response
    enqueue_after_commit(send_follow_confirmation, idea.pk, email, page.locale.language_code)
    # The same answer whether or not the address follows the idea already.
    return HttpResponseRedirect(f"{idea_url}?notice=follow_sent")


def _follow_link(page: Any, request: HttpRequest, purpose: str) -> HttpResponse:
    token = request.GET.get("t", "")
    data = read(purpose, token) or {}
    confirming = purpose == CONFIRM_FOLLOW
    idea = None
    if data and confirming:
        idea = public_idea(page, data.get("idea"))
    elif data:  # stopping works on an idea hidden since, too
        idea = Idea.objects.of_plan(page).filter(pk=parse_id(data.get("idea"))).first()
    if idea is None or not data.get("email"):
        return _invalid_link(page, request)
    email = str(data["email"])
    if request.method != "POST":
        return _message(
            page,
            request,
            gettext("Follow this idea?")
            if confirming
            else gettext("Stop e-mails about this idea?"),
            idea.title if idea.is_public else "",
            text_lang=idea.language,
            action=f"{request.path}?t={token}",
            button=gettext("Follow this idea") if confirming else gettext("Stop the e-mails"),
        )
    if confirming:
        _add_follower(idea, email=email, language=str(data.get("lang", "")))
        return HttpResponseRedirect(f"{idea.url_in(page.get_url(request))}?notice=following")
    IdeaFollower.objects.filter(idea=idea, email__iexact=email).delete()
    return _message(
        page,
        request,
        gettext("You are unsubscribed"),
        gettext("You will get no more e-mails about this idea."),
    )


@own_page(route="idea")  # the idea's page again, with the form's errors
def follow_view(page: Any, request: HttpRequest, idea_id: int) -> HttpResponse:
    """``ideas/<id>/follow/``: follow (or, logged in, stop following) by POST."""
    return in_page_language(page, lambda: _follow(page, request, idea_id))


def follow_confirm_view(page: Any, request: HttpRequest) -> HttpResponse:
    """``ideas/follow/confirm/?t=<token>``: the link that confirms a follow."""
    return in_page_language(page, lambda: _follow_link(page, request, CONFIRM_FOLLOW))


def unfollow_view(page: Any, request: HttpRequest) -> HttpResponse:
    """``ideas/follow/stop/?t=<token>``: the link in every e-mail that stops them."""
    return in_page_language(page, lambda: _follow_link(page, request, UNFOLLOW))
