"""The link an anonymous commenter gets by e-mail: signed, expiring, usable once.

The link carries only a random key; the comment waits on the server (``PendingComment``)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django_comments_xtd.models import max_thread_level_for_content_type

from avp_wagtail.comments.choices import CommentMark, ModerationMode
from avp_wagtail.comments.duplicates import identical_comment
from avp_wagtail.comments.models import AvpComment, CommentSettings, PendingComment
from avp_wagtail.comments.notifications import notify_followers
from avp_wagtail.comments.pending import find_pending, key_hash
from avp_wagtail.comments.places import Place, host_version, object_holder
from avp_wagtail.comments.signals import was_posted, will_be_posted
from avp_wagtail.comments.targets import target_for_content_type
from avp_wagtail.comments.threads import comment_link
from avp_wagtail.comments.tokens import (
    BadLink,
    ExpiredLink,
    read_confirmation_token,
    read_expired_confirmation_token,
    read_old_confirmation_token,
)
from avp_wagtail.comments.views.common import (
    commentable_page,
    in_language,
    message,
    shown_page,
)
from avp_wagtail.comments.views.posting import earlier_copy_redirect


def _link_problem(request, text, status=400, pending=None, kept_text=None):
    back_page, back_url = _link_back(pending, request)
    return message(
        request,
        _("This confirmation link cannot be used"),
        text,
        status=status,
        kept_text=pending.comment if pending is not None else kept_text,
        back_page=back_page,
        back_url=back_url,
    )


def _link_back(pending, request):
    """``(what, url)`` of the page the comment was written on (for a link back; ``what``
    has its title), or ``(None, None)`` if the visitor may not see it (unpublished, or
    restricted since). An object's discussion (an idea): the object on that page."""
    from wagtail.models import Page

    if pending is None:
        return None, None
    found = object_holder(pending.content_type_id, pending.object_pk)
    if found is not None:
        holder, target = found
        page = shown_page(request, host_version(holder, target, pending.from_page_id))
        if page is None:
            return None, None
        return holder, Place(holder, page, target).url(request)
    # (An object's id, e.g. an idea's, is no page id: only the page it was written on.)
    is_object = target_for_content_type(pending.content_type_id) is not None
    pk = pending.from_page_id or (None if is_object else pending.object_pk)
    try:
        page = shown_page(request, Page.objects.live().get(pk=int(pk)))
    except (Page.DoesNotExist, TypeError, ValueError, OverflowError):
        return None, None
    return page, page.get_url(request) if page is not None else None


def _valid_parent(pending, target, content_type):
    if not pending.reply_to:
        return True
    parent = AvpComment.objects.filter(
        pk=pending.reply_to,
        content_type=content_type,
        object_pk=str(target.pk),
        is_public=True,
        is_removed=False,
    ).first()
    return parent is not None and parent.level < max_thread_level_for_content_type(content_type)


def _pending_of(token):
    """The comment a genuine link (expired or not) refers to, if still kept."""
    try:
        key = read_expired_confirmation_token(token)
    except BadLink:
        return None
    return find_pending(key)


def _language_of(token):
    """The language the comment of a link was written in (waiting, confirmed or old link)."""
    try:
        key = read_expired_confirmation_token(token)
    except BadLink:
        try:
            return read_old_confirmation_token(token).get("language")
        except (BadLink, AttributeError):
            return None
    pending = find_pending(key)
    if pending is not None:
        return pending.language
    confirmed = AvpComment.objects.filter(confirmation_key=key_hash(key)).first()
    return confirmed.language if confirmed is not None else None


def confirm_comment(request, token):
    language = _language_of(token)
    # Messages in the language of the page she wrote on, not her browser's.
    return in_language(language, lambda: _confirm(request, token))


def _old_link(request, token):
    """A link in the format sent before comments waited on the server, or None."""
    try:
        payload = read_old_confirmation_token(token)
    except BadLink:
        return None
    text = payload.get("comment") if isinstance(payload, dict) else None
    return _link_problem(
        request,
        _(
            "This link is no longer valid: links sent before an update of the website do "
            "not work any more. Your comment was not published; please send it again."
        ),
        status=410,
        kept_text=str(text) if text else None,
    )


