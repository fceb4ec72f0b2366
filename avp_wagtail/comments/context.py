"""What a page template needs to show its discussion (``avp_comments`` in the context)."""

from urllib.parse import quote

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django_comments_xtd.models import max_thread_level_for_content_type

from avp_wagtail.comments.choices import CommentMark, FlagReason
from avp_wagtail.comments.counts import counts_for_pages
from avp_wagtail.comments.forms import AvpCommentForm
from avp_wagtail.comments.models import is_premoderated
from avp_wagtail.comments.permissions import can_moderate_page
from avp_wagtail.comments.places import Place
from avp_wagtail.comments.targets import target_for_model
from avp_wagtail.comments.threads import (
    CommentThread,
    comments_for,
    thread_page,
    visible,
)
from avp_wagtail.core.fragments import Fragments
from avp_wagtail.core.sites import municipality_name, site_of
from avp_wagtail.models import ActionPlanPage

# Messages shown after a redirect back to the page (?comment=...). "duplicate" and
# "waiting": she sent a comment that was already stored (published / awaiting moderation).
NOTICES = {"posted", "sent", "confirmed", "pending", "flagged", "duplicate", "waiting"}
# Screens of a discussion (?comments=N) cached for every reader; later ones (rarely read,
# and unbounded in number) are rendered each time.
MAX_CACHED_SCREEN = 20


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _reply_to(thread, request, max_level):
    """The comment named by ?reply_to= if the reader may answer it here, else None."""
    try:
        pk = int(request.GET.get("reply_to", ""))
    except ValueError:
        return None
    node = thread.node(pk)
    if node is None or not node.comment.is_visible or node.comment.level >= max_level:
        return None
    return node.comment


def _discussion_fragments(page, request, key, can_reply, max_level):
    """The cache of the discussion's listing (``thread.html``'s "discussion" fragment): the
    same for every reader of one screen of it, so a second reader pays a cache read, not
    the thread's build and rendering. Only for a plain screen (``?comments=N`` up to
    ``MAX_CACHED_SCREEN``, ``?mark=``): a link to one comment, a reply or a re-sent comment
    is rendered as it is asked for. Comments and moderation make every fragment stale
    (``fragments.track``, the moderation log)."""
    screen = _int(request.GET.get("comments")) or 1
    mark = request.GET.get("mark")
    enabled = (
        request.method == "GET"
        and not {"c", "reply_to", "cid"} & set(request.GET)
        and 1 <= screen <= MAX_CACHED_SCREEN
        and (mark is None or mark in CommentMark.values)
    )
    return Fragments(
        page,
        request,
        ("discussion",),
        extra=(key, screen, mark or "", can_reply, max_level),
        enabled=enabled,
    )


def comment_context(page, request):
    """The thread of ``page``'s translation group, the form (or why it is closed), and the
    reader's rights. ``None`` when the page shows no discussion at all (closed and empty).

    The thread (``CommentThread``) is built when something asks for it: on a screen of the
    discussion already in the cache (``_discussion_fragments``), nothing does."""
    return discussion_context(Place(thread_page(page), page), request)


