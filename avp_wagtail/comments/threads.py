"""One discussion per translation group: which page a thread belongs to, and reading it.

Every translation of a page is a page of its own, but residents must share one discussion
(issue: "one discussion across languages"). The discussion belongs to the translation group
(``translation_key``); its comments are held by the *thread page*: the group's oldest
surviving page (lowest id). Adding translations never changes it; deleting the thread page
hands its comments to the next oldest page of the group (``rehome_comments_of_deleted_page``,
connected in ``AvpCommentsConfig.ready``), so a discussion outlives any one language version.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min
from wagtail.models import Page

from avp_wagtail.comments.choices import CommentMark
from avp_wagtail.comments.models import AvpComment, PendingComment
from avp_wagtail.comments.retention import delete_discussion


def thread_page_id(page):
    """Id of the page holding the thread of ``page``'s translation group: the group's
    lowest page id (``page`` itself when it is the oldest surviving version)."""
    return (
        Page.objects.filter(translation_key=page.translation_key)
        .order_by("id")
        .values_list("id", flat=True)
        .first()
    )


def rehome_comments_of_deleted_page(sender, instance, **kwargs):
    """``post_delete`` receiver for Wagtail pages: when the deleted page held its translation
    group's thread, its comments (and comments awaiting confirmation) move to the group's
    oldest surviving page.

    ``post_delete`` of the page row runs once every page of the same (tree) delete is gone,
    so the successor is a page that survives. The content type stays the page type; only
    ``object_pk`` changes. Nothing survives? The discussion is deleted with the page: its
    comments with their authors' names, e-mail and IP addresses, their flags and the
    unconfirmed comments (``retention.delete_discussion``); personal data does not outlive
    the page."""
    # Connected for the base page model only: its rows are deleted after every specific
    # page type's rows, so by now no page of this delete is left.
    comments = AvpComment.objects.filter(
        content_type_id=instance.content_type_id, object_pk=str(instance.pk)
    )
    pending = PendingComment.objects.filter(
        content_type_id=instance.content_type_id, object_pk=str(instance.pk)
    )
    if not comments.exists() and not pending.exists():
        return
    successor = None
    if instance.translation_key:
        successor = (
            sender._default_manager.filter(translation_key=instance.translation_key)
            .exclude(pk=instance.pk)
            .order_by("id")
            .values_list("id", flat=True)
            .first()
        )
    if successor is None:
        delete_discussion(instance.content_type_id, instance.pk)
        return
    # update(), not save(): xtd's pre_save handler would publish the replies awaiting
    # moderation below each comment (docs/comments.md, "Which parts of ... xtd").
    comments.update(object_pk=str(successor))
    pending.update(object_pk=str(successor))


def thread_page(page):
    """The specific page that comments on ``page`` attach to."""
    root_id = thread_page_id(page)
    if root_id == page.pk:
        return page
    return type(page).objects.get(pk=root_id)


def visible(queryset):
    return queryset.filter(is_public=True, is_removed=False)


def comments_for(page):
    """All comments (any state) attached to ``page``, in thread order."""
    return AvpComment.objects.filter(
        content_type=ContentType.objects.get_for_model(page), object_pk=str(page.pk)
    ).order_by("thread_id", "order")


@dataclass
class CommentNode:
    comment: AvpComment
    children: list = field(default_factory=list)

    @property
    def shown(self):
        """Visible comments are shown; a hidden one only as a placeholder above replies."""
        return self.comment.is_visible or any(child.shown for child in self.children)

    @property
    def has_official_response(self):
        return any(
            (child.comment.is_visible and child.comment.is_official_response)
            or child.has_official_response
            for child in self.children
        )


@dataclass
class MarkCounts:
    total: int = 0
    by_mark: dict = field(default_factory=dict)

    @property
    def for_count(self):
        return self.by_mark.get(CommentMark.FOR, 0)

    @property
    def against_count(self):
        return self.by_mark.get(CommentMark.AGAINST, 0)

    @property
    def question_count(self):
        return self.by_mark.get(CommentMark.QUESTION, 0)


class CommentThread:
    """A page's discussion read in one query: the tree, the counts, and what awaits a response.

    ``mark`` narrows the shown comments to one mark (each with the replies to it).
    """

    def __init__(self, target, mark=None, municipality=None):
        self.target = target
        self.mark = mark if mark in CommentMark.values else None
        comments = list(comments_for(target).select_related("user"))
        if municipality is not None:
            for comment in comments:  # official responses are signed with it
                comment.municipality_name = municipality
        nodes = {comment.pk: CommentNode(comment) for comment in comments}
        self.roots = []
        for comment in comments:
            parent = nodes.get(comment.parent_id)
            if comment.parent_id == comment.pk or parent is None:
                self.roots.append(nodes[comment.pk])
            else:
                parent.children.append(nodes[comment.pk])
        self._nodes = nodes
        shown = [c for c in comments if c.is_visible]
        self.counts = MarkCounts(len(shown), dict(Counter(c.mark for c in shown)))

    def node(self, pk):
        return self._nodes.get(pk)

    @property
    def nodes(self):
        """Top-level nodes to render (all threads, or the comments with the chosen mark)."""
        if self.mark is None:
            return [node for node in self.roots if node.shown]
        return [
            node
            for node in self._nodes.values()
            if node.comment.is_visible and node.comment.mark == self.mark
        ]

    @property
    def awaiting_response(self):
        """Visible top-level comments that no official response answers yet (reasoned
        response to public input)."""
        return [
            node.comment
            for node in self.roots
            if node.comment.is_visible
            and not node.comment.is_official_response
            and not node.has_official_response
        ]


def counts_for_pages(pages):
    """Comment counts per page, keyed by translation key, in two queries for any number of
    pages (the action plan page lists them per item)."""
    pages = list(pages)
    if not pages:
        return {}
    roots = dict(
        Page.objects.filter(translation_key__in={page.translation_key for page in pages})
        .order_by()  # Page's default ordering (path) would split each group by language
        .values("translation_key")
        .annotate(root=Min("id"))
        .values_list("translation_key", "root")
    )
    content_types = {ContentType.objects.get_for_model(page) for page in pages}
    rows = (
        visible(AvpComment.objects.all())
        .filter(
            content_type__in=content_types,
            object_pk__in=[str(root) for root in roots.values()],
        )
        .order_by()
        .values("object_pk", "mark")
        .annotate(n=Count("id"))
    )
    by_root = {}
    for row in rows:
        counts = by_root.setdefault(row["object_pk"], MarkCounts())
        counts.total += row["n"]
        counts.by_mark[row["mark"]] = row["n"]
    return {key: by_root.get(str(root), MarkCounts()) for key, root in roots.items()}
