"""Personal data in resident comments: how it is anonymised, erased, and how long it stays.

Three ways a comment loses its personal data (see docs/comments.md, "Privacy"):

- **Anonymised** (``anonymise``): the retention period is over. Name, e-mail address, IP
  address, web address and the link to an account are removed; the name shows as "—".
  A *published* comment keeps its text: it is part of the public record of the
  consultation. An unpublished one (never approved, hidden, removed) is *erased* instead.
- **Erased** (``erase``): its author asked for it, or it was never published and its
  retention period is over. Erased comments with replies stay as an empty placeholder
  (removed, no text, no personal data) so the replies keep their place; the others are
  deleted with their flags.
- **Deleted** with the page (``delete_discussion``): the page holding the discussion was
  deleted and no translation of it survives.

Wagtail's log entries about a comment (approved, hidden, deleted...) carry its name and
the start of its text in their label; those labels are replaced by the comment's id.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Concat
from django.db.models.signals import post_delete
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import ModelLogEntry

from avp_wagtail.comments.conf import DEFAULT_RETENTION_DAYS
from avp_wagtail.comments.models import AvpComment, CommentFlagReport, PendingComment
from avp_wagtail.comments.pending import delete_expired_pending
from avp_wagtail.comments.targets import all_targets
from avp_wagtail.core import fragments
from avp_wagtail.privacy.retention import PersonalData

ANONYMOUS_NAME = "—"
# The annotation ``with_host_page`` adds: the page a comment belongs to.
HOST_PAGE = "host_page"


def _scrub_log_labels(ids):
    """Wagtail log entries about these comments: label "#<id>" instead of name and text."""
    content_type = ContentType.objects.get_for_model(AvpComment, for_concrete_model=False)
    ModelLogEntry.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in ids]
    ).update(label=Concat(Value("#"), F("object_id")))


def not_anonymous():
    """Comments that still hold personal data of their author."""
    return (
        ~Q(user_name=ANONYMOUS_NAME)
        | ~Q(user_email="")
        | Q(ip_address__isnull=False)
        | ~Q(user_url="")
        | Q(user__isnull=False)
    )


def _personal_data_removed():
    return {
        "user_name": ANONYMOUS_NAME,
        "user_email": "",
        "user_url": "",
        "ip_address": None,
        "user": None,
        "followup": False,
    }


@transaction.atomic
def anonymise(comments):
    """Remove the personal data of ``comments`` (a queryset), keeping their text. Returns
    how many comments changed (0 when run again)."""
    ids = list(comments.filter(not_anonymous()).values_list("pk", flat=True))
    if not ids:
        return 0
    # update(), not save(): xtd's pre_save handler would publish the replies awaiting
    # moderation below each comment (docs/comments.md, "Which parts of ... xtd").
    AvpComment.objects.filter(pk__in=ids).update(**_personal_data_removed())
    # Who flagged them (an account) is personal data too; the keyed hash alone is not.
    CommentFlagReport.objects.filter(comment_id__in=ids).update(user=None)
    _scrub_log_labels(ids)
    # update() sends no signal: the cached pages showing the names go stale now.
    transaction.on_commit(fragments.bump)
    return len(ids)


def _answered(ids):
    """Those of ``ids`` with a reply that stays (not erased, or itself kept as a
    placeholder): they stay as empty "removed" placeholders so the replies keep their place."""
    threads = AvpComment.objects.filter(pk__in=ids).values("thread_id")
    rows = list(AvpComment.objects.filter(thread_id__in=threads).values_list("pk", "parent_id"))
    kept = set()
    changed = True
    while changed:
        changed = False
        for pk, parent_id in rows:
            if pk == parent_id or parent_id not in ids or parent_id in kept:
                continue
            if pk not in ids or pk in kept:
                kept.add(parent_id)
                changed = True
    return kept


def holding_data(comments):
    """Those of ``comments`` that still hold personal data or text (not erased yet)."""
    return comments.filter(not_anonymous() | ~Q(comment=""))


@transaction.atomic
def erase(comments):
    """Erase ``comments`` (a queryset): text and personal data. Returns how many comments
    were erased (0 when run again)."""
    ids = set(holding_data(comments).values_list("pk", flat=True))
    if not ids:
        return 0
    answered = _answered(ids)
    _scrub_log_labels(ids)
    AvpComment.objects.filter(pk__in=answered).update(
        comment="", is_removed=True, **_personal_data_removed()
    )
    CommentFlagReport.objects.filter(comment_id__in=answered).update(user=None)
    # Deleting the comment deletes its flags and django-comments' own rows with it.
    AvpComment.objects.filter(pk__in=ids - answered).delete()
    transaction.on_commit(fragments.bump)  # the placeholders were update()d, silently
    return len(ids)


def expired(cutoff):
    """Comments submitted before ``cutoff`` that still hold personal data or unpublished
    text: ``(published, unpublished)`` querysets."""
    old = AvpComment.objects.filter(submit_date__lt=cutoff)
    published = old.filter(is_public=True, is_removed=False).filter(not_anonymous())
    unpublished = holding_data(old.exclude(is_public=True, is_removed=False))
    return published, unpublished


def erase_expired(days, now=None, dry_run=False):
    """Apply the comments' retention period: ``{"anonymised": n, "erased": n}``."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    published, unpublished = expired(cutoff)
    if dry_run:
        return {"anonymised": published.count(), "erased": unpublished.count()}
    return {"anonymised": anonymise(published), "erased": erase(unpublished)}


