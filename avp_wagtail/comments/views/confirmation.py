"""The link an anonymous commenter gets by e-mail: signed, expiring, usable once."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django_comments_xtd.models import max_thread_level_for_content_type

from ..choices import CommentMark, ModerationMode
from ..duplicates import identical_comment
from ..models import AvpComment, CommentSettings
from ..notifications import notify_followers
from ..tokens import (
    BadLink,
    ExpiredLink,
    read_confirmation_token,
    read_expired_confirmation_token,
)
from .common import commentable_page, in_language, message
from .posting import earlier_copy_redirect

PAYLOAD_KEYS = {"ct", "pk", "from", "name", "email", "comment", "mark", "reply_to", "nonce"}


def _link_problem(request, text, status=400, payload=None):
    page = _from_page(payload)
    return message(
        request,
        _("This confirmation link cannot be used"),
        text,
        status=status,
        kept_text=(payload or {}).get("comment"),
        back_page=page,
        back_url=page.get_url(request) if page is not None else None,
    )


def _from_page(payload):
    """The live page the comment was written on (for a link back), or None."""
    from wagtail.models import Page

    try:
        return Page.objects.live().get(pk=int((payload or {}).get("from")))
    except (Page.DoesNotExist, TypeError, ValueError):
        return None


def _valid_parent(payload, target, content_type):
    reply_to = payload["reply_to"]
    if not reply_to:
        return True
    parent = AvpComment.objects.filter(
        pk=reply_to,
        content_type=content_type,
        object_pk=str(target.pk),
        is_public=True,
        is_removed=False,
    ).first()
    return parent is not None and parent.level < max_thread_level_for_content_type(content_type)


def confirm_comment(request, token):
    try:
        language = read_expired_confirmation_token(token).get("language")
    except (BadLink, AttributeError):
        language = None
    # Messages in the language of the page she wrote on, not her browser's.
    return in_language(language, lambda: _confirm(request, token))


def _confirm(request, token):
    try:
        payload = read_confirmation_token(token)
    except ExpiredLink:
        try:
            payload = read_expired_confirmation_token(token)
        except BadLink:
            payload = None
        return _link_problem(
            request,
            _("The link has expired. Your comment was not published; its text is below."),
            payload=payload if isinstance(payload, dict) else None,
        )
    except BadLink:
        return _link_problem(request, _("The link is not valid. Nothing has been saved."))
    if not isinstance(payload, dict) or not PAYLOAD_KEYS <= payload.keys():
        return _link_problem(request, _("The link is not valid. Nothing has been saved."))

    existing = AvpComment.objects.filter(confirmation_key=payload["nonce"]).first()
    if existing is not None:
        return _link_problem(request, _("This comment has already been confirmed."), status=409)
    target = commentable_page(payload["ct"], payload["pk"])
    if target is None:
        return _link_problem(
            request,
            _("The page no longer exists. Your text is below."),
            status=410,
            payload=payload,
        )
    closed_reason = target.comments_closed_reason()
    if closed_reason:
        return _link_problem(request, closed_reason, status=403, payload=payload)
    content_type = ContentType.objects.get_for_model(target)
    if not _valid_parent(payload, target, content_type):
        return _link_problem(
            request,
            _("The comment you replied to is no longer in the discussion. Your text is below."),
            payload=payload,
        )

    from_page = type(target).objects.live().filter(pk=payload["from"]).first() or target
    page_url = from_page.get_url(request)
    earlier = identical_comment(
        target,
        str(payload["comment"]),
        reply_to=int(payload["reply_to"] or 0),
        email=str(payload["email"]),
    )
    if earlier is not None:  # the link of a re-sent copy: the first one is kept
        return earlier_copy_redirect(page_url, earlier)

    moderation = CommentSettings.for_request(request).moderation
    comment = AvpComment(
        content_type=content_type,
        object_pk=str(target.pk),
        site_id=getattr(settings, "SITE_ID", None),
        user_name=str(payload["name"])[:50],
        user_email=str(payload["email"]),
        comment=str(payload["comment"]),
        mark=payload["mark"] if payload["mark"] in CommentMark.values else CommentMark.NEUTRAL,
        parent_id=int(payload["reply_to"] or 0),
        followup=bool(payload.get("followup")),
        language=str(payload.get("language", ""))[:15],
        ip_address=payload.get("ip") or None,
        submit_date=timezone.now(),
        is_public=moderation == ModerationMode.POST,
        confirmation_key=payload["nonce"],
    )
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        return _link_problem(request, _("This comment has already been confirmed."), status=409)
    if comment.is_public:
        notify_followers(comment, request, target)

    if comment.is_public:
        return HttpResponseRedirect(f"{page_url}?comment=confirmed#c{comment.pk}")
    return HttpResponseRedirect(f"{page_url}?comment=pending#comments")
