"""Moderation actions, each logged in Wagtail's history with who did it and when.

Each comment is saved (``save(update_fields=...)``), so Django's ``pre_save``/``post_save``
signals reach a host's receivers. Moderation here is per comment: django-comments-xtd's own
pre_save handler, which would copy a saved comment's state to every reply below it, is
disconnected by this app (``apps.AvpCommentsConfig.ready``). See docs/comments.md, "Which
parts of django-comments-xtd we use".
"""

from django.db import transaction
from wagtail.log_actions import log

from avp_wagtail.comments.conf import comment_setting
from avp_wagtail.comments.models import AvpComment, CommentFlagReport

APPROVE = "avp_comments.approve"
HIDE = "avp_comments.hide"
HIDDEN_BY_FLAGS = "avp_comments.hidden_by_flags"


def _thread_page(comment):
    """The page whose followers' e-mails link to: the thread page, or an object's host
    page (an idea's plan)."""
    from avp_wagtail.comments.targets import host_page

    holder = comment.content_object
    if holder is None:
        return None
    page = host_page(holder)
    return page.specific if page is not None else None


def approve(comments, user, request=None):
    """Publish the comments and clear their flags; tell reply followers about new ones."""
    from avp_wagtail.comments.notifications import notify_followers

    comments = list(comments)
    newly_public = [c for c in comments if not c.is_visible]
    with transaction.atomic():
        for comment in comments:
            comment.is_public, comment.is_removed, comment.hidden_by_flags = True, False, False
            comment.save(update_fields=["is_public", "is_removed", "hidden_by_flags"])
            log(instance=comment, action=APPROVE, user=user)
        CommentFlagReport.objects.filter(comment__in=comments).update(reviewed=True)
    if request is not None:
        for comment in newly_public:
            page = _thread_page(comment)
            if page is not None:
                notify_followers(comment, request, page)
    return len(comments)


def hide(comments, user):
    """Take the comments off the page (kept for the record; approve brings them back)."""
    comments = list(comments)
    with transaction.atomic():
        for comment in comments:
            comment.is_removed = True
            comment.save(update_fields=["is_removed"])
            log(instance=comment, action=HIDE, user=user)
    return len(comments)


def record_flag(comment, reason, reporter_key, user=None):
    """Store one resident's flag (once per resident). Returns True if the comment is now
    hidden because it reached the flag threshold.

    The comment's row is locked first (``SELECT ... FOR UPDATE``), so flags arriving at the
    same moment (on any server sharing the database) are counted one after the other: the
    one that reaches the threshold sees every earlier flag and hides the comment."""
    with transaction.atomic():
        locked = AvpComment.objects.select_for_update(of=("self",)).filter(pk=comment.pk)
        if not locked.exists():  # deleted meanwhile
            return False
        # Read again once the lock is held: a flagger who waited for it gets the locked row
        # anew but, in the same statement, the parent tables (django_comments, where
        # is_public lives) as they were before; a fresh query sees the earlier flagger's
        # commit, so the comment is hidden once.
        comment = AvpComment.objects.get(pk=comment.pk)
        _, created = CommentFlagReport.objects.get_or_create(
            comment=comment,
            reporter_key=reporter_key,
            defaults={"reason": reason, "user": user if user and user.is_authenticated else None},
        )
        if not created or not comment.is_visible:
            return False
        open_flags = CommentFlagReport.objects.filter(comment=comment, reviewed=False).count()
        if open_flags < comment_setting("COMMENT_FLAG_THRESHOLD"):
            return False
        comment.is_public, comment.hidden_by_flags = False, True
        comment.save(update_fields=["is_public", "hidden_by_flags"])
        log(instance=comment, action=HIDDEN_BY_FLAGS, user=None)
    return True


def log_bulk_deletion(request, instances):
    """``before_delete_snippet`` hook: Wagtail's bulk delete removes rows without a log entry
    (its single delete view logs by itself), so record who deleted which comment."""
    match = getattr(request, "resolver_match", None)
    if request.method != "POST" or match is None or match.url_name != "wagtail_bulk_action":
        return None
    for instance in instances:
        if isinstance(instance, AvpComment):
            log(instance=instance, action="wagtail.delete", user=request.user)
    return None
