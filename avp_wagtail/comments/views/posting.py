"""Posting a comment: security checks, the thread check, rate limit, then publish or confirm."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avp_wagtail.comments.context import KEPT_FORM, keep_form
from avp_wagtail.comments.duplicates import duplicate_notice, identical_comment
from avp_wagtail.comments.forms import AvpCommentForm
from avp_wagtail.comments.notifications import notify_followers, send_confirmation_request
from avp_wagtail.comments.pending import store_pending
from avp_wagtail.comments.permissions import can_moderate_page
from avp_wagtail.comments.places import Place, host_version, object_holder
from avp_wagtail.comments.ratelimit import client_ip, over_limit
from avp_wagtail.comments.signals import was_posted, will_be_posted
from avp_wagtail.comments.threads import comment_link, thread_page_id
from avp_wagtail.comments.views.common import commentable_page, in_language, message
from avp_wagtail.core.cleaning import cleaned_data_dict, parse_id
from avp_wagtail.core.visibility import is_visible


def _content_type_id(label):
    try:
        app_label, model = (label or "").split(".")
        return ContentType.objects.get_by_natural_key(app_label, model).pk
    except (ValueError, ContentType.DoesNotExist):
        return None


def _kept_text_message(request, form, status, notice):
    return message(
        request,
        _("Your comment could not be accepted"),
        notice,
        status=status,
        kept_text=form.data.get("comment"),
    )


def rerender_page(request, page, form, status, notice=None):
    """Show the page again with the resident's form, their text kept and errors marked."""
    context = page.get_context(request)
    if not keep_form(context.get("avp_comments"), form, notice):
        return _kept_text_message(request, form, status, notice)
    return TemplateResponse(request, page.get_template(request), context, status=status)


def rerender(request, place, form, status, notice=None):
    """``rerender_page`` for a page's discussion; for an object's, its own page (the
    target's ``render``), the form put in by the object context provider."""
    if place.target is None:
        return rerender_page(request, place.page, form, status, notice)
    kept = {"form": form, "notice": notice, "used": False}
    setattr(request, KEPT_FORM, kept)
    try:
        response = place.target.render(place.holder, place.page, request)
    except Http404:
        response = None
    finally:
        delattr(request, KEPT_FORM)
    if response is None or not kept["used"]:
        return _kept_text_message(request, form, status, notice)
    response.status_code = status
    return response


def earlier_copy_redirect(page_url, earlier):
    """Back to the page, telling the resident where the comment she re-sent already is."""
    notice = duplicate_notice(earlier)
    if notice == "duplicate":
        return HttpResponseRedirect(f"{page_url}?comment=duplicate&cid={earlier.pk}#comments")
    return HttpResponseRedirect(f"{page_url}?comment={notice}#comments")


def _bad_request(request, text):
    return message(request, _("Your comment could not be accepted"), text, status=400)


@require_POST
def post_comment(request):
    data = cleaned_data_dict(request.POST)  # without control characters (a copy)
    place = _place(data)
    if place is None:
        return _bad_request(request, _("The page you tried to comment on does not exist."))
    if place.page is None:
        return _bad_request(request, _("This comment form belongs to another page's discussion."))
    if not is_visible(place.page, request):
        # A page under a view restriction the poster has not passed: nothing is stored and
        # the page is not shown again (it would show the restricted content).
        return _bad_request(request, _("The page you tried to comment on does not exist."))
    # Errors, messages and e-mails in the language of the page she wrote on.
    return in_language(place.page.locale.language_code, lambda: _post(request, data, place))


def _place(data):
    """Where the form was sent from: None when its discussion does not exist; a place
    without a page when the form names a page that is not one of its versions."""
    content_type_id = _content_type_id(data.get("content_type"))
    found = object_holder(content_type_id, data.get("object_pk"))
    if found is not None:  # an object's discussion (an idea)
        holder, target = found
        return Place(holder, host_version(holder, target, data.get("from_page")), target)
    target = commentable_page(content_type_id, data.get("object_pk"))
    if target is None:
        return None
    from_page = type(target).objects.live().filter(pk=parse_id(data.get("from_page")) or 0).first()
    if (
        from_page is None
        or from_page.translation_key != target.translation_key
        or thread_page_id(from_page) != target.pk
    ):
        from_page = None
    return Place(target, from_page)


def _post(request, data, place):
    target, from_page = place.holder, place.page
    page_url = place.url(request)
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
        return rerender(
            request,
            place,
            fresh,
            status=400,
            notice=_("The form had been open too long. Your text is below: please send it again."),
        )
    if security_errors:
        return _bad_request(
            request,
            _("The form was changed or sent by a program. Nothing has been saved."),
        )

    closed_reason = place.closed_reason()
    if closed_reason:
        return rerender(request, place, form, status=403, notice=closed_reason)
    if form.errors:
        return rerender(request, place, form, status=400)

    comment = form.get_comment_object()
    earlier = identical_comment(
        target,
        comment.comment,
        reply_to=form.cleaned_data["reply_to"],
        email=comment.user_email,
        user=request.user,
    )
    if earlier is not None:  # sent again: nothing stored, no e-mail, not counted
        return earlier_copy_redirect(page_url, earlier)
    if over_limit(request):
        return rerender(
            request,
            place,
            form,
            status=429,
            notice=_(
                "You have posted several comments in a short time. Please wait a few "
                "minutes and send again; your text is kept below."
            ),
        )

    if not request.user.is_authenticated:
        # The comment waits on the server; the e-mailed link carries only a signed key.
        pending, token = store_pending(
            content_type_id=comment.content_type_id,
            object_pk=str(comment.object_pk),
            from_page_id=from_page.pk,
            user_name=comment.user_name[:50],
            user_email=comment.user_email,
            comment=comment.comment,
            mark=comment.mark,
            reply_to=form.cleaned_data["reply_to"] or 0,
            followup=bool(comment.followup),
            language=(comment.language or "")[:15],
            ip_address=client_ip(request),
        )
        send_confirmation_request(request, pending, token, from_page)
        return HttpResponseRedirect(f"{page_url}?comment=sent#comments")

    comment.user = request.user
    comment.ip_address = client_ip(request)
    # The form has no official-response field for others; checked again here in case.
    comment.is_official_response = comment.is_official_response and can_moderate_page(
        request.user, place.host
    )
    if not comment.is_official_response:
        comment.official_role = ""
    if not will_be_posted(comment, request):  # refused by a host's receiver or moderator
        return _bad_request(request, _("Your comment could not be accepted"))
    comment.save()
    was_posted(comment, request)
    if not comment.is_public:  # kept for moderation by a host's CommentModerator
        return HttpResponseRedirect(f"{page_url}?comment=pending#comments")
    notify_followers(comment, request, place.host)
    return HttpResponseRedirect(comment_link(page_url, comment.pk, comment="posted"))
