"""The admin's "Attending organisations from sign-ups" on a meeting page: what the
sign-ups add (GET), then a new draft revision with them (POST)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from avp_wagtail.core.cleaning import parse_id
from avp_wagtail.models import MeetingProtocolPage
from avp_wagtail.signups.attending import add_attending, attending_from_signups


class AttendingFromSignupsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "avp_wagtail/admin/attending_from_signups.html"
    page_title = gettext_lazy("Attending organisations from sign-ups")
    header_icon = "group"

    def dispatch(self, request: HttpRequest, meeting_id: int, **kwargs: Any) -> HttpResponseBase:
        self.meeting = get_object_or_404(MeetingProtocolPage, pk=parse_id(meeting_id) or 0)
        # The organisations come from residents' sign-ups: who may not see those (the
        # sign-ups' view permission) may not see them here either.
        if not (
            self.meeting.permissions_for_user(request.user).can_edit()
            and request.user.has_perm("avp_wagtail.view_meetingsignup")
        ):
            raise PermissionDenied
        return super().dispatch(request, **kwargs)

    def lock_message(self) -> str | None:
        """Why the meeting cannot be changed by this editor now (a lock), else None."""
        lock = self.meeting.get_lock()
        if lock is None or not lock.for_user(self.request.user):
            return None
        return str(lock.get_message(self.request.user))

    def get_page_subtitle(self) -> str:
        return self.meeting.get_admin_display_title()

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.meeting.pk]),
                "label": self.meeting.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            meeting=self.meeting,
            found=attending_from_signups(self.meeting),
            signups_url=reverse("avp_meeting_signups:index") + f"?meeting={self.meeting.pk}",
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.meeting.pk]),
            lock_message=self.lock_message(),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        locked = self.lock_message()
        if locked:  # as Wagtail's own editor: a locked page gets no new revision
            messages.error(request, locked)
            return redirect("wagtailadmin_pages:edit", self.meeting.pk)
        found = attending_from_signups(self.meeting)
        if found.new:
            add_attending(self.meeting, found.new, request.user)
        messages.success(
            request,
            ngettext(
                "%(count)d organisation added to a draft of the protocol: review and publish it.",
                "%(count)d organisations added to a draft of the protocol: review and publish it.",
                len(found.new),
            )
            % {"count": len(found.new)},
        )
        return redirect("wagtailadmin_pages:edit", self.meeting.pk)
