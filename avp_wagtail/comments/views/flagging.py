"""Residents flag a comment (spam, offensive, off-topic); enough flags hide it."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.crypto import salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avp_wagtail.comments.choices import FlagReason
from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.moderation import record_flag
from avp_wagtail.comments.views.common import in_language, message
from avp_wagtail.core.cleaning import parse_id
from avp_wagtail.core.ratelimit import request_identity


def reporter_key(request):
    """Who flagged, as a keyed hash: the account if logged in, else the address."""
    if request.user.is_authenticated:
        who = f"user:{request.user.pk}"
    else:
        # IPv6 by its /64: a client changes address within it at will.
        who = f"ip:{request_identity(request)}"
    salt = getattr(settings, "COMMENTS_XTD_SALT", b"")
    if isinstance(salt, bytes):
        salt = salt.decode("utf-8", "replace")
    return salted_hmac(f"avp_comments.flag.{salt}", who).hexdigest()


@require_POST
def flag_comment(request, comment_id):
    # "next" is the page the flag was sent from: answer in its language (/en/..., /ru/...).
    language = get_language_from_path(request.POST.get("next", ""))
    return in_language(language, lambda: _flag(request, comment_id))


def _flag(request, comment_id):
    # Not a 404: LocaleMiddleware would turn it into a redirect to /<language>/comments/...
    # An id too large for the database (the URL takes any digits) is no comment either.
    comment_id = parse_id(comment_id)
    comment = (
        AvpComment.objects.filter(pk=comment_id, is_public=True, is_removed=False).first()
        if comment_id is not None
        else None
    )
    if comment is None:
        return message(
            request,
            _("The flag could not be recorded"),
            _("This comment does not exist or is no longer shown."),
            status=400,
        )
    reason = request.POST.get("reason")
    if reason not in FlagReason.values:
        return message(
            request,
            _("The flag could not be recorded"),
            _("Choose why the comment should be looked at: spam, offensive or off-topic."),
            status=400,
        )
    record_flag(comment, reason, reporter_key(request), request.user)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    return HttpResponseRedirect(f"{next_url.split('?')[0].split('#')[0]}?comment=flagged#comments")
