"""A programme's checklist: each recommendation with its status.

Eight are computed from the programme's pages (``COMPUTED``: C1, C7, D2, D5, D6, I1, I2,
I3; the rules are in ``rules``). For the others, every function registered under
``avp_recipe_status`` (``avp_wagtail.core.plugins``) is asked in turn and the first answer
that is not None wins (e.g. the outreach tracker answers C2, C3, C9 and C10); without an
answer, the coordinator's manual tick (``ChecklistTick``) decides. Each unmet item carries
the admin URL where it is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from avp_wagtail.core.plugins import RECIPE_STATUS_HOOK
from avp_wagtail.recipes import catalogue
from avp_wagtail.recipes.models import ChecklistTick
from avp_wagtail.recipes.rules import RULES, Facts, Status, add_url, edit_url, short_date

COMPUTED = tuple(RULES)
__all__ = ["COMPUTED", "Facts", "Item", "PhaseList", "Status", "add_url", "build", "edit_url"]


def checklist_url(programme: Any) -> str:
    return reverse("avp_recipes:checklist", args=[programme.pk])


@dataclass
class Item:
    recipe: catalogue.Recipe
    met: bool
    why: str
    fix_url: str
    source: str  # "computed", "feature" or "manual"
    tick: ChecklistTick | None = None

    @property
    def manual(self) -> bool:
        return self.source == "manual"


@dataclass
class PhaseList:
    phase: catalogue.Phase
    items: list[Item] = field(default_factory=list)

    @property
    def met_count(self) -> int:
        return sum(item.met for item in self.items)


def ask_features(programme: Any, recipe_id: str, request: Any) -> Status | None:
    """The first answer of the ``avp_recipe_status`` functions that is not None."""
    for ask in hooks.get_hooks(RECIPE_STATUS_HOOK):
        answer = ask(programme, recipe_id, request)
        if answer is not None:
            met, why, fix_url = answer
            return Status(bool(met), str(why), fix_url or "")
    return None


def ticks_of(programme: Any) -> dict[str, ChecklistTick]:
    """The newest tick for each recommendation, from any language version of the programme
    (translations share one checklist)."""
    rows = (
        ChecklistTick.objects.filter(programme__translation_key=programme.translation_key)
        .select_related("ticked_by")
        .order_by("-updated_at", "-pk")
    )
    ticks: dict[str, ChecklistTick] = {}
    for tick in rows:
        ticks.setdefault(tick.recommendation, tick)
    return ticks


def manual_status(tick: ChecklistTick | None, programme: Any) -> Status:
    fix = checklist_url(programme) + "#tick-"
    if tick is None:
        return Status(False, _("Not ticked yet: tick it when it is done, with a note."), fix)
    who = ""
    if tick.ticked_by is not None:
        who = tick.ticked_by.get_full_name() or tick.ticked_by.get_username()
    if tick.done:
        date = short_date(tick.updated_at)
        if who:
            why = _("Ticked as done by %(who)s on %(date)s.") % {"who": who, "date": date}
        else:
            why = _("Ticked as done on %(date)s.") % {"date": date}
        return Status(True, why)
    return Status(False, _("Marked as not done yet."), fix)


def status_of(
    recipe_id: str, facts: Facts, request: Any, ticks: dict[str, ChecklistTick]
) -> tuple[Status, str]:
    if recipe_id in RULES:
        return RULES[recipe_id](facts), "computed"
    answer = ask_features(facts.programme, recipe_id, request)
    if answer is not None:
        return answer, "feature"
    status = manual_status(ticks.get(recipe_id), facts.programme)
    if status.fix_url.endswith("#tick-"):
        status.fix_url += recipe_id
    return status, "manual"


def build(programme: Any, request: Any = None, language: str | None = None) -> list[PhaseList]:
    """The programme's checklist, phase by phase, in ``language`` (default: active)."""
    facts = Facts(programme)
    ticks = ticks_of(programme)
    result = []
    for phase in catalogue.phases(language):
        phase_list = PhaseList(phase)
        for recipe in phase.recipes:
            status, source = status_of(recipe.id, facts, request, ticks)
            phase_list.items.append(
                Item(
                    recipe=recipe,
                    met=status.met,
                    why=status.why,
                    fix_url="" if status.met else status.fix_url,
                    source=source,
                    tick=ticks.get(recipe.id),
                )
            )
        result.append(phase_list)
    return result


def totals(phases: list[PhaseList]) -> tuple[int, int]:
    """(met, all) over the whole checklist."""
    items = [item for phase in phases for item in phase.items]
    return sum(item.met for item in items), len(items)
