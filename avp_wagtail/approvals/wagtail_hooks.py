"""Registers the approval by participants with Wagtail (its task type is found by Wagtail
as a ``Task`` subclass; its admin URLs and the page header's button) and with the
package's plug-in hooks (``avp_wagtail.core.plugins``)."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from avp_wagtail.approvals.admin_views import ReviewView, page_approval_view
from avp_wagtail.approvals.models import ParticipantApprovalTaskState
from avp_wagtail.approvals.permissions import can_review
from avp_wagtail.approvals.public import add_approval_context
from avp_wagtail.approvals.recipes import d3_status
from avp_wagtail.approvals.retention import ParticipantData
from avp_wagtail.approvals.routes import approval_routes
from avp_wagtail.core.plugins import (
    CONTEXT_HOOK,
    PERSONAL_DATA_HOOK,
    RECIPE_STATUS_HOOK,
    ROUTES_HOOK,
)

hooks.register(ROUTES_HOOK, approval_routes)
hooks.register(CONTEXT_HOOK, add_approval_context)
hooks.register(RECIPE_STATUS_HOOK, d3_status)
hooks.register(PERSONAL_DATA_HOOK, ParticipantData(), order=30)


@hooks.register("register_admin_urls")
def register_approval_admin_urls():
    return [
        path("avp/approvals/<int:pk>/", ReviewView.as_view(), name="avp_approvals_review"),
        path(
            "avp/approvals/page/<int:page_id>/",
            page_approval_view,
            name="avp_approvals_page",
        ),
    ]


@hooks.register("register_page_header_buttons")
def approval_header_button(page, user, view_name, next_url=None):
    if not ParticipantApprovalTaskState.objects.filter(page_id=page.pk).exists():
        return
    if not can_review(user, page):
        return
    yield Button(
        _("Approval by participants"),
        reverse("avp_approvals_page", args=[page.pk]),
        icon_name="tick-inverse",
        priority=80,
    )


@hooks.register("after_edit_page")
def to_the_review_after_the_editor_action(request, page):
    """The page editor's "Approval by participants" action saves the page (as every
    workflow action there does), then opens the review screen instead of the editor."""
    if request.POST.get("workflow-action-name") != "avp_participants":
        return None
    state = page.current_workflow_task_state
    if state is None or not isinstance(state.specific, ParticipantApprovalTaskState):
        return None
    if not can_review(request.user, page):
        return None
    return redirect(state.specific.get_admin_url())
