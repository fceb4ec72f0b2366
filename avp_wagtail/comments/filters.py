"""Filters of the Comments admin area."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Page

from avp_wagtail.comments.choices import CommentMark
from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.targets import target_content_types

# The Comments list's search, shared with its bulk actions ("select all in listing").
SEARCH_FIELDS = ("comment", "user_name")


class ModerationState:
    AWAITING = "awaiting"
    FLAGGED = "flagged"
    HIDDEN = "hidden"
    AWAITING_RESPONSE = "awaiting_response"
    PUBLISHED = "published"

    choices = [
        (AWAITING, _("Awaiting moderation")),
        (FLAGGED, _("Flagged by residents")),
        (HIDDEN, _("Hidden")),
        (AWAITING_RESPONSE, _("Awaiting an official response")),
        (PUBLISHED, _("Published")),
    ]


def filter_state(queryset, state):
    if state == ModerationState.AWAITING:
        return queryset.filter(is_public=False, is_removed=False, hidden_by_flags=False)
    if state == ModerationState.FLAGGED:
        return queryset.filter(flag_reports__reviewed=False).distinct()
    if state == ModerationState.HIDDEN:
        return queryset.filter(is_removed=True) | queryset.filter(hidden_by_flags=True)
    if state == ModerationState.PUBLISHED:
        return queryset.filter(is_public=True, is_removed=False)
    if state == ModerationState.AWAITING_RESPONSE:
        answered = AvpComment.objects.filter(
            thread_id=OuterRef("thread_id"),
            is_official_response=True,
            is_public=True,
            is_removed=False,
        )
        return queryset.filter(
            level=0, is_public=True, is_removed=False, is_official_response=False
        ).filter(~Exists(answered))
    return queryset


def page_choices(user=None):
    """Pages that have comments (the thread pages), by title; with ``user``, only pages of
    the municipality the user works on (see ``COMMENT_SCOPE``)."""
    from avp_wagtail.comments.permissions import COMMENT_SCOPE

    # Only comments on pages: an object's (an idea's) object_pk is no page id.
    comments = AvpComment.objects.order_by().exclude(content_type__in=target_content_types())
    if user is not None:
        comments = COMMENT_SCOPE.filter(comments, user)
    ids = {
        int(pk)
        for pk in comments.values_list("object_pk", flat=True).distinct()
        if str(pk).isdigit()
    }
    pages = Page.objects.filter(pk__in=ids).order_by("title")
    return [(str(page.pk), page.title) for page in pages]


class CommentFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Moderation"),
        choices=ModerationState.choices,
        method="filter_by_state",
        empty_label=_("All"),
    )
    page = django_filters.ChoiceFilter(
        label=_("Page"), choices=page_choices, method="filter_by_page", empty_label=_("All")
    )
    mark = django_filters.ChoiceFilter(
        label=_("Mark"), choices=CommentMark.choices, empty_label=_("All")
    )

    class Meta:
        model = AvpComment
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        if user is not None:
            self.filters["page"].extra["choices"] = lambda: page_choices(user)

    def filter_by_state(self, queryset, name, value):
        return filter_state(queryset, value)

    def filter_by_page(self, queryset, name, value):
        """The page's own comments: not those on objects (ideas) with the same id."""
        return queryset.filter(object_pk=value).exclude(content_type__in=target_content_types())
