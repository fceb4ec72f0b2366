"""Ideas in the plan's open data (``avp_open_data``, see ``avp_wagtail.open_data.extensions``).

The plan's document gets a top-level ``ideas`` key: its public ideas (every language of
the plan), each with the municipality's response and its support count; each action item
gets ``source_ideas``: the public ideas it came from (``Idea.action_items``, the link an
editor makes in the admin); the CSV gets a "Source Ideas" column with their addresses.
An action's own document lists the ideas it came from.

No personal data: neither the author's name nor any e-mail address, and of the supports
only their number. An organisation is not a person: the one the author speaks for is
exported. Hidden, unconfirmed and pending ideas are left out, and so is a link to an
action the reader may not see. Five queries, whatever the number of ideas, supports and
actions.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from avp_wagtail.core.visibility import visible
from avp_wagtail.ideas.listing import public_ideas, retitle, theme_titles
from avp_wagtail.ideas.models import Idea, IdeaCollection
from avp_wagtail.models import ActionItemPage
from avp_wagtail.open_data.export import page_url
from avp_wagtail.open_data.extensions import ExportContext, OpenDataPart

SOURCE_IDEAS = "source_ideas"


def _date(value: datetime.datetime | None) -> str | None:
    return timezone.localdate(value).isoformat() if value else None


def _links(ideas: list[Idea]) -> dict[int, list[str]]:
    """``{idea pk: [translation keys of the actions it became]}`` (one query)."""
    through = Idea.action_items.through
    rows = through.objects.filter(idea_id__in=[idea.pk for idea in ideas]).values_list(
        "idea_id", "actionitempage__translation_key"
    )
    links: dict[int, list[str]] = {}
    for idea_id, key in rows.order_by("pk"):
        links.setdefault(idea_id, []).append(str(key))
    return links


def _actions(context: ExportContext, keys: set[str]) -> dict[str, dict[str, str]]:
    """``{translation key: {id, url}}`` of the plan's actions the reader may see, in the
    document's language (one query)."""
    items = visible(
        ActionItemPage.objects.child_of(context.plan).filter(translation_key__in=keys),
        context.request,
    )
    return {
        str(item.translation_key): {
            "id": str(item.translation_key),
            "url": page_url(item, context.request),
        }
        for item in items.order_by("path")
    }


def idea_dict(idea: Any, plan_url: str, actions: list[dict[str, str]]) -> dict[str, Any]:
    """One public idea as the document has it (``idea.theme_title``: see ``retitle``)."""
    merged_into = idea.merged_into
    return {
        "id": str(idea.pk),
        "url": idea.url_in(plan_url),
        "title": idea.title,
        "problem": idea.problem,
        "proposal": idea.proposal,
        "theme": idea.theme_title or None,
        "language": idea.language,
        "organisation": idea.organisation,
        "sent_date": _date(idea.created_at),
        "support_count": idea.support_count,
        "response_state": idea.response_state,
        "response_text": idea.response_text,
        "response_date": _date(idea.responded_at),
        "merged_into": str(merged_into.pk) if merged_into and merged_into.is_public else None,
        "action_items": actions,
    }


class IdeasOpenData(OpenDataPart):
    """The plan's public ideas and each action's ``source_ideas``."""

    csv_columns = {
        # The addresses of the ideas the action came from, one per line (like Meetings).
        "Source Ideas": lambda item, document: "\n".join(
            idea["url"] for idea in item.get(SOURCE_IDEAS) or ()
        )
    }

    def extend(self, document: dict[str, Any], context: ExportContext) -> None:
        plan_url = document["plan"]["url"]
        query = public_ideas(context.plan).select_related("merged_into")
        if context.only is not None:
            query = query.filter(
                action_items__translation_key=context.only.translation_key
            ).distinct()
        # Without a collection the plan shows no ideas (its idea pages are not found).
        has_collection = IdeaCollection.of_plan(context.plan) is not None
        ideas = list(query.order_by("created_at", "pk")) if has_collection and plan_url else []
        links = _links(ideas) if ideas else {}
        keys = {key for keys in links.values() for key in keys}
        actions = _actions(context, keys) if keys else {}
        retitle(ideas, theme_titles(context.plan) if ideas else {})
        sources: dict[str, list[dict[str, str]]] = {}
        exported = []
        for idea in ideas:
            keys_of = dict.fromkeys(links.get(idea.pk, ()))  # once per action, not per language
            became = [actions[key] for key in keys_of if key in actions]
            exported.append(idea_dict(idea, plan_url, became))
            for action in became:
                sources.setdefault(action["id"], []).append(
                    {"id": exported[-1]["id"], "url": exported[-1]["url"]}
                )
        document["ideas"] = exported
        for item in document["items"]:
            item[SOURCE_IDEAS] = sources.get(item["id"], [])
