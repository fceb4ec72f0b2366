"""The computed items of a programme's checklist (``checklist.COMPUTED``): each rule reads
the programme's pages and says whether the recommendation is met, why, and where an unmet
one is fixed. The page rows hold the published content of a live page (drafts are in
revisions), so "published with …" is read from the rows of live pages. A programme's action
plan is its newest (by start date) child plan, live ones first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    ProgressUpdate,
)
from avp_wagtail.tracking.monitoring import add_periods

# How many page titles an unmet item names before "…".
NAMED = 3
ONGOING = (ItemStatus.IN_PROGRESS, ItemStatus.DELAYED)


def edit_url(page: Any) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(model: Any, parent: Any) -> str:
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )


def _has_text(value: str) -> bool:
    return bool(strip_tags(value or "").strip())


def _titles(pages: list[Any]) -> str:
    names = [f"“{page.title}”" for page in pages[:NAMED]]
    return ", ".join(names) + (" …" if len(pages) > NAMED else "")


def short_date(value: datetime.date | datetime.datetime) -> str:
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return date_format(value, "SHORT_DATE_FORMAT")


@dataclass
class Status:
    met: bool
    why: str
    fix_url: str = ""


class Facts:
    """What the computed items read from one programme's pages, each loaded once."""

    def __init__(self, programme: Any, now: datetime.datetime | None = None):
        self.programme = programme
        self.now = now or timezone.now()
        self.today = timezone.localdate(self.now)
        self._plan: Any = False
        self._items: list[Any] | None = None

    @property
    def plan(self) -> Any:
        if self._plan is False:
            plans = ActionPlanPage.objects.child_of(self.programme).order_by(
                "-live", "-start_date", "-path"
            )
            self._plan = plans.first()
        return self._plan

    def items(self) -> list[Any]:
        if self._items is None:
            self._items = (
                list(
                    ActionItemPage.objects.child_of(self.plan)
                    .select_related("lead_implementer")
                    .order_by("path")
                )
                if self.plan is not None
                else []
            )
        return self._items

    def meetings(self) -> Any:
        return MeetingProtocolPage.objects.child_of(self.programme)

    def no_plan(self) -> Status:
        return Status(
            False,
            _("The programme has no action plan yet."),
            add_url(ActionPlanPage, self.programme),
        )


def c1(facts: Facts) -> Status:
    programme = facts.programme
    fix = edit_url(programme)
    if not programme.live:
        return Status(False, _("The programme page is not published yet."), fix)
    missing = []
    if not _has_text(programme.principles):
        missing.append(_("the AVP KOV principles"))
    if not _has_text(programme.common_goal):
        missing.append(_("the common goal"))
    if missing:
        return Status(
            False,
            _("The published programme page lacks %(missing)s.") % {"missing": ", ".join(missing)},
            fix,
        )
    return Status(True, _("The programme page is published with its principles and common goal."))


def c7(facts: Facts) -> Status:
    held = facts.meetings().filter(start__lt=facts.now).order_by("-start")
    summarised = held.live().exclude(summary="").first()
    if summarised is None:
        latest = held.first()
        fix = edit_url(latest) if latest else add_url(MeetingProtocolPage, facts.programme)
        return Status(False, _("No meeting held so far has a published public summary."), fix)
    calls = CallToParticipatePage.objects.child_of(facts.programme)
    repeated = [
        call for call in calls.live().filter(last_published_at__gt=summarised.start) if call.is_open
    ]
    if repeated:
        return Status(
            True,
            _("The call “%(call)s” was published again after the meeting “%(meeting)s”.")
            % {"call": repeated[0].title, "meeting": summarised.title},
        )
    call = calls.order_by("-latest_revision_created_at").first()
    fix = edit_url(call) if call else add_url(CallToParticipatePage, facts.programme)
    return Status(
        False,
        _(
            "No open call to participate was published after the meeting “%(meeting)s” of "
            "%(date)s and its summary."
        )
        % {"meeting": summarised.title, "date": short_date(summarised.start)},
        fix,
    )


def d2(facts: Facts) -> Status:
    plan = facts.plan
    if plan is None:
        return facts.no_plan()
    missing = []
    if plan.initiating_politician_id is None:
        missing.append(_("the initiating politician"))
    if plan.coordinating_official_id is None:
        missing.append(_("the coordinating official"))
    representatives = plan.community_representatives.count()
    if not representatives:
        missing.append(_("a community representative"))
    if missing:
        return Status(
            False,
            _("The plan “%(plan)s” does not name %(missing)s.")
            % {"plan": plan.title, "missing": ", ".join(missing)},
            edit_url(plan),
        )
    return Status(
        True,
        ngettext(
            "The plan names its initiator, its coordinator and %(count)s community representative.",
            "The plan names its initiator, its coordinator and %(count)s community "
            "representatives.",
            representatives,
        )
        % {"count": representatives},
    )


def _has_resources(item: Any) -> bool:
    texts = (item.funding_source, item.people_and_time, item.other_resources)
    return item.budget is not None or any((text or "").strip() for text in texts)