def _place(pending, request):
    """Where the waiting comment goes, on the page version it was written on (else the
    thread page), or None: the page or object is gone, hidden, or restricted since she
    wrote (and she has not given its password or logged in here): answered as for an
    unpublished page, nothing published, the text kept."""
    found = object_holder(pending.content_type_id, pending.object_pk)
    if found is not None:  # an object's discussion (an idea)
        holder, target = found
        written_on = host_version(holder, target, pending.from_page_id)
        page = shown_page(request, written_on, target.host_page(holder))
        return Place(holder, page, target) if page is not None else None
    target = commentable_page(pending.content_type_id, pending.object_pk)
    if target is None:
        return None
    written_on = type(target).objects.live().filter(pk=pending.from_page_id).first()
    from_page = shown_page(request, written_on, target)
    return Place(target, from_page) if from_page is not None else None


def _confirm(request, token):
    try:
        key = read_confirmation_token(token)
    except ExpiredLink:
        return _link_problem(
            request,
            _("The link has expired. Your comment was not published; its text is below."),
            pending=_pending_of(token),
        )
    except BadLink:
        old = _old_link(request, token)
        if old is not None:
            return old
        return _link_problem(request, _("The link is not valid. Nothing has been saved."))

    pending = find_pending(key)
    if pending is None:
        if AvpComment.objects.filter(confirmation_key=key_hash(key)).exists():
            return _link_problem(request, _("This comment has already been confirmed."), status=409)
        return _link_problem(
            request,
            _(
                "The link is no longer valid. Nothing has been saved: please send your "
                "comment again."
            ),
            status=410,
        )
    if pending.expires_at < timezone.now():
        return _link_problem(
            request,
            _("The link has expired. Your comment was not published; its text is below."),
            pending=pending,
        )
    place = _place(pending, request)
    if place is None:
        return _link_problem(
            request,
            _("The page no longer exists. Your text is below."),
            status=410,
            pending=pending,
        )
    target = place.holder
    closed_reason = place.closed_reason()
    if closed_reason:
        return _link_problem(request, closed_reason, status=403, pending=pending)
    content_type = ContentType.objects.get_for_model(target)
    if not _valid_parent(pending, target, content_type):
        return _link_problem(
            request,
            _("The comment you replied to is no longer in the discussion. Your text is below."),
            pending=pending,
        )

    page_url = place.url(request)
    earlier = identical_comment(
        target, pending.comment, reply_to=pending.reply_to, email=pending.user_email
    )
    if earlier is not None:  # the link of a re-sent copy: the first one is kept
        return earlier_copy_redirect(page_url, earlier)

    # The setting of the municipality whose page it is, never of the host the link was
    # opened on: another site's post-moderation must not publish a pre-moderated comment.
    moderation = CommentSettings.for_page(place.host).moderation
    comment = AvpComment(
        content_type=content_type,
        object_pk=str(target.pk),
        site_id=getattr(settings, "SITE_ID", None),
        user_name=pending.user_name[:50],
        user_email=pending.user_email,
        comment=pending.comment,
        mark=pending.mark if pending.mark in CommentMark.values else CommentMark.NEUTRAL,
        parent_id=pending.reply_to,
        followup=pending.followup,
        language=pending.language[:15],
        ip_address=pending.ip_address,
        submit_date=timezone.now(),
        is_public=moderation == ModerationMode.POST,
        confirmation_key=pending.key_hash,
    )
    if not will_be_posted(comment, request):  # refused by a host's receiver or moderator
        return _link_problem(request, _("Your comment could not be accepted"), pending=pending)
    try:
        with transaction.atomic():
            comment.save()
            # Deleted only if still there: of two simultaneous clicks, one publishes.
            if not PendingComment.objects.filter(pk=pending.pk).delete()[0]:
                raise IntegrityError("already confirmed")
    except IntegrityError:
        return _link_problem(request, _("This comment has already been confirmed."), status=409)
    was_posted(comment, request)
    if comment.is_public:
        notify_followers(comment, request, place.host)

    if comment.is_public:
        return HttpResponseRedirect(comment_link(page_url, comment.pk, comment="confirmed"))
    return HttpResponseRedirect(f"{page_url}?comment=pending#comments")
