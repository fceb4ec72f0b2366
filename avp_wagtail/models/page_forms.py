"""Admin page forms with checks that need the parent page (which the model cannot see yet)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from typing import Any

from django.apps import apps
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from avp_wagtail.core.choices import ItemStatus, MeetingKind
from avp_wagtail.core.progress import facts_from_updates


class ActionItemPageForm(WagtailAdminPageForm):
    """Offers only the parent plan's themes and rejects a theme from another plan; keeps
    the item's status and progress equal to what its latest progress updates set."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plan = self._plan()
        if plan is not None and "theme" in self.fields:
            self.fields["theme"].queryset = self.fields["theme"].queryset.filter(page=plan)

    def _plan(self) -> Any:
        if self.parent_page is not None:
            return self.parent_page
        if self.instance.pk:
            return self.instance.get_parent()
        return None

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        theme = cleaned_data.get("theme")
        plan = self._plan()
        if theme is not None and plan is not None and theme.page_id != plan.pk:
            self.add_error("theme", _("Choose one of the themes of this item's action plan."))
        self._check_milestone_completion(cleaned_data.get("planned_start"))
        self._follow_progress_updates(cleaned_data)
        return cleaned_data

    def save(self, commit: bool = True) -> Any:
        page = super().save(commit=commit)
        # The model's own clean ran before the edited updates were attached; follow them
        # now, for a preview (commit=False) too. A committed save follows them in save().
        page.follow_progress_updates()
        return page

    def _follow_progress_updates(self, cleaned_data: dict[str, Any]) -> None:
        """One source for status and progress: the latest progress update that sets each.
        An editor who changes the item's field against it gets a field error; one who only
        adds or edits updates sees the item follow them."""
        formset = self.formsets.get("progress_updates")
        if formset is None:
            return
        rows = []
        for form in formset.forms:
            form.is_valid()  # formsets are validated after this form: clean the row now
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            rows.append(
                SimpleNamespace(
                    date=data.get("date"),
                    sort_order=data.get("ORDER"),
                    status=data.get("status") or "",
                    progress=data.get("progress"),
                )
            )
        facts = facts_from_updates(rows)
        for name, value, update in (
            ("status", facts.status, facts.status_update),
            ("progress", facts.progress, facts.progress_update),
        ):
            if value is None or name not in self.fields or name in self.errors:
                continue
            if name in self.changed_data and cleaned_data.get(name) != value:
                self.add_error(name, self._contradiction(name, value, update))
            else:
                cleaned_data[name] = value

    @staticmethod
    def _contradiction(name: str, value: Any, update: Any) -> str:
        date = formats.date_format(update.date, "SHORT_DATE_FORMAT") if update.date else ""
        if name == "status":
            label = ItemStatus(value).label if value in ItemStatus.values else value
            return _(
                "The latest progress update (%(date)s) sets the status to “%(status)s”. "
                "Add a progress update to change it."
            ) % {"date": date, "status": label}
        return _(
            "The latest progress update (%(date)s) sets progress to %(progress)s%%. "
            "Add a progress update to change it."
        ) % {"date": date, "progress": value}

    def _check_milestone_completion(self, planned_start: datetime.date | None) -> None:
        """A milestone cannot have been reached before the action started."""
        formset = self.formsets.get("milestones")
        if planned_start is None or formset is None:
            return
        for form in formset.forms:
            form.is_valid()  # formsets are validated after this form: clean the row now
            completed = getattr(form, "cleaned_data", {}).get("completed_date")
            if completed and completed < planned_start:
                form.add_error(
                    "completed_date",
                    _("A milestone cannot be completed before the action's planned start."),
                )


def monitored_plan_error(kind: str | None, plan: Any, programme: Any) -> str | Promise | None:
    """Why the plan a meeting monitors is wrong, or None. A monitoring meeting names the
    plan it monitors once its programme has one; the plan is one of the programme's (in any
    language: translations keep the source-language plan)."""
    if programme is None:
        return None
    if plan is not None:
        parent = plan.get_parent()
        if parent is None or parent.translation_key != programme.translation_key:
            return _("Choose one of the action plans of this meeting's programme.")
        return None
    plans = apps.get_model("avp_wagtail", "ActionPlanPage").objects.child_of(programme)
    if kind == MeetingKind.MONITORING and plans.exists():
        return _("Choose the action plan this monitoring meeting reviews.")
    return None


class MeetingProtocolPageForm(WagtailAdminPageForm):
    """A monitoring meeting names the plan it monitors (checked with the parent page, which
    a new page does not know yet)."""

    def _programme(self) -> Any:
        if self.parent_page is not None:
            return self.parent_page
        if self.instance.pk:
            return self.instance.get_parent()
        return None

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        if "monitored_plan" in self.fields and "monitored_plan" not in self.errors:
            error = monitored_plan_error(
                cleaned_data.get("kind"), cleaned_data.get("monitored_plan"), self._programme()
            )
            if error:
                self.add_error("monitored_plan", error)
        return cleaned_data