def d5(facts: Facts) -> Status:
    plan = facts.plan
    if plan is None:
        return facts.no_plan()
    items = [item for item in facts.items() if item.status != ItemStatus.CANCELLED]
    if not items:
        return Status(False, _("The plan has no actions yet."), add_url(ActionItemPage, plan))
    lacking = [i for i in items if i.lead_implementer_id is None or not _has_resources(i)]
    if lacking:
        return Status(
            False,
            ngettext(
                "%(count)s action lacks a lead implementer or resources: %(titles)s.",
                "%(count)s actions lack a lead implementer or resources: %(titles)s.",
                len(lacking),
            )
            % {"count": len(lacking), "titles": _titles(lacking)},
            edit_url(lacking[0]),
        )
    return Status(
        True,
        ngettext(
            "The action has a lead implementer and resources.",
            "Each of the %(count)s actions has a lead implementer and resources.",
            len(items),
        )
        % {"count": len(items)},
    )


def d6(facts: Facts) -> Status:
    plan = facts.plan
    if plan is None:
        return facts.no_plan()
    if not plan.monitoring_every:
        return Status(
            False,
            _("The plan “%(plan)s” has no monitoring cadence.") % {"plan": plan.title},
            edit_url(plan),
        )
    return Status(
        True,
        _("Monitoring meetings every %(every)s %(unit)s.")
        % {"every": plan.monitoring_every, "unit": plan.get_monitoring_unit_display()},
    )


def i1(facts: Facts) -> Status:
    plan = facts.plan
    if plan is None:
        return facts.no_plan()
    if not plan.monitoring_every:
        return Status(
            False,
            _("Without a monitoring cadence (D6) there is no period to report in."),
            edit_url(plan),
        )
    items = [item for item in facts.items() if item.live]
    ongoing = [item for item in items if item.status in ONGOING]
    if not ongoing:
        if any(item.status == ItemStatus.COMPLETED for item in items):
            return Status(True, _("No action is under way: the started ones are completed."))
        return Status(False, _("No published action is under way yet."), edit_url(plan))
    since = add_periods(facts.today, plan.monitoring_every, plan.monitoring_unit, times=-1)
    latest = dict(
        ProgressUpdate.objects.filter(page__in=[item.pk for item in ongoing])
        .order_by()
        .values_list("page")
        .annotate(Max("date"))
    )
    stale = [item for item in ongoing if (latest.get(item.pk) or datetime.date.min) < since]
    if stale:
        return Status(
            False,
            ngettext(
                "%(count)s action under way has no progress update since %(date)s: %(titles)s.",
                "%(count)s actions under way have no progress update since %(date)s: %(titles)s.",
                len(stale),
            )
            % {"count": len(stale), "date": short_date(since), "titles": _titles(stale)},
            edit_url(stale[0]),
        )
    return Status(
        True,
        ngettext(
            "The action under way has a progress update since %(date)s.",
            "Each of the %(count)s actions under way has a progress update since %(date)s.",
            len(ongoing),
        )
        % {"count": len(ongoing), "date": short_date(since)},
    )


def i2(facts: Facts) -> Status:
    live_plan = ActionPlanPage.objects.child_of(facts.programme).live().order_by("-path").first()
    if live_plan is None:
        fix = edit_url(facts.plan) if facts.plan else add_url(ActionPlanPage, facts.programme)
        return Status(
            False,
            _("No action plan is published, so there is no news feed or calendar to follow."),
            fix,
        )
    latest = facts.meetings().filter(start__lt=facts.now).order_by("-start").first()
    if latest is not None and (not latest.live or latest.has_unpublished_changes):
        return Status(
            False,
            _(
                "The protocol of the latest meeting, “%(meeting)s”, has decisions or changes "
                "that are not published."
            )
            % {"meeting": latest.title},
            edit_url(latest),
        )
    if latest is None:
        return Status(
            True,
            _("The plan “%(plan)s” has its news feed and calendar; no meeting has been held yet.")
            % {"plan": live_plan.title},
        )
    return Status(
        True,
        _(
            "The plan “%(plan)s” has its news feed and calendar, and the protocol of the latest "
            "meeting, “%(meeting)s”, is published."
        )
        % {"plan": live_plan.title, "meeting": latest.title},
    )


def i3(facts: Facts) -> Status:
    programme = facts.programme
    if programme.in_network:
        return Status(True, _("The programme's plans are listed on network pages."))
    if programme.network_url:
        return Status(True, _("The programme links to the national AVP KOV network."))
    ours = ActionItemPage.objects.descendant_of(programme)
    borrowed = ours.filter(~Q(adapted_from_title="") | ~Q(adapted_from_url="")).count()
    if borrowed:
        return Status(
            True,
            ngettext(
                "%(count)s action was borrowed from another municipality.",
                "%(count)s actions were borrowed from other municipalities.",
                borrowed,
            )
            % {"count": borrowed},
        )
    keys = [str(key) for key in ours.order_by().values_list("translation_key", flat=True)]
    lent = (
        ActionItemPage.objects.filter(source_id__in=keys).exclude(pk__in=ours.values("pk")).count()
        if keys
        else 0
    )
    if lent:
        return Status(
            True,
            ngettext(
                "Another municipality borrowed %(count)s of the programme's actions.",
                "Other municipalities borrowed %(count)s of the programme's actions.",
                lent,
            )
            % {"count": lent},
        )
    return Status(
        False,
        _("The programme is on no network page and has neither borrowed an action nor lent one."),
        edit_url(programme),
    )


RULES = {"C1": c1, "C7": c7, "D2": d2, "D5": d5, "D6": d6, "I1": i1, "I2": i2, "I3": i3}
