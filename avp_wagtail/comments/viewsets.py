"""The Comments admin area: list, filters, search, bulk moderation, history (inside Wagtail)."""

from django.apps import apps
from django.db.models import Count, Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from avp_wagtail.admin.exports import AvpInspectMixin, LocalDateTimeColumn, YesNoColumn
from avp_wagtail.admin.scope import scope_viewset
from avp_wagtail.comments.filters import CommentFilterSet
from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.permissions import COMMENT_SCOPE
from avp_wagtail.comments.threads import comment_link


def _thread_page_url(comment):
    """URL of the (prefetched) page the comment's thread lives on, or None."""
    page = comment.content_object
    return page.specific_deferred.get_url() if page is not None else None


class CommentInContextColumn(Column):
    """Link to the comment on its page (the thread page, where every language meets)."""

    def get_value(self, instance):
        page = instance.content_object
        if page is None:
            return "—"
        url = _thread_page_url(instance)
        if not url:
            return page.title
        return format_html('<a href="{}">{}</a>', comment_link(url, instance.pk), page.title)


class RespondColumn(Column):
    """Link to the page's reply form for this comment: where a moderator posts the
    municipality's official response (the form offers the "official response" tick)."""

    def get_value(self, instance):
        url = _thread_page_url(instance)
        if not url or not instance.is_visible or instance.level > 0:
            return ""
        return format_html(
            '<a href="{}?reply_to={}#comment-form">{}</a>', url, instance.pk, _("Respond")
        )


class ModerationStateColumn(Column):
    def get_value(self, instance):
        if instance.is_removed:
            return _("Hidden by a moderator")
        if instance.hidden_by_flags:
            return _("Hidden after flags")
        if not instance.is_public:
            return _("Awaiting moderation")
        if instance.open_flags:
            return ngettext(
                "Published, flagged %(count)d time",
                "Published, flagged %(count)d times",
                instance.open_flags,
            ) % {"count": instance.open_flags}
        return _("Published")


class CommentInspectView(AvpInspectMixin, InspectView):
    """Yes/no in the editor's language and local times, as in the listing."""


@scope_viewset(COMMENT_SCOPE)
class CommentViewSet(SnippetViewSet):
    model = AvpComment
    icon = "comment"
    menu_label = _("Comments")
    add_to_admin_menu = True
    menu_order = 250
    url_prefix = "avp/comments"
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = CommentFilterSet
    inspect_view_class = CommentInspectView
    index_template_name = "avp_wagtail/comments/admin/index.html"
    search_fields = ["comment", "user_name"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-submit_date"]
    inspect_view_fields = [
        "user_name",
        "comment",
        "mark",
        "language",
        "is_official_response",
        "submit_date",
        "is_public",
        "is_removed",
        "hidden_by_flags",
    ]

    @property
    def permission_policy(self):
        # Wagtail 8 finds the policy registered in AppConfig.ready(); 7.4 asks the viewset.
        legacy = apps.get_app_config("avp_comments").legacy_permission_policy
        return legacy or super().permission_policy

    @property
    def list_display(self):
        return [
            Column("__str__", label=_("Comment")),
            CommentInContextColumn("page", label=_("In context")),
            Column("get_mark_display", label=_("Mark")),
            ModerationStateColumn("state", label=_("Moderation")),
            YesNoColumn("is_official_response", label=_("Official response")),
            RespondColumn("respond", label=_("Official response on the page")),
            LocalDateTimeColumn("submit_date", label=_("Posted")),
        ]

    def get_queryset(self, request):
        return (
            AvpComment.objects.all()
            .select_related("content_type", "user")
            .prefetch_related("content_object")
            .annotate(open_flags=Count("flag_reports", filter=Q(flag_reports__reviewed=False)))
            .order_by("-submit_date")
        )
