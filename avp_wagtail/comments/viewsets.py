"""The Comments admin area: list, filters, search, bulk moderation, history (inside Wagtail)."""

from django.apps import apps
from django.db.models import Count, Q
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from avp_wagtail.admin.exports import AvpInspectMixin, LocalDateTimeColumn, YesNoColumn
from avp_wagtail.admin.scope import scope_viewset
from avp_wagtail.comments.filters import SEARCH_FIELDS, CommentFilterSet
from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.permissions import COMMENT_SCOPE
from avp_wagtail.comments.places import Place
from avp_wagtail.comments.targets import target_for_model
from avp_wagtail.comments.threads import comment_link


def _thread_page_url(comment):
    """URL of the (prefetched) page the comment's thread lives on, or of the object it
    discusses on its host page (an idea on its plan), or None."""
    holder = comment.content_object
    if holder is None:
        return None
    target = target_for_model(holder)
    if target is None:
        return holder.specific_deferred.get_url()
    host = target.host_page(holder)
    return Place(holder, host, target).url() if host is not None else None


def _title(holder):
    """The page's title, or the object's with what it is ("Idea: ...")."""
    target = target_for_model(holder)
    if target is None:
        return holder.title
    return f"{capfirst(holder._meta.verbose_name)}: {target.title(holder)}"


class CommentInContextColumn(Column):
    """Link to the comment on its page (the thread page, where every language meets), or
    on the page of the object it discusses (an idea)."""

    def get_value(self, instance):
        holder = instance.content_object
        if holder is None:
            return "—"
        url = _thread_page_url(instance)
        if not url:
            return _title(holder)
        return format_html('<a href="{}">{}</a>', comment_link(url, instance.pk), _title(holder))


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
    search_fields = list(SEARCH_FIELDS)
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
