"""Posting a comment: security checks, the thread check, rate limit, then publish or confirm."""

import secrets

from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms import AvpCommentForm
from ..notifications import notify_followers, send_confirmation_request
from ..permissions import can_moderate
from ..ratelimit import client_ip, is_limited, record
from ..threads import thread_page_id
from ..tokens import make_confirmation_token
from .common import commentable_page, message


def _content_type_id(label):
    try:
        app_label, model = (label or "").split(".")
        return ContentType.objects.get_by_natural_key(app_label, model).pk
    except (ValueError, ContentType.DoesNotExist):
        return None


def rerender_page(request, page, form, status, notice=None):
    """Show the page again with the resident's form, their text kept and errors marked."""
    context = page.get_context(request)
    comments = context.get("avp_comments")
    if comments is None or comments["form"] is None:
        return message(
            request,
            _("Your comment could not be accepted"),
            notice,
            status=status,
            kept_text=form.data.get("comment"),
        )
    comments["form"] = form
    comments["error_notice"] = notice
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _bad_request(request, text):
    return message(request, _("Your comment could not be accepted"), text, status=400)


@require_POST
def post_comment(request):
    data = request.POST.copy()
    target = commentable_page(_content_type_id(data.get("content_type")), data.get("object_pk"))
    if target is None:
        return _bad_request(request, _("The page you tried to comment on does not exist."))
    try:
        from_page = type(target).objects.live().get(pk=int(data.get("from_page", "")))
    except (ValueError, type(target).DoesNotExist):
        from_page = None
    if (
        from_page is None
        or from_page.translation_key != target.translation_key
        or thread_page_id(from_page) != target.pk
    ):
        return _bad_request(request, _("This comment form belongs to another page's discussion."))

    form = AvpCommentForm(target, data=data, user=request.user, from_page=from_page)
    form.is_valid()
    security_errors = form.security_errors()
    if "timestamp" in security_errors and set(security_errors) == {"timestamp"}:
        # A genuine form left open too long: give the text back in a fresh form.
        fresh = AvpCommentForm(
            target,
            user=request.user,
            from_page=from_page,
            initial={name: data.get(name) for name in ("name", "email", "comment", "mark")},
        )
        return rerender_page(
            request,
            from_page,
            fresh,
            status=400,
            notice=_("The form had been open too long. Your text is below: please send it again."),
        )
    if security_errors:
        return _bad_request(
            request,
            _("The form was changed or sent by a program. Nothing has been saved."),
        )

    closed_reason = target.comments_closed_reason()
    if closed_reason:
        return rerender_page(request, from_page, form, status=403, notice=closed_reason)
    if form.errors:
        return rerender_page(request, from_page, form, status=400)
    if is_limited(request):
        return rerender_page(
            request,
            from_page,
            form,
            status=429,
            notice=_(
                "You have posted several comments in a short time. Please wait a few "
                "minutes and send again; your text is kept below."
            ),
        )
    record(request)

    comment = form.get_comment_object()
    if not request.user.is_authenticated:
        payload = {
            "ct": comment.content_type_id,
            "pk": comment.object_pk,
            "from": from_page.pk,
            "name": comment.user_name,
            "email": comment.user_email,
            "comment": comment.comment,
            "mark": comment.mark,
            "reply_to": comment.parent_id,
            "followup": comment.followup,
            "language": comment.language,
            "ip": client_ip(request),
            "nonce": secrets.token_hex(16),
        }
        send_confirmation_request(request, payload, make_confirmation_token(payload), from_page)
        return HttpResponseRedirect(f"{from_page.url}?comment=sent#comments")

    if comment.pk is None:  # not a double click re-sending the same text
        comment.user = request.user
        comment.ip_address = client_ip(request)
        comment.is_official_response = comment.is_official_response and can_moderate(request.user)
        comment.save()
        notify_followers(comment, request, target)
    return HttpResponseRedirect(f"{from_page.url}?comment=posted#c{comment.pk}")
