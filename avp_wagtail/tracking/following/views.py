"""Follow views: the form's POST, the confirm link, unsubscribe (the page's own route and
the CSRF-free one-click view of ``avp_wagtail.urls``)."""

from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt

from avp_wagtail.conf import get_setting
from avp_wagtail.core.ratelimit import over_limit
from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.models import ActionItemPage, ItemFollower
from avp_wagtail.tracking.following.forms import FollowForm
from avp_wagtail.tracking.following.tasks import send_follow_confirmation
from avp_wagtail.tracking.following.tokens import (
    BadToken,
    ExpiredToken,
    read_confirm_token,
    read_unsubscribe_token,
)


def _message(
    request: HttpRequest, page: Any, title: str, text: str, status: int
) -> TemplateResponse:
    context = page.get_context(request)
    context.update({"title": title, "text": text})
    return TemplateResponse(request, "avp_wagtail/follow_message.html", context, status=status)


def _not_valid(request: HttpRequest, page: Any) -> TemplateResponse:
    return _message(
        request, page, gettext("This link is not valid"), gettext("Nothing has changed."), 400
    )


def in_page_language(page: Any, respond: Callable[[], HttpResponse]) -> HttpResponse:
    """``respond()`` with the page's language active and its template rendered in it: forms,
    errors, messages and e-mails speak the page's language, whatever the browser asks for."""
    language = page.locale.language_code
    with translation.override(language):
        response = respond()
        if isinstance(response, TemplateResponse):
            response.render()
            response.headers["Content-Language"] = language
    return response


def _over_limit(request: HttpRequest, email: str | None) -> bool:
    return over_limit(
        request,
        "avp_follow",
        get_setting("FOLLOW_RATE_LIMIT"),
        get_setting("FOLLOW_RATE_PERIOD"),
        trusted_networks=get_setting("RATE_TRUSTED_NETWORKS"),
        email=email,
        email_limit=get_setting("FOLLOW_RATE_ADDRESS_LIMIT"),
    )


def _form_again(
    page: Any, request: HttpRequest, form: FollowForm, status: int, notice: str | None = None
) -> TemplateResponse:
    """The item page again, the address kept, the error summary focused (follow_item.html)."""
    context = page.get_context(request)
    context["follow_form"] = form
    context["follow_error_notice"] = notice
    return TemplateResponse(request, page.get_template(request), context, status=status)


def request_follow(page: Any, request: HttpRequest) -> HttpResponse:
    """POST of the follow form: e-mail a confirmation link; nothing is stored yet."""
    form = FollowForm(request.POST)
    if not form.is_valid():
        return _form_again(page, request, form, status=400)
    email = form.cleaned_data["email"]
    if _over_limit(request, email):
        return _form_again(
            page,
            request,
            form,
            status=429,
            notice=gettext(
                "You have asked to follow several times in a short time. Please wait a while "
                "and send again; your address is kept below."
            ),
        )
    # Sent by a background task, which makes the signed link on the page's own Site.
    enqueue_after_commit(send_follow_confirmation, page.pk, email, translation.get_language())
    return HttpResponseRedirect(f"{page.get_url(request)}?follow=sent#avp-follow-item")


def confirm_follow(page: Any, request: HttpRequest) -> HttpResponse:
    try:
        data = read_confirm_token(request.GET.get("t", ""))
    except ExpiredToken:
        return _message(
            request,
            page,
            gettext("This link has expired"),
            gettext("Ask again with the form on the page; nothing has changed."),
            400,
        )
    except BadToken:
        return _not_valid(request, page)
    if not isinstance(data, dict) or data.get("page") != page.pk:
        return _not_valid(request, page)
    try:
        with transaction.atomic():
            ItemFollower.objects.create(page=page, email=data["email"])
    except IntegrityError:
        return _message(
            request,
            page,
            gettext("You already follow this action"),
            gettext("Nothing has changed."),
            409,
        )
    return HttpResponseRedirect(f"{page.get_url(request)}?follow=confirmed#avp-follow-item")


def unsubscribe(
    page: Any, request: HttpRequest, token: str | None = None, action: str | None = None
) -> HttpResponse:
    """GET asks (a link preview or a mail scanner unsubscribes nobody); POST unsubscribes."""
    token = request.GET.get("t", "") if token is None else token
    data = read_unsubscribe_token(token)
    if data is None:
        return _not_valid(request, page)
    if request.method == "POST":
        ItemFollower.objects.filter(pk=data.get("id"), email=data.get("email")).delete()
        return _message(
            request,
            page,
            gettext("You are unsubscribed"),
            gettext("You will get no more e-mails about this action."),
            200,
        )
    context = page.get_context(request)
    context.update(
        {
            "title": gettext("Stop e-mails about this action?"),
            "text": "",
            "unsubscribe": token,
            "unsubscribe_action": action,
        }
    )
    return TemplateResponse(request, "avp_wagtail/follow_message.html", context)


@csrf_exempt  # mail clients post RFC 8058 one-click requests without a CSRF token
def one_click_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """``avp_wagtail.urls``: the unsubscribe link of follow e-mails, on any host.

    Only the signed token authorises the POST (so it needs no CSRF token); a GET shows the
    question and a button, in the language of the followed page."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    data = read_unsubscribe_token(token)
    page = None
    if data is not None:
        page_id = data.get("page")
        if page_id is None:  # a link sent before the token named the page
            follower = ItemFollower.objects.filter(pk=data.get("id")).first()
            page_id = follower.page_id if follower is not None else None
        page = ActionItemPage.objects.live().filter(pk=page_id).first()
    if page is None:
        if data is not None and request.method == "POST":
            ItemFollower.objects.filter(pk=data.get("id"), email=data.get("email")).delete()
        title = (
            gettext("This link is not valid") if data is None else gettext("You are unsubscribed")
        )
        context = {
            "avp_base_template": get_setting("BASE_TEMPLATE"),
            "avp_main_landmark": get_setting("MAIN_LANDMARK"),
            "avp_language_code": translation.get_language(),
            "title": title,
            "text": gettext("Nothing has changed.") if data is None else "",
        }
        return render(
            request,
            "avp_wagtail/follow_link_message.html",
            context,
            status=400 if data is None else 200,
        )
    return in_page_language(
        page, lambda: unsubscribe(page, request, token=token, action=request.path)
    )


def follow_view(item: Any, request: HttpRequest) -> HttpResponse:
    """``follow/``: the form posts here."""
    if request.method != "POST":
        return HttpResponseRedirect(item.get_url(request))
    return in_page_language(item, lambda: request_follow(item, request))


def follow_confirm_view(item: Any, request: HttpRequest) -> HttpResponse:
    return in_page_language(item, lambda: confirm_follow(item, request))


def follow_unsubscribe_view(item: Any, request: HttpRequest) -> HttpResponse:
    return in_page_language(item, lambda: unsubscribe(item, request))
