"""The new-programme wizard: a programme page, its first call to participate and an empty
action plan, as drafts (a revision saved, nothing published) in the chosen language, with
the recipes' texts as starting content the editor replaces."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from avp_wagtail.core.choices import PlanStatus
from avp_wagtail.models import ActionPlanPage, CallToParticipatePage, OpenGovernmentPage, PlanTheme
from avp_wagtail.recipes import catalogue

PLAN_YEARS = 2


def starting_text(recipe_id: str, language: str) -> str:
    """The recommendation's text as rich text, after a line telling the editor to replace
    it (in ``language``, which is active)."""
    recipe = catalogue.get(recipe_id, language)
    note = _("Starting text from recommendation %(id)s: replace it with your own.") % {
        "id": recipe_id
    }
    return f"<p><i>{escape(note)}</i></p><p>{escape(recipe.text)}</p>"


def plain(recipe_id: str, language: str) -> str:
    return catalogue.get(recipe_id, language).text


def _draft(parent: Any, page: Any, user: Any, fallback_slug: str) -> Any:
    page.slug = find_available_slug(parent, slugify(page.title)[:200] or fallback_slug)
    page.owner = user
    page.locale = parent.locale
    page.live = False
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def plan_end(start: datetime.date) -> datetime.date:
    try:
        end = start.replace(year=start.year + PLAN_YEARS)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + PLAN_YEARS, day=28)
    return end - datetime.timedelta(days=1)


@transaction.atomic
def start_programme(parent: Any, title: str, language: str, user: Any) -> dict[str, Any]:
    """The three drafts under ``parent`` (whose language is ``language``)."""
    with translation.override(language):
        programme = _draft(
            parent,
            OpenGovernmentPage(
                title=title,
                intro=starting_text("C1", language),
                common_goal=plain("C5", language),
                principles=starting_text("C1", language),
                benefits=starting_text("C6", language),
            ),
            user,
            "open-government",
        )
        steps = [
            (
                "step",
                {"title": _("Tell us you are interested"), "description": plain("C3", language)},
            ),
            (
                "step",
                {"title": _("Come to the first meeting"), "description": plain("C5", language)},
            ),
            (
                "step",
                {"title": _("Help write the action plan"), "description": plain("D2", language)},
            ),
        ]
        call = _draft(
            programme,
            CallToParticipatePage(
                title=_("Call to participate"),
                what_is_avp=starting_text("C8", language),
                why_cooperate=starting_text("C6", language),
                contribution_expected=starting_text("C1", language),
                steps=steps,
                long_term_goal=starting_text("C5", language),
                target_groups=starting_text("C2", language),
            ),
            user,
            "call",
        )
        start = timezone.localdate()
        plan = ActionPlanPage(
            title=_("Action plan"),
            summary=plain("D1", language),
            start_date=start,
            end_date=plan_end(start),
            status=PlanStatus.DRAFT,
            change_procedure=starting_text("D6", language),
        )
        plan.themes = [
            PlanTheme(
                title=_("First priority theme"),
                description=plain("D1", language),
                locale=parent.locale,
            )
        ]
        plan = _draft(programme, plan, user, "action-plan")
    return {"programme": programme, "call": call, "plan": plan}
