"""Follow one action item by e-mail (I2): double opt-in, signed expiring links, one-click
unsubscribe, and an e-mail for each new progress update when the item is published.

Follow requests are rate-limited per network and per address (``avp_wagtail.ratelimit``).
The unsubscribe link of each e-mail is also its ``List-Unsubscribe`` header, with
``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` (RFC 8058) when the host site includes
``avp_wagtail.urls``: that view takes a POST without a CSRF token (a mail client's one
click), authorised by the signed token alone; its GET only asks.
"""

import secrets

from django import forms
from django.conf import settings
from django.core import checks, signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .change_history import previously_published
from .conf import get_setting
from .emails import validate_deliverable_email
from .forms.cleaning import ControlCharacterCleaningMixin

SIGNER_SALT = "avp_wagtail.follow"


class FollowForm(ControlCharacterCleaningMixin, forms.Form):
    """One field; prefixed so that its id never clashes with the comment form's e-mail."""

    prefix = "follow"

    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm. Each e-mail has a link to stop."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        validators=[validate_deliverable_email],
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


def _over_limit(request, email):
    from .ratelimit import over_limit

    return over_limit(
        request,
        "avp_follow",
        get_setting("FOLLOW_RATE_LIMIT"),
        get_setting("FOLLOW_RATE_PERIOD"),
        trusted_networks=get_setting("RATE_TRUSTED_NETWORKS"),
        email=email,
        email_limit=get_setting("FOLLOW_RATE_ADDRESS_LIMIT"),
    )


def _form_again(page, request, form, status, notice=None):
    """The item page again, the address kept, the error summary focused (follow_item.html)."""
    context = page.get_context(request)
    context["follow_form"] = form
    context["follow_error_notice"] = notice
    return TemplateResponse(request, page.get_template(request), context, status=status)


def request_follow(page, request):
    """POST of the follow form: e-mail a confirmation link; nothing is stored yet."""
    form = FollowForm(request.POST)
    if not form.is_valid():
        # The item page again, the address kept, the error summary focused (follow_item.html).
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
    return _signer("unsubscribe").sign_object(
        {"id": follower.pk, "email": follower.email, "page": follower.page_id}
    )


def _read_unsubscribe_token(token):
    """The token's data (a dict), or None for a forged, malformed or expired token."""
    try:
        data = _signer("unsubscribe").unsign_object(
            token, max_age=get_setting("FOLLOW_UNSUBSCRIBE_MAX_AGE")
        )
    except signing.BadSignature:  # includes SignatureExpired
        return None
    return data if isinstance(data, dict) else None


def one_click_url(token):
    """Path of the CSRF-free unsubscribe view, or None when the host site does not include
    ``avp_wagtail.urls`` (the page's own, CSRF-protected route is used then)."""
    try:
        return reverse("avp_wagtail:follow_unsubscribe", args=[token])
    except NoReverseMatch:
        return None


def unsubscribe(page, request, token=None, action=None):
    """GET asks (a link preview or a mail scanner unsubscribes nobody); POST unsubscribes."""
    from .models import ItemFollower

    token = request.GET.get("t", "") if token is None else token
    data = _read_unsubscribe_token(token)
    if data is None:
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
        {
            "title": gettext("Stop e-mails about this action?"),
            "text": "",
            "unsubscribe": token,
            "unsubscribe_action": action,
        }
    )
    return TemplateResponse(request, "avp_wagtail/follow_message.html", context)


@csrf_exempt  # mail clients post RFC 8058 one-click requests without a CSRF token
def one_click_unsubscribe(request, token):
    """``avp_wagtail.urls``: the unsubscribe link of follow e-mails, on any host.

    Only the signed token authorises the POST (so it needs no CSRF token); a GET shows the
    question and a button, in the language of the followed page."""
    from django.http import HttpResponseNotAllowed
    from django.shortcuts import render

    from .models import ActionItemPage, ItemFollower

    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    data = _read_unsubscribe_token(token)
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


@checks.register()
def check_one_click_unsubscribe(app_configs, **kwargs):
    if one_click_url("x") is not None:
        return []
    return [
        checks.Warning(
            "avp_wagtail.urls is not included: follow e-mails have no one-click unsubscribe "
            "(RFC 8058), mail clients' unsubscribe button opens a page instead.",
            hint='Add path("avp/", include("avp_wagtail.urls")) to your urls.py, outside '
            "i18n_patterns.",
            id="avp_wagtail.W101",
        )
    ]


def notify_followers(sender, instance, revision=None, **kwargs):
    """``page_published`` receiver: e-mail each follower the progress updates that are new
    since the previously published revision."""
    from .visibility import is_visible

    followers = list(instance.followers.all())
    if not followers or not is_visible(instance):  # nothing of a restricted page by e-mail
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
    parts = instance.get_url_parts()
    site_root = (parts[1] or "").rstrip("/") if parts else ""
    sent = 0
    for follower in followers:
        token = unsubscribe_token(follower)
        one_click = one_click_url(token)
        if one_click is not None:  # on the host of the page's own Site
            unsubscribe_url = f"{site_root}{one_click}"
            headers = {
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
        else:  # the page's route needs a CSRF token: a link to a page, no one-click POST
            unsubscribe_url = f"{page_url}follow/unsubscribe/?t={token}"
            headers = {"List-Unsubscribe": f"<{unsubscribe_url}>"}
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
                headers=headers,
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
