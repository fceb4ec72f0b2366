"""Wagtail admin views: import action items from CSV, borrow actions from a JSON export."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from avp_wagtail.conf import get_setting
from avp_wagtail.core.cleaning import parse_id, strip_control
from avp_wagtail.core.sites import full_url
from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.models import ActionItemPage, ActionPlanPage, ItemImport
from avp_wagtail.open_data.borrowing import as_document, borrow, borrowable
from avp_wagtail.open_data.csv_import import ImportRejected, count_rows
from avp_wagtail.open_data.forms import BorrowChooseForm, BorrowUploadForm, ImportItemsForm
from avp_wagtail.open_data.tasks import rows_done, run_item_import
from avp_wagtail.open_data.uploads import UploadError, read_json, read_text

SESSION_KEY = "avp_borrow"


class PlanAdminMixin(WagtailAdminTemplateMixin):
    """An admin view about one action plan; the editor must be allowed to add actions to it."""

    header_icon = "doc-full-inverse"

    def dispatch(self, request: HttpRequest, plan_id: int, **kwargs: Any) -> HttpResponseBase:
        # parse_id: an id too large for the database is a 404, not an OverflowError.
        self.plan = get_object_or_404(ActionPlanPage, pk=parse_id(plan_id) or 0)
        self.permissions = self.plan.permissions_for_user(request.user)
        if not self.permissions.can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.plan.get_admin_display_title()

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_explore", args=[self.plan.pk]), "label": self.plan.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(plan=self.plan, action_url=self.request.get_full_path())
        return context

    def plan_explorer(self) -> HttpResponse:
        return redirect("wagtailadmin_explore", self.plan.pk)


class PlanAdminView(PlanAdminMixin, FormView):
    """A form about one action plan."""

    template_name = "avp_wagtail/admin/open_data_form.html"


class ImportItemsView(PlanAdminView):
    page_title = gettext_lazy("Import actions from CSV")
    form_class = ImportItemsForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "can_publish": self.permissions.can_publish_subpage()}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["submit_button_label"] = _("Import")
        recent = list(ItemImport.objects.filter(plan=self.plan)[:5])
        for job in recent:
            job.give_up_if_stalled(stalled_after())
        context["recent_imports"] = recent
        # The public CSV on the plan's own site (the admin may be served from another).
        plan_url = full_url(self.plan, self.request) if self.plan.live else None
        context["csv_url"] = (
            plan_url + self.plan.reverse_subpage("open_data_csv") if plan_url else ""
        )
        return context

    def form_valid(self, form: Any) -> HttpResponse:
        upload = form.cleaned_data["file"]
        try:
            text = read_text(upload)
            total = count_rows(text)  # header and syntax; the rows are checked by the task
        except UploadError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        except ImportRejected as rejected:
            return self._rejected(form, rejected.errors)
        job = ItemImport.objects.create(  # type: ignore[misc]  # the admin's user is logged in
            plan=self.plan,
            user=self.request.user,
            file_name=strip_control(getattr(upload, "name", "") or "")[:255],
            # NUL bytes go (a text column on PostgreSQL cannot hold them); the importer
            # drops them anyway, and takes the other control characters out of each cell.
            text=text.replace("\x00", ""),
            total_rows=total,
            publish=form.cleaned_data.get("publish", False),
            allow_duplicate_titles=form.cleaned_data.get("allow_duplicate_titles", False),
            language=translation.get_language() or "",
        )
        enqueue_after_commit(run_item_import, job.pk)
        job.refresh_from_db()
        # Run already (django-tasks' immediate backend): the outcome, as it always was.
        if job.state == ItemImport.State.DONE:
            messages.success(self.request, job.summary)
            for skipped in job.messages:
                messages.warning(self.request, skipped)
            return self.plan_explorer()
        if job.state == ItemImport.State.REJECTED:
            return self._rejected(form, job.messages)
        # Queued for a worker, or failed: its page shows how it goes.
        return redirect("avp_item_import", self.plan.pk, job.pk)

    def _rejected(self, form: Any, errors: list[Any]) -> HttpResponse:
        form.add_error("file", _("Nothing was imported: the file has errors listed below."))
        return self.render_to_response(self.get_context_data(form=form, import_errors=errors))


def stalled_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=get_setting("IMPORT_STALLED_AFTER"))


class ImportStatusView(PlanAdminMixin, TemplateView):
    """One CSV import of the plan: its state, its progress while a worker runs it, and its
    outcome (the summary, the rows not imported, or the errors that rejected the file)."""

    template_name = "avp_wagtail/admin/item_import.html"
    page_title = gettext_lazy("Import actions from CSV")

    http_method_names = ["get", "head"]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        job = get_object_or_404(
            ItemImport, pk=parse_id(self.kwargs["import_id"]) or 0, plan=self.plan
        )
        job.give_up_if_stalled(stalled_after())
        done = rows_done(job)
        context.update(
            job=job,
            rows_done=done,
            import_url=reverse("avp_import_items", args=[self.plan.pk]),
            explorer_url=reverse("wagtailadmin_explore", args=[self.plan.pk]),
        )
        return context


class BorrowView(PlanAdminView):
    """Step 1: upload an export. Step 2 (``?step=choose``): pick the actions to copy."""

    page_title = gettext_lazy("Borrow actions from another municipality")

    def choosing(self) -> bool:
        return self.request.GET.get("step") == "choose" and self.stored is not None

    @cached_property
    def stored(self) -> Any:
        """The document uploaded in step 1 for this plan (parsed once per request)."""
        stored = self.request.session.get(SESSION_KEY)
        if not stored or stored.get("plan") != self.plan.pk:
            return None
        return json.loads(stored["document"])

    def get_form_class(self) -> type[Any]:
        return BorrowChooseForm if self.choosing() else BorrowUploadForm

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        if self.choosing():
            kwargs["borrowable"] = borrowable(self.stored)
            kwargs["already"] = set(
                ActionItemPage.objects.child_of(self.plan)
                .exclude(source_id="")
                .values_list("source_id", flat=True)
            )
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if self.choosing():
            document = self.stored
            context["source"] = {
                "publisher": (document.get("publisher") or {}).get("name", ""),
                "plan": (document.get("plan") or {}).get("title", ""),
            }
            context["submit_button_label"] = _("Copy as drafts")
        else:
            context["submit_button_label"] = _("Upload")
        return context

    def form_valid(self, form: Any) -> HttpResponse:
        if isinstance(form, BorrowUploadForm):
            try:
                document = as_document(read_json(form.cleaned_data["file"]))
            except UploadError as error:
                form.add_error("file", str(error))
                return self.form_invalid(form)
            self.request.session[SESSION_KEY] = {
                "plan": self.plan.pk,
                "document": json.dumps(document),
            }
            return redirect(self.request.path + "?step=choose")
        try:
            created = borrow(
                self.plan, self.stored, form.cleaned_data["items"], user=self.request.user
            )
        except UploadError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        self.request.session.pop(SESSION_KEY, None)
        messages.success(
            self.request,
            ngettext(
                "%(count)d action copied as a draft; choose its implementers and publish it.",
                "%(count)d actions copied as drafts; choose their implementers and publish them.",
                len(created),
            )
            % {"count": len(created)},
        )
        return self.plan_explorer()
