"""E-mails about comments: the confirmation link and reply notifications.

Sent synchronously through Django's mail backend (``COMMENTS_XTD_THREADED_EMAILS = False``
is required by the system checks), so a host site's queueing backend can take them.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from avp_wagtail.comments.conf import comment_setting
from avp_wagtail.comments.tokens import make_unsubscribe_token
from avp_wagtail.core.emails import send_templated
from avp_wagtail.core.sites import municipality_name, site_of


def _send(name, context, to, **kwargs):
    """``avp_wagtail/comments/emails/<name>_subject.txt`` and ``…_body.txt``, sent through
    the package's one mail helper (sender ``AVP_WAGTAIL["FROM_EMAIL"]``)."""
    return send_templated(
        f"avp_wagtail/comments/emails/{name}_subject.txt",
        f"avp_wagtail/comments/emails/{name}_body.txt",
        context,
        to,
        **kwargs,
    )


def absolute_url(page, path, request=None):
    """``path`` on the host of ``page``'s own Wagtail Site (hostname and port of the Site
    record; never the sites framework's domain, nor the admin's host)."""
    parts = page.get_url_parts(request)
    if parts is None or not parts[1]:
        return request.build_absolute_uri(path) if request is not None else path
    return f"{parts[1].rstrip('/')}{path}"


def send_confirmation_request(request, pending, token, page):
    """Ask an anonymous commenter to confirm their address (their ``PendingComment`` waits
    until then).

    Sent in the active language: the view runs in the language of the page she wrote on."""
    context = {
        "name": pending.user_name,
        "comment": pending.comment,
        "page": page,
        "page_url": page.get_full_url(request),
        "confirm_url": absolute_url(page, reverse("avp_comments:confirm", args=[token]), request),
        "max_age_days": comment_setting("COMMENT_CONFIRMATION_MAX_AGE") // (24 * 60 * 60),
    }
    return _send("confirm", context, [pending.user_email])


def _page_in(page, language):
    """The follower's language version of the thread page (the thread page if none)."""
    if page.locale.language_code == language:
        return page
    translated = (
        type(page)
        .objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language)
    ).first()
    return translated or page


def notify_followers(comment, request, page):
    """Tell those who asked for it that ``comment`` was posted in their conversation.

    The followers are the authors of the other comments in the same thread (the top-level
    comment and its replies) who ticked "e-mail me". Each e-mail is in the language the
    follower wrote in and has a one-click unsubscribe link (also as List-Unsubscribe).
    """
    from avp_wagtail.comments.models import AvpComment

    if comment.parent_id == comment.pk:
        return 0
    if comment.is_official_response:  # signed with the municipality of the page's site
        comment.municipality_name = municipality_name(site_of(page, request))
    followers = {}
    for earlier in AvpComment.objects.filter(
        thread_id=comment.thread_id, followup=True, is_public=True, is_removed=False
    ).exclude(pk=comment.pk):
        address = (earlier.user_email or "").strip().lower()
        if address and address != (comment.user_email or "").strip().lower():
            followers.setdefault(address, earlier)
    sent = 0
    for address, earlier in followers.items():
        language = earlier.language or settings.LANGUAGE_CODE
        token = make_unsubscribe_token(
            address, comment.content_type_id, comment.object_pk, language=language
        )
        unsubscribe_url = absolute_url(
            page, reverse("avp_comments:unsubscribe", args=[token]), request
        )
        with translation.override(language):
            shown = _page_in(page, language)
            context = {
                "comment": comment,
                "page": shown,
                "comment_url": f"{shown.get_full_url(request)}#c{comment.pk}",
                "unsubscribe_url": unsubscribe_url,
            }
            sent += _send(
                "reply",
                context,
                [earlier.user_email],
                headers={
                    "List-Unsubscribe": f"<{unsubscribe_url}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
    return sent