def discussion_context(place, request):
    """``comment_context`` for any discussion: a page's (its thread page on one of its
    language versions) or an object's (``targets``: an idea on a version of its plan)."""
    target, page = place.holder, place.page
    municipality = municipality_name(site_of(page, request))
    notice = request.GET.get("comment")
    closed_reason = place.closed_reason()
    if closed_reason and not visible(comments_for(target)).exists():
        return None
    content_type = ContentType.objects.get_for_model(target)
    max_level = max_thread_level_for_content_type(content_type)
    page_url = place.url(request)
    can_reply = closed_reason is None
    # An object's discussion is cached apart from the page's own (and from other models').
    key = target.pk if place.target is None else f"{content_type.pk}:{target.pk}"

    def build_thread():
        thread = CommentThread(
            target,
            mark=request.GET.get("mark"),
            municipality=municipality,
            screen=request.GET.get("comments"),
            # ?c=<id> (links to a comment) or the comment a resident replies to, else the
            # comment she sent again: the screen that holds it.
            comment=request.GET.get("c")
            or (request.GET.get("cid") if notice == "duplicate" else None),
            # A reply sent back with errors (a POST to /comments/post/) shows its screen too.
            reply_to=request.GET.get("reply_to") or request.POST.get("reply_to"),
        )
        _add_links(thread, page_url, can_reply, max_level)
        return thread

    thread = SimpleLazyObject(build_thread)
    reply_to = None
    form = None
    if can_reply:
        if request.GET.get("reply_to"):
            reply_to = _reply_to(thread, request, max_level)
        form = AvpCommentForm(
            target,
            user=request.user,
            from_page=page,
            initial={"reply_to": reply_to.pk} if reply_to else None,
        )
    earlier = None
    if notice == "duplicate":
        node = thread.node(_int(request.GET.get("cid")))
        earlier = node.comment if node is not None and node.comment.is_visible else None
    return {
        "page": page,
        # Links back to this page: relative to the host that served it (never page.url,
        # which is absolute on a multi-site install), also when the page is shown again
        # by the comment views at /comments/...
        "page_url": page_url,
        "earlier": earlier,
        "target": target,
        "thread": thread,
        "fragments": _discussion_fragments(page, request, key, can_reply, max_level),
        "form": form,
        "reply_to": reply_to,
        "closed_reason": closed_reason,
        "can_moderate": can_moderate_page(request.user, place.host),
        "max_level": max_level,
        "marks": CommentMark.choices,
        "flag_reasons": FlagReason.choices,
        "notice": notice if notice in NOTICES else None,
        # Whether an anonymous comment waits for a moderator after its confirmation (the
        # setting of the page's own Site): what the form and the notices promise. A
        # callable, so the query runs only where a template asks.
        "premoderated": lambda: is_premoderated(place.host),
    }


def _add_links(thread, page_url, can_reply, max_level):
    """Each shown comment's "Reply" and "Report" links, built here once rather than by a
    template tag per comment: the screen's rendering time is per comment."""
    back = page_url + (f"?comments={thread.screen}" if thread.screen > 1 else "")
    back = quote(back, safe="/")  # as the urlencode filter
    for comment in thread.loaded_comments:
        comment.flag_href = f"{reverse('avp_comments:flag', args=[comment.pk])}?next={back}"
        comment.reply_href = (
            f"{page_url}?reply_to={comment.pk}#comment-form"
            if can_reply and comment.level < max_level
            else ""
        )


def add_comment_context(page, request, context):
    """``avp_page_context`` hook: the discussion on every commentable page, and on a plan
    page each item's comment counts (one query for the whole table)."""
    if hasattr(page, "comments_closed_reason"):
        context["avp_comments"] = comment_context(page, request)
    items = context.get("items")
    if isinstance(page, ActionPlanPage) and items is not None:
        counts = counts_for_pages(items)
        for item in items:
            item.avp_comment_counts = counts.get(item.translation_key)
        context["show_comment_counts"] = True


# The form a rejected comment on an object is shown again with (``views.posting.rerender``
# sets it on the request).
KEPT_FORM = "_avp_comment_kept_form"


def add_object_comment_context(obj, page, request, context):
    """``avp_object_context`` hook: an object's own discussion (a registered target's, e.g.
    an idea) on its URL under ``page``. Nothing for other objects, nor for a hidden one."""
    target = target_for_model(obj)
    if target is None or not target.is_shown(obj):
        return
    comments = discussion_context(Place(obj, page, target), request)
    kept = getattr(request, KEPT_FORM, None)
    if kept is not None:
        kept["used"] = keep_form(comments, kept["form"], kept["notice"])
    context["avp_comments"] = comments


def keep_form(comments, form, notice):
    """Put the resident's form (text kept, errors marked) into a discussion's context.
    False when the discussion shows no form (closed meanwhile)."""
    if comments is None or comments["form"] is None:
        return False
    comments["form"] = form
    comments["error_notice"] = notice
    reply_to = _int(form.data.get("reply_to"))
    node = comments["thread"].node(reply_to) if reply_to else None
    if node is not None and node.comment.is_visible:
        comments["reply_to"] = node.comment
    return True
