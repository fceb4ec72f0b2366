"""The parts of a draft that participants amend: a protocol's agenda items (with the
discussion, the arguments for and against and the decision: D3), or a plan's texts and
themes. Read from the revision submitted, never from the live page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from avp_wagtail.models import ActionPlanPage, MeetingProtocolPage

SUPPORTED = (MeetingProtocolPage, ActionPlanPage)


@dataclass
class Section:
    label: str
    text: str
    rich: bool = False


@dataclass
class Part:
    key: str
    title: str
    sections: list[Section] = field(default_factory=list)


def supports(page: Any) -> bool:
    return isinstance(page, SUPPORTED)


def _agenda_part(index: int, item: Any) -> Part:
    sections = [
        Section(str(_("Course of the discussion")), item.discussion, rich=True),
        Section(str(_("Arguments for")), item.arguments_for, rich=True),
        Section(str(_("Arguments against")), item.arguments_against, rich=True),
        Section(str(_("Decision")), item.decision, rich=True),
        Section(str(_("Responsible")), item.responsible),
    ]
    key = str(item.translation_key or f"item-{index}")
    return Part(key=key, title=item.title, sections=[s for s in sections if s.text])


def parts_of(draft: Any) -> list[Part]:
    """The amendable parts of ``draft`` (a page object as stored in a revision)."""
    if isinstance(draft, MeetingProtocolPage):
        return [_agenda_part(i, item) for i, item in enumerate(draft.agenda_items.all())]
    if isinstance(draft, ActionPlanPage):
        parts = [
            Part("summary", str(_("Summary")), [Section(str(_("Summary")), draft.summary)]),
        ]
        if draft.common_goal:
            parts.append(
                Part(
                    "common_goal",
                    str(_("Common goal")),
                    [Section(str(_("Common goal")), draft.common_goal)],
                )
            )
        for theme in draft.themes.all():
            sections = [Section(str(_("Description")), theme.description)]
            parts.append(
                Part(
                    f"theme-{theme.translation_key}",
                    theme.title,
                    [s for s in sections if s.text],
                )
            )
        if draft.change_procedure:
            parts.append(
                Part(
                    "change_procedure",
                    str(_("How the plan gets changed")),
                    [Section(str(_("How the plan gets changed")), draft.change_procedure, True)],
                )
            )
        return parts
    return []


def draft_of(task_state: Any) -> Any:
    """The page as submitted (the task state's revision)."""
    return task_state.revision.as_object()
