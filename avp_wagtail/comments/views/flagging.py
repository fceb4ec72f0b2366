"""Residents flag a comment (spam, offensive, off-topic); enough flags hide it."""

from django.conf import settings
from django.http import HttpResponseRedirect, QueryDict
from django.utils.crypto import salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from avp_wagtail.comments.choices import FlagReason
from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.moderation import record_flag
from avp_wagtail.comments.places import Place
from avp_wagtail.comments.targets import target_for_model
from avp_wagtail.comments.views.common import in_language, message, shown_page
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
    # SHA-1 named, not left to the default (deprecated in Django 6.1): the key is stored
    # (CommentFlagReport.reporter_key) and compared with new flags, so another algorithm
    # would let everyone who flagged before an upgrade flag the same comment again. As an
    # HMAC, SHA-1 is still sound.
    return salted_hmac(f"avp_comments.flag.{salt}", who, algorithm="sha1").hexdigest()


@require_http_methods(["GET", "HEAD", "POST"])
def flag_comment(request, comment_id):
    """GET: the report form of one comment (each comment on the page links here, instead
    of carrying a form of its own). POST: record the flag and go back to the page."""
    # "next" is the page the flag was sent from: answer in its language (/en/..., /ru/...).
    params = request.POST if request.method == "POST" else request.GET
    language = get_language_from_path(params.get("next", ""))
    return in_language(language, lambda: _flag(request, comment_id))


def _safe_next(request, next_url):
    """``next`` when it is a path on this host, else None."""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return None


def _back_to(next_url, notice):
    """The page the flag came from, at the same screen of the discussion, with a notice."""
    path, _sep, query = next_url.split("#")[0].partition("?")
    screen = QueryDict(query).get("comments", "")
    screen = f"comments={screen}&" if screen.isascii() and screen.isdigit() else ""
    return f"{path}?{screen}comment={notice}#comments"


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
    if request.method != "POST":
        return _form(request, comment)
    reason = request.POST.get("reason")
    if reason not in FlagReason.values:
        return message(
            request,
            _("The flag could not be recorded"),
            _("Choose why the comment should be looked at: spam, offensive or off-topic."),
            status=400,
        )
    record_flag(comment, reason, reporter_key(request), request.user)
    next_url = _safe_next(request, request.POST.get("next", "")) or "/"
    return HttpResponseRedirect(_back_to(next_url, "flagged"))


def _form(request, comment):
    """The report form, with the comment it is about and a link back to the page."""
    next_url = _safe_next(request, request.GET.get("next", ""))
    holder = comment.content_object
    target = target_for_model(holder)
    if target is not None:  # an object's discussion (an idea): shown on its host page
        original = target.host_page(holder) if target.is_shown(holder) else None
    else:
        original = holder.specific_deferred if holder is not None else None
    translated = None
    if original is not None:  # its title in the reader's language, where there is one
        translated = original.get_translation_or_none(Locale.get_active())
    # The comment's text is shown: only to a visitor who may see its page (live, and past
    # any view restriction), as on the page itself.
    page = shown_page(request, *[p for p in (translated, original) if p is not None and p.live])
    if page is None:
        return message(
            request,
            _("The flag could not be recorded"),
            _("This comment does not exist or is no longer shown."),
            status=400,
        )
    place = Place(holder, page, target)
    if next_url is None:
        next_url = place.url(request) or "/"
    back = next_url.split("#")[0]
    response = message(
        request,
        _("Report a comment"),
        _("A moderator will look at the comment. Enough reports hide it until then."),
        template="avp_wagtail/comments/flag.html",
        comment=comment,
        next_url=next_url,
        flag_reasons=FlagReason.choices,
        back_url=f"{back}{'&' if '?' in back else '?'}c={comment.pk}#c{comment.pk}",
        back_page=page if target is None else holder,
    )
    response["X-Robots-Tag"] = "noindex"  # one per comment: nothing for a search engine
    return response
