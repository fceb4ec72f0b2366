"""Who moderates: users with the "moderate comments" permission (and superusers)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, Subquery
from django.db.models.functions import Cast
from django.http import HttpResponseForbidden
from wagtail.permission_policies import ModelPermissionPolicy

from avp_wagtail.admin.scope import Scope, permitted_page_ids, permitted_pages, unrestricted
from avp_wagtail.comments.targets import all_targets, target_for_content_type

MODERATE_PERMISSION = "avp_comments.moderate_avpcomment"


class CommentScope(Scope):
    """A comment belongs to the municipality of the page it is on (object_pk is the page
    id), or, on an object of a registered target (an idea), of the object's host page
    (``targets``): moderators see and act on comments of pages they hold a page permission
    on. Works for ``PendingComment`` rows too (the same two fields)."""

    def __init__(self):
        super().__init__(object_pk=True)

    def filter(self, queryset, user):
        if unrestricted(user):
            return queryset
        pages = permitted_pages(user)
        targets = all_targets()
        types = [ContentType.objects.get_for_model(target.model) for target in targets]
        page_ids = pages.annotate(pk_text=Cast("pk", CharField())).values("pk_text")
        rows = Q(object_pk__in=Subquery(page_ids)) & ~Q(content_type__in=types)
        for target, content_type in zip(targets, types, strict=True):
            ids = target.host_ids(pages).annotate(pk_text=Cast("pk", CharField()))
            rows |= Q(content_type=content_type, object_pk__in=Subquery(ids.values("pk_text")))
        return queryset.filter(rows)

    def contains(self, instance, user):
        if unrestricted(user):
            return True
        target = target_for_content_type(instance.content_type_id)
        if target is None:
            return str(instance.object_pk) in permitted_page_ids(user)
        obj = target.get(instance.object_pk)
        host = target.host_page(obj) if obj is not None else None
        return host is not None and str(host.pk) in permitted_page_ids(user)


COMMENT_SCOPE = CommentScope()


def can_moderate(user):
    return bool(user and user.is_active and user.has_perm(MODERATE_PERMISSION))


def can_moderate_comment(user, comment):
    return can_moderate(user) and COMMENT_SCOPE.contains(comment, user)


def can_moderate_page(user, page):
    """Whether ``user`` may moderate, and answer officially, the discussion on ``page`` (the
    thread page: comments hang on it). As for comments in the admin (COMMENT_SCOPE): the
    moderate permission, and on an install with several municipalities a page permission on
    the page (or above it). A moderator of one municipality is nobody on another's pages."""
    if not (can_moderate(user) and page is not None):
        return False
    return unrestricted(user) or str(page.pk) in permitted_page_ids(user)


def refuse_deleting_other_sites_comments(request, instances):
    """``before_delete_snippet`` hook: a moderator deletes (one or in bulk) only comments on
    pages of their own municipality."""
    from avp_wagtail.comments.models import AvpComment

    for instance in instances:
        if isinstance(instance, AvpComment) and not COMMENT_SCOPE.contains(instance, request.user):
            return HttpResponseForbidden()
    return None


class ModerationPermissionPolicy(ModelPermissionPolicy):
    """The Comments admin area needs the moderate permission; deleting also needs Django's
    "Can delete comment".

    Comments are written by residents: nobody adds or edits one in the admin (a moderator
    approves, hides or deletes it, and answers on the page).
    """

    NOBODY = frozenset({"add", "change"})

    @staticmethod
    def _moderate(action):
        # Deleting stays its own Django permission ("Can delete comment"): a moderator hides,
        # and only those also trusted to delete remove a comment for good.
        return "moderate" if action in ("view", "moderate") else action

    def user_has_permission(self, user, action):
        if action in self.NOBODY:
            return False
        return super().user_has_permission(user, self._moderate(action))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and COMMENT_SCOPE.contains(instance, user)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            {self._moderate(action) for action in actions if action not in self.NOBODY}
        )


def register_policy():
    """Register the policy for AvpComment (Wagtail 8's way); returns it for Wagtail 7.4,
    where the viewset carries it instead."""
    from avp_wagtail.comments.models import AvpComment

    policy = ModerationPermissionPolicy(AvpComment)
    try:
        from wagtail.permissions import register_permission_policy
    except ImportError:  # Wagtail 7.4
        return policy
    register_permission_policy(AvpComment, policy)
    return None
