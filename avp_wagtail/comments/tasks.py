"""Background tasks that send the comment e-mails: the confirmation link and reply
notifications (``notifications`` enqueues them; ``core.tasks`` explains the set-up).

Sent through Django's mail backend (``COMMENTS_XTD_THREADED_EMAILS = False`` is required by
the system checks), so a host site's queueing backend can take them too.
"""

import logging
import secrets

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.models import Page

from avp_wagtail.comments.conf import comment_setting
from avp_wagtail.comments.models import AvpComment, PendingComment, is_premoderated
from avp_wagtail.comments.pending import key_hash
from avp_wagtail.comments.places import Place, object_holder
from avp_wagtail.comments.targets import target_for_content_type
from avp_wagtail.comments.threads import comment_link
from avp_wagtail.comments.tokens import make_confirmation_token, make_unsubscribe_token
from avp_wagtail.core.emails import TASK_ATTEMPTS, EmailNotSent, send_templated
from avp_wagtail.core.sites import municipality_name, site_of
from avp_wagtail.core.visibility import visible

logger = logging.getLogger(__name__)


def _send(name, context, to, **kwargs):
    """``avp_wagtail/comments/emails/<name>_subject.txt`` and ``…_body.txt``, sent through
    the package's one mail helper (sender ``AVP_WAGTAIL["FROM_EMAIL"]``), retrying a
    transient SMTP error."""
    return send_templated(
        f"avp_wagtail/comments/emails/{name}_subject.txt",
        f"avp_wagtail/comments/emails/{name}_body.txt",
        context,
        to,
        attempts=TASK_ATTEMPTS,
        **kwargs,
    )


def absolute_url(page, path, request=None, root_url=""):
    """``path`` on the host of ``page``'s own Wagtail Site (hostname and port of the Site
    record; never the sites framework's domain, nor the admin's host). Without one: on the
    request's host, or on ``root_url`` (the host of the request that enqueued a task)."""
    parts = page.get_url_parts(request)
    if parts is None or not parts[1]:
        if request is not None:
            return request.build_absolute_uri(path)
        return f"{root_url.rstrip('/')}{path}"
    return f"{parts[1].rstrip('/')}{path}"


def _page(page_id):
    page = Page.objects.filter(pk=page_id).first()
    return page.specific if page is not None else None


@task()
def send_comment_confirmation(pending_id, page_id, language, root_url=""):
    """Ask the anonymous author of ``PendingComment`` ``pending_id`` to confirm her address,
    in ``language`` (that of the page she wrote on). The link's key is made here, and only
    its hash stored: the key never waits in the task queue (a database backend's table)."""
    pending = PendingComment.objects.filter(pk=pending_id).first()
    page = _page(page_id)
    if pending is None or page is None:  # confirmed, expired or erased meanwhile
        return 0
    place = Place(page, page)
    if target_for_content_type(pending.content_type_id) is not None:  # an object's (an idea)
        found = object_holder(pending.content_type_id, pending.object_pk)
        if found is None:  # hidden or deleted meanwhile
            return 0
        place = Place(found[0], page, found[1])
    key = secrets.token_urlsafe(24)
    PendingComment.objects.filter(pk=pending.pk).update(key_hash=key_hash(key))
    token = make_confirmation_token(key)
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "name": pending.user_name,
            "comment": pending.comment,
            "page": page,
            "title": place.title,
            "page_url": place.full_url(),
            "confirm_url": absolute_url(
                page, reverse("avp_comments:confirm", args=[token]), root_url=root_url
            ),
            "max_age_days": comment_setting("COMMENT_CONFIRMATION_MAX_AGE") // (24 * 60 * 60),
            "premoderated": is_premoderated(place.host),
        }
        # A failure is logged and raised (EmailNotSent): the task is recorded as failed.
        return _send(
            "confirm",
            context,
            [pending.user_email],
            what=f"comment confirmation (pending comment {pending.pk})",
        )


def _public_versions(page):
    """The versions of the thread page (its translations) anyone may see: live and under no
    view restriction. An e-mail has no visitor to ask for a password or a login, so a
    version an editor restricted is never named or linked in one (core.visibility)."""
    return list(
        visible(type(page).objects.filter(translation_key=page.translation_key)).select_related(
            "locale"
        )
    )


def _page_in(versions, page, language):
    """The follower's language version of the thread page (else the thread page, else any
    public version) among ``versions``."""
    return min(
        versions,
        key=lambda version: (version.locale.language_code != language, version.pk != page.pk),
    )


@task()
def send_reply_notifications(comment_id, page_id, root_url=""):
    """Tell those who asked for it that comment ``comment_id`` was posted in their
    conversation on page ``page_id`` (the thread page; for an object's discussion, e.g.
    an idea's, its host page: the e-mail links to the object on it). Returns the number of
    e-mails sent.

    The followers are the authors of the other comments in the same thread (the top-level
    comment and its replies) who ticked "e-mail me". Each e-mail is in the language the
    follower wrote in and has a one-click unsubscribe link (also as List-Unsubscribe).
    Nothing is sent about a comment no longer public, nor about a page no one may see
    without a password or login: the e-mail would carry the comment and a link into it to
    followers who may not see it. An e-mail that fails for good is logged (comment id, the
    error's class), the others are sent, then the task fails (``EmailNotSent``)."""
    comment = AvpComment.objects.filter(pk=comment_id).first()
    page = _page(page_id)
    if comment is None or page is None or comment.parent_id == comment.pk:
        return 0
    if not comment.is_public or comment.is_removed:  # hidden again before the task ran
        return 0
    holder, target = page, None
    if target_for_content_type(comment.content_type_id) is not None:  # an object's (an idea)
        found = object_holder(comment.content_type_id, comment.object_pk)
        if found is None:  # hidden or deleted meanwhile: not named in an e-mail
            return 0
        holder, target = found
    versions = _public_versions(page)
    if not versions:  # unpublished, or restricted since: the e-mail would reveal it
        return 0
    if comment.is_official_response:  # signed with the municipality of the page's site
        comment.municipality_name = municipality_name(site_of(page))
    followers = {}
    for earlier in AvpComment.objects.filter(
        thread_id=comment.thread_id, followup=True, is_public=True, is_removed=False
    ).exclude(pk=comment.pk):
        address = (earlier.user_email or "").strip().lower()
        if address and address != (comment.user_email or "").strip().lower():
            followers.setdefault(address, earlier)
    sent = failed = 0
    for address, earlier in followers.items():
        language = earlier.language or settings.LANGUAGE_CODE
        token = make_unsubscribe_token(
            address, comment.content_type_id, comment.object_pk, language=language
        )
        unsubscribe_url = absolute_url(
            page, reverse("avp_comments:unsubscribe", args=[token]), root_url=root_url
        )
        with translation.override(language):
            shown = Place(holder, _page_in(versions, page, language), target)
            context = {
                "comment": comment,
                "page": shown.page,
                "title": shown.title,
                "comment_url": comment_link(shown.full_url(), comment.pk),
                "unsubscribe_url": unsubscribe_url,
            }
            try:
                sent += _send(
                    "reply",
                    context,
                    [earlier.user_email],
                    headers={
                        "List-Unsubscribe": f"<{unsubscribe_url}>",
                        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    },
                    what=f"reply notification (comment {comment.pk}, to the author of "
                    f"comment {earlier.pk})",
                )
            except EmailNotSent:  # logged by deliver(), without the address
                failed += 1
    if failed:
        raise EmailNotSent(
            f"{failed} of {len(followers)} reply notifications about comment {comment.pk} "
            "were not sent (see the log)."
        )
    return sent