def _orphaned(model):
    """Rows of ``model`` (comments, unconfirmed comments) on objects of a registered target
    (``targets``: an idea) that no longer exist."""
    rows = model.objects.none()
    for target in all_targets():
        existing = target.model._default_manager.annotate(pk_text=Cast("pk", CharField()))
        rows |= model.objects.filter(
            content_type=ContentType.objects.get_for_model(target.model)
        ).exclude(object_pk__in=Subquery(existing.values("pk_text")))
    return rows


def delete_orphaned_discussions(dry_run=False):
    """Delete the discussions of objects deleted while their deletion was not connected
    (``connect_deletion``: e.g. by a command that never read the targets). Returns how
    many comments and unconfirmed comments there were."""
    comments, pending = _orphaned(AvpComment), _orphaned(PendingComment)
    if dry_run:
        return comments.count() + pending.count()
    ids = list(comments.values_list("pk", flat=True))
    if ids:
        _scrub_log_labels(ids)
        AvpComment.objects.filter(pk__in=ids).delete()
    return len(ids) + pending.delete()[0]


def delete_discussion_of_deleted_object(sender, instance, **kwargs):
    """``post_delete`` receiver for each target's model (an idea): the object is gone, and
    so is its discussion, as a page's without a surviving translation."""
    delete_discussion(ContentType.objects.get_for_model(sender).pk, instance.pk)


def connect_deletion(model):
    """Connect ``delete_discussion_of_deleted_object`` for a target's ``model`` (called
    once per model when the targets are first read: ``targets.on_target_model``)."""
    post_delete.connect(
        delete_discussion_of_deleted_object,
        sender=model,
        dispatch_uid=f"avp_comments.delete_discussion:{model._meta.label}",
    )


def with_host_page(rows):
    """Comments or unconfirmed comments with ``host_page``: the id of the page they belong
    to (the page itself, or an object's host page: an idea's plan). The admin's erasure
    keeps to an administrator's pages by it (``page_lookups``)."""
    as_id = Cast("object_pk", BigIntegerField())
    whens = [
        When(
            content_type=ContentType.objects.get_for_model(target.model),
            then=target.host_page_of(Cast(OuterRef("object_pk"), BigIntegerField())),
        )
        for target in all_targets()
    ]
    if not whens:
        return rows.annotate(**{HOST_PAGE: as_id})
    return rows.annotate(**{HOST_PAGE: Case(*whens, default=as_id, output_field=BigIntegerField())})


def delete_discussion(content_type_id, page_id):
    """The page holding a discussion is gone and no translation survives (or the object
    holding it, e.g. an idea, is deleted): its comments (with their flags and log labels)
    and unconfirmed comments are deleted."""
    comments = AvpComment.objects.filter(content_type_id=content_type_id, object_pk=str(page_id))
    ids = list(comments.values_list("pk", flat=True))
    if ids:
        _scrub_log_labels(ids)
        AvpComment.objects.filter(pk__in=ids).delete()
    PendingComment.objects.filter(content_type_id=content_type_id, object_pk=str(page_id)).delete()
    return len(ids)


class CommentData(PersonalData):
    """The comments' kind of personal data (registered under ``avp_personal_data`` in
    ``wagtail_hooks``): retention (anonymise published comments, erase the others, delete
    unconfirmed comments whose link expired) and one person's erasure."""

    kind = "comments"
    default_days = DEFAULT_RETENTION_DAYS
    labels = {
        "comments_anonymised": ("published comment(s)", "anonymised"),
        "comments_erased": ("unpublished comment(s)", "erased"),
        "pending_comments_deleted": ("unconfirmed comment(s)", "deleted"),
    }
    description = gettext_lazy(
        "Erased comments disappear from the page; a comment others replied to stays as "
        "“removed” without its text, name or address. Unconfirmed comments are deleted. "
        "Official responses of the municipality are not erased."
    )
    # A comment belongs to the page whose id its object_pk holds, or to the host page of
    # the object it is on (an idea's plan): ``with_host_page``, as COMMENT_SCOPE says.
    page_lookups = {"comments": HOST_PAGE, "pending_comments": HOST_PAGE}
    count_texts = {
        "comments": lambda n: ngettext("%(count)d comment", "%(count)d comments", n),
        "pending_comments": lambda n: ngettext(
            "%(count)d unconfirmed comment", "%(count)d unconfirmed comments", n
        ),
    }

    def erase_expired(self, days, now, dry_run=False):
        done = {}
        # Comments on objects (ideas) deleted meanwhile: past any retention.
        orphaned = delete_orphaned_discussions(dry_run)
        if days is not None:
            counts = erase_expired(days, now, dry_run)
            done["comments_anonymised"] = counts["anonymised"]
            done["comments_erased"] = counts["erased"] + orphaned
        elif orphaned:
            done["comments_erased"] = orphaned
        done["pending_comments_deleted"] = delete_expired_pending(now=now, dry_run=dry_run)
        return done

    def of_person(self, email):
        """A resident's comments and unconfirmed comments. Official responses are the
        municipality's, not a resident's: never included."""
        email = (email or "").strip()
        return {
            "comments": with_host_page(
                AvpComment.objects.filter(user_email__iexact=email, is_official_response=False)
            ),
            "pending_comments": with_host_page(
                PendingComment.objects.filter(user_email__iexact=email)
            ),
        }

    def count(self, kind, rows):
        if kind == "comments":
            rows = holding_data(rows)  # erased placeholders hold nothing of hers
        return rows.count()

    def erase(self, kind, rows):
        if kind == "comments":
            return erase(rows)
        return super().erase(kind, rows)
