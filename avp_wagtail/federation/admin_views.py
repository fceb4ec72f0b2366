"""Admin views of the network: fetch a followed source now, borrow a followed action by
its address, the borrowed actions and what changed in their originals."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from avp_wagtail.core.cleaning import parse_id
from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.federation.admin_forms import BorrowFromNetworkForm
from avp_wagtail.federation.borrowing import borrow_followed, changes_of, find_followed, original_of
from avp_wagtail.federation.models import Borrowing, FollowedItem, FollowedSource
from avp_wagtail.federation.scope import BORROWING_SCOPE, SOURCE_SCOPE, permitted_sites
from avp_wagtail.federation.tasks import sync_source_task
from avp_wagtail.open_data.uploads import UploadError


class FetchNowView(View):
    """POST: fetch one followed source now (in the background where a worker runs)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        source = get_object_or_404(FollowedSource, pk=parse_id(pk) or 0)
        if not request.user.has_perm("avp_federation.change_followedsource") or not (
            SOURCE_SCOPE.contains(source, request.user)
        ):
            raise PermissionDenied
        enqueue_after_commit(sync_source_task, source.pk)
        source.refresh_from_db()
        if source.last_error:
            messages.warning(
                request, _("Fetched with problems: %(error)s") % {"error": source.last_error}
            )
        else:
            messages.success(request, _("“%(source)s” is being fetched.") % {"source": source})
        return redirect("avp_network_sources:index")


class NetworkAdminMixin(WagtailAdminTemplateMixin):
    """The admin header: "Followed municipalities" > this view."""

    header_icon = "copy"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.breadcrumbs_items + [
            {"url": reverse("avp_network_sources:index"), "label": _("Followed municipalities")},
            {"url": "", "label": self.get_page_title()},
        ]


class BorrowFromNetworkView(NetworkAdminMixin, FormView):
    """Copy an action of a followed municipality into one of the editor's plans."""

    template_name = "avp_wagtail/federation/admin/borrow.html"
    page_title = gettext_lazy("Borrow an action from the network")
    form_class = BorrowFromNetworkForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.sites = permitted_sites(request.user)
        return super().dispatch(request, *args, **kwargs)

    def items(self) -> list[FollowedItem]:
        return list(
            FollowedItem.objects.filter(plan__source__site__in=self.sites)
            .exclude(url="")
            .select_related("plan__source")
            .order_by("plan__source__municipality", "plan__title", "position")[:500]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(submit_button_label=_("Copy as a draft"), action_url=self.request.path)
        return context

    def get_initial(self) -> dict[str, Any]:
        return {
            "item": parse_id(self.request.GET.get("item")),
            "address": self.request.GET.get("address", ""),
            "plan": parse_id(self.request.GET.get("plan")),
        }

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user, "items": self.items()}

    def form_valid(self, form: Any) -> HttpResponse:
        plan = form.cleaned_data["plan"]
        if not plan.permissions_for_user(self.request.user).can_add_subpage():
            raise PermissionDenied
        site = plan.get_site()
        followed = None
        if form.cleaned_data.get("item"):
            followed = (
                FollowedItem.objects.filter(pk=form.cleaned_data["item"], plan__source__site=site)
                .select_related("plan__source")
                .first()
            )
        elif form.cleaned_data.get("address"):
            followed = find_followed(form.cleaned_data["address"], [site])
        if followed is None:
            form.add_error(
                None,
                _(
                    "This action is not in the plans of a municipality this plan's site "
                    "follows. Follow the municipality first (Followed municipalities)."
                ),
            )
            return self.form_invalid(form)
        try:
            page = borrow_followed(plan, followed, user=self.request.user)
        except UploadError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("“%(title)s” copied as a draft; choose its implementers and publish it.")
            % {"title": page.title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


class BorrowedListView(NetworkAdminMixin, TemplateView):
    """The actions borrowed by address, each with whether its original changed since."""

    template_name = "avp_wagtail/federation/admin/borrowed.html"
    page_title = gettext_lazy("Borrowed actions")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rows = BORROWING_SCOPE.filter(
            Borrowing.objects.select_related("item").order_by("-borrowed_at"), self.request.user
        )[:200]
        borrowings = []
        for borrowing in rows:
            borrowing.changes = changes_of(borrowing)
            borrowings.append(borrowing)
        context["borrowings"] = borrowings
        return context


class BorrowedDiffView(NetworkAdminMixin, TemplateView):
    """What changed in one borrowed action's original: the texts then and now."""

    template_name = "avp_wagtail/federation/admin/diff.html"
    page_title = gettext_lazy("The original has changed since you borrowed it")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        borrowing = get_object_or_404(
            Borrowing.objects.select_related("item"), pk=parse_id(self.kwargs["pk"]) or 0
        )
        if not BORROWING_SCOPE.contains(borrowing, self.request.user):
            raise PermissionDenied
        context.update(
            borrowing=borrowing,
            original=original_of(borrowing),
            changes=changes_of(borrowing),
            edit_url=reverse("wagtailadmin_pages:edit", args=[borrowing.item_id]),
        )
        return context
