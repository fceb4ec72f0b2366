"""Follow one action item by e-mail (I2): double opt-in, signed expiring links, one-click
unsubscribe, and an e-mail for each new progress update when the item is published."""

import secrets

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .change_history import previously_published
from .conf import get_setting

SIGNER_SALT = "avp_wagtail.follow"


class FollowForm(forms.Form):
    """One field; prefixed so that its id never clashes with the comment form's e-mail."""

    prefix = "follow"

    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm. Each e-mail has a link to stop."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _signer(purpose):
    return signing.TimestampSigner(salt=f"{SIGNER_SALT}.{purpose}")


def _message(request, page, title, text, status):
    context = page.get_context(request)
    context.update({"title": title, "text": text})
    return TemplateResponse(request, "avp_wagtail/follow_message.html", context, status=status)


def in_page_language(page, respond):
    """``respond()`` with the page's language active and its template rendered in it: forms,
    errors, messages and e-mails speak the page's language, whatever the browser asks for."""
    language = page.locale.language_code
    with translation.override(language):
        response = respond()
        if isinstance(response, TemplateResponse):
            response.render()
            response.headers["Content-Language"] = language
    return response


def _send(subject_template, body_template, context, to, headers=None):
    subject = render_to_string(subject_template, context)
    body = render_to_string(body_template, context)
    EmailMessage(
        " ".join(subject.split()),
        body,
        get_setting("FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL,
        [to],
        headers=headers,
    ).send()


def request_follow(page, request):
    """POST of the follow form: e-mail a confirmation link; nothing is stored yet."""
    form = FollowForm(request.POST)
    if not form.is_valid():
        # The item page again, the address kept, the error summary focused (follow_item.html).
        context = page.get_context(request)
        context["follow_form"] = form
        return TemplateResponse(request, page.get_template(request), context, status=400)
    email = form.cleaned_data["email"]
    token = _signer("confirm").sign_object(
        {"page": page.pk, "email": email, "nonce": secrets.token_hex(8)}
    )
    # Absolute (an e-mail), on the host of the page's own Site.
    confirm_url = f"{page.get_full_url(request)}follow/confirm/?t={token}"
    context = {
        "page": page,
        "confirm_url": confirm_url,
        "days": get_setting("FOLLOW_CONFIRMATION_MAX_AGE") // 86400,
    }
    _send(
        "avp_wagtail/emails/follow_confirm_subject.txt",
        "avp_wagtail/emails/follow_confirm_body.txt",
        context,
        email,
    )
    return HttpResponseRedirect(f"{page.get_url(request)}?follow=sent#avp-follow-item")


def confirm_follow(page, request):
    from .models import ItemFollower

    try:
        data = _signer("confirm").unsign_object(
            request.GET.get("t", ""), max_age=get_setting("FOLLOW_CONFIRMATION_MAX_AGE")
        )
    except signing.SignatureExpired:
        return _message(
            request,
            page,
            gettext("This link has expired"),
            gettext("Ask again with the form on the page; nothing has changed."),
            400,
        )
    except signing.BadSignature:
        return _message(
            request, page, gettext("This link is not valid"), gettext("Nothing has changed."), 400
        )
    if not isinstance(data, dict) or data.get("page") != page.pk:
        return _message(
            request, page, gettext("This link is not valid"), gettext("Nothing has changed."), 400
        )
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


def unsubscribe_token(follower):
    return _signer("unsubscribe").sign_object({"id": follower.pk, "email": follower.email})


def unsubscribe(page, request):
    from .models import ItemFollower

    token = request.GET.get("t", "")
    try:
        data = _signer("unsubscribe").unsign_object(
            token, max_age=get_setting("FOLLOW_UNSUBSCRIBE_MAX_AGE")
        )
    except signing.BadSignature:  # includes SignatureExpired
        return _message(
            request, page, gettext("This link is not valid"), gettext("Nothing has changed."), 400
        )
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
        {"title": gettext("Stop e-mails about this action?"), "text": "", "unsubscribe": token}
    )
    return TemplateResponse(request, "avp_wagtail/follow_message.html", context)


def notify_followers(sender, instance, revision=None, **kwargs):
    """``page_published`` receiver: e-mail each follower the progress updates that are new
    since the previously published revision."""
    followers = list(instance.followers.all())
    if not followers:
        return 0
    previous = previously_published(instance, revision)
    if previous is None:
        return 0

    # Compared by content: an update added in a draft has no id in that revision yet.
    def key(update):
        return (update.date, update.kind, update.title, update.text)

    known = {key(update) for update in previous.progress_updates.all()}
    new = [u for u in instance.progress_updates.order_by("date", "pk") if key(u) not in known]
    if not new:
        return 0
    page_url = instance.get_full_url()
    sent = 0
    for follower in followers:
        unsubscribe_url = f"{page_url}follow/unsubscribe/?t={unsubscribe_token(follower)}"
        with translation.override(instance.locale.language_code):
            _send(
                "avp_wagtail/emails/follow_update_subject.txt",
                "avp_wagtail/emails/follow_update_body.txt",
                {
                    "page": instance,
                    "updates": new,
                    "page_url": page_url,
                    "unsubscribe_url": unsubscribe_url,
                },
                follower.email,
                headers={"List-Unsubscribe": f"<{unsubscribe_url}>"},
            )
        sent += 1
    return sent


class FollowRoutesMixin(RoutablePageMixin):
    """``follow/`` (the form posts here), ``follow/confirm/`` and ``follow/unsubscribe/``."""

    @path("follow/", name="follow")
    def follow_route(self, request):
        if request.method != "POST":
            return HttpResponseRedirect(self.get_url(request))
        return in_page_language(self, lambda: request_follow(self, request))

    @path("follow/confirm/", name="follow_confirm")
    def follow_confirm_route(self, request):
        return in_page_language(self, lambda: confirm_follow(self, request))

    @path("follow/unsubscribe/", name="follow_unsubscribe")
    def follow_unsubscribe_route(self, request):
        return in_page_language(self, lambda: unsubscribe(self, request))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("follow_form", FollowForm())
        notice = request.GET.get("follow")
        context["follow_notice"] = notice if notice in ("sent", "confirmed") else None
        return context
