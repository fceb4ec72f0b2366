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


def comment_link(page_url, comment_id, **params):
    """The link to comment ``comment_id`` on the page at ``page_url`` (any language version
    of its thread): ``?c=<id>`` makes the page show the screen of the discussion that holds
    the comment, ``#c<id>`` scrolls to it. Every link to a comment is built with it (redirects
    after posting and confirming, e-mails, the admin's "In context")."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{page_url}?{query}{'&' if query else ''}c={comment_id}#c{comment_id}"


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
    # Visible top-level comments of residents, and those of them with a visible official
    # response below them (the shape of the discussion, ``shape.DiscussionShape``).
    answerable: int = 0
    answered: int = 0
    # Tells the pictures of several discussions on one page apart (their SVG ids).
    key: str = "discussion"

    @property
    def shape(self):
        from avp_wagtail.comments.shape import DiscussionShape

        return DiscussionShape(self.by_mark, self.answerable, self.answered, self.key)

    @property
    def for_count(self):
        return self.by_mark.get(CommentMark.FOR, 0)

    @property
    def against_count(self):
        return self.by_mark.get(CommentMark.AGAINST, 0)

    @property
    def question_count(self):
        return self.by_mark.get(CommentMark.QUESTION, 0)


# A screen of the discussion: at most this many top-level comments (each with its replies)...
THREADS_PER_SCREEN = 50
# ...and, when the threads are long, about this many comments in all (a screen always holds
# at least one thread): the page's size and rendering time stay bounded.
COMMENTS_PER_SCREEN = 100
# The "awaiting the municipality's response" list names the longest-waiting ones only.
AWAITING_LISTED = 20

_SKELETON_FIELDS = (
    "pk",
    "parent_id",
    "is_public",
    "is_removed",
    "mark",
    "is_official_response",
    "level",
)


class _Entry:
    """One comment of the discussion without its text: enough to build the tree, count,
    and find the screen a comment is on. The whole discussion is read like this in one
    query; full comments are read only for the screen shown."""

    __slots__ = ("children", "level", "mark", "official", "parent_id", "pk", "visible")

    def __init__(self, pk, parent_id, is_public, is_removed, mark, official, level):
        self.pk = pk
        self.parent_id = parent_id
        self.visible = is_public and not is_removed
        self.mark = mark
        self.official = official
        self.level = level
        self.children = []


def _int_param(value):
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


class CommentThread:
    """A page's discussion, read in a bounded number of queries whatever its size: the
    counts, what awaits a response, and one *screen* of it (``?comments=N``).

    The order is the thread order (oldest thread first, each with its replies), so a
    thread keeps its screen as new comments come in. ``mark`` narrows the listing to the
    comments with one mark (each with the replies to it). ``comment`` (``?c=<id>``) and
    ``reply_to`` choose the screen that holds that comment; else ``screen``, clamped to the
    screens there are (junk is the first screen, a number too large the last).
    """

    def __init__(
        self,
        target,
        mark=None,
        municipality=None,
        screen=None,
        comment=None,
        reply_to=None,
    ):
        self.target = target
        self.mark = mark if mark in CommentMark.values else None
        self._municipality = municipality
        rows = comments_for(target).values_list(*_SKELETON_FIELDS)
        entries = {row[0]: _Entry(*row) for row in rows}
        self._entries = entries
        self._roots = []
        for entry in entries.values():
            parent = entries.get(entry.parent_id)
            if entry.parent_id == entry.pk or parent is None:
                self._roots.append(entry)
            else:
                parent.children.append(entry)
        self._shown = {}
        for entry in self._roots:
            self._mark_shown(entry)
        shown = [entry for entry in entries.values() if entry.visible]
        self.counts = MarkCounts(len(shown), dict(Counter(entry.mark for entry in shown)))

        if self.mark is None:
            listed = [entry for entry in self._roots if self._shown[entry.pk]]
        else:
            listed = [e for e in entries.values() if e.visible and e.mark == self.mark]
        self.screens = self._cut_screens(listed)
        self._screen_of = {}
        for number, screen_entries in enumerate(self.screens, start=1):
            for entry in screen_entries:
                for pk in self._subtree(entry):
                    self._screen_of.setdefault(pk, number)
        self.screen_count = max(len(self.screens), 1)
        self.screen = self._choose_screen(screen, comment, reply_to)

        awaiting = [
            entry
            for entry in self._roots
            if entry.visible and not entry.official and not self._has_official_response(entry)
        ]
        self.awaiting_count = len(awaiting)
        self.counts.answerable = sum(1 for e in self._roots if e.visible and not e.official)
        self.counts.answered = self.counts.answerable - self.awaiting_count
        awaiting = awaiting[:AWAITING_LISTED]
        on_screen = self.screens[self.screen - 1] if self.screens else []
        wanted = {pk for entry in on_screen for pk in self._subtree(entry)}
        wanted.update(entry.pk for entry in awaiting)
        self._comments = self._load(wanted)
        self._nodes = {}
        self.nodes = [self._node(entry) for entry in on_screen]
        self.awaiting_response = [self._comments[e.pk] for e in awaiting if e.pk in self._comments]

    # -- building ---------------------------------------------------------------------

    def _mark_shown(self, entry):
        """Visible comments are shown; a hidden one only as a placeholder above replies."""
        shown = entry.visible
        for child in entry.children:
            shown = self._mark_shown(child) or shown
        self._shown[entry.pk] = shown
        return shown

    def _has_official_response(self, entry):
        return any(
            (child.visible and child.official) or self._has_official_response(child)
            for child in entry.children
        )

    def _subtree(self, entry):
        """Ids of the comments rendered for ``entry``: it and its shown replies."""
        yield entry.pk
        for child in entry.children:
            if self._shown.get(child.pk):
                yield from self._subtree(child)

    def _cut_screens(self, listed):
        screens, current, size = [], [], 0
        for entry in listed:
            length = sum(1 for _pk in self._subtree(entry))
            if current and (
                len(current) >= THREADS_PER_SCREEN or size + length > COMMENTS_PER_SCREEN
            ):
                screens.append(current)
                current, size = [], 0
            current.append(entry)
            size += length
        if current:
            screens.append(current)
        return screens

    def _choose_screen(self, screen, comment, reply_to):
        for pk in (_int_param(comment), _int_param(reply_to)):
            if pk in self._screen_of:
                return self._screen_of[pk]
        number = _int_param(screen) or 1
        return min(max(number, 1), self.screen_count)

    def _load(self, pks):
        if not pks:
            return {}
        comments = {
            comment.pk: comment
            for comment in comments_for(self.target).filter(pk__in=pks).select_related("user")
        }
        if self._municipality is not None:
            for comment in comments.values():  # official responses are signed with it
                comment.municipality_name = self._municipality
        return comments

    def _node(self, entry):
        node = CommentNode(self._comments[entry.pk])
        node.children = [self._node(child) for child in entry.children if self._shown.get(child.pk)]
        self._nodes[entry.pk] = node
        return node

    # -- reading ----------------------------------------------------------------------

    def node(self, pk):
        """The node of comment ``pk`` of this discussion (read from the database when it is
        not on the screen shown), or None."""
        pk = _int_param(pk)
        if pk not in self._entries:
            return None
        if pk not in self._nodes:
            if pk not in self._comments:
                self._comments.update(self._load({pk}))
            if pk not in self._comments:  # deleted meanwhile
                return None
            self._nodes[pk] = CommentNode(self._comments[pk])
        return self._nodes[pk]

    @property
    def loaded_comments(self):
        """The comments read in full: the screen's, and the awaiting-response list's."""
        return self._comments.values()

    def screen_for(self, pk):
        """The screen (1, 2, ...) comment ``pk`` is shown on in this listing, or None."""
        return self._screen_of.get(_int_param(pk))

    @property
    def previous_screen(self):
        return self.screen - 1 if self.screen > 1 else None

    @property
    def next_screen(self):
        return self.screen + 1 if self.screen < self.screen_count else None

    @property
    def screen_numbers(self):
        """The screens the pager names: the first, the last, and two either side of the
        one shown (``None`` marks a gap)."""
        near = set(range(self.screen - 2, self.screen + 3)) | {1, self.screen_count}
        numbers, last = [], 0
        for number in sorted(n for n in near if 1 <= n <= self.screen_count):
            if number > last + 1:
                numbers.append(None)
            numbers.append(number)
            last = number
        return numbers

    @property
    def threads_on_screen(self):
        return len(self.nodes)

    @property
    def thread_total(self):
        return sum(len(screen) for screen in self.screens)
