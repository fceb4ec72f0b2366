"""The comments' part of the admin home page's "needs attention" panel (``avp_dashboard_parts``)."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from avp_wagtail.comments.filters import ModerationState, filter_state
from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.permissions import COMMENT_SCOPE, can_moderate


class CommentsAwaiting(Component):
    """How many comments await moderation, linked to the listing of just those."""

    template_name = "avp_wagtail/comments/admin/dashboard_awaiting.html"

    def __init__(self, count, url):
        self.count = count
        self.url = url

    def get_context_data(self, parent_context):
        return {"comments_awaiting": self.count, "comments_url": self.url}


def comments_awaiting(request):
    """``avp_dashboard_parts`` hook: for moderators only, the comments awaiting moderation
    on the pages they work on (their municipality's, on a multi-site install)."""
    user = request.user
    if not can_moderate(user):
        return None
    count = filter_state(
        COMMENT_SCOPE.filter(AvpComment.objects.all(), user), ModerationState.AWAITING
    ).count()
    url = reverse(AvpComment.snippet_viewset.get_url_name("list"))
    return CommentsAwaiting(count, f"{url}?state={ModerationState.AWAITING}")
