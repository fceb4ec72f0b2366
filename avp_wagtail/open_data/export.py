"""A plan as one JSON-ready dict: the open data document (D4, I3).

Built in a bounded number of queries whatever the number of items: one per collection
(items, partners, milestones, updates, tags, meetings), never one per item. Rich text is
exported as HTML with internal links made absolute.

Every URL in the document is absolute on the site the plan belongs to (its Wagtail Site's
hostname and port), whichever address the document was requested at.
"""

import re

from django.utils import timezone
from wagtail.rich_text import expand_db_html

from .. import __version__
from ..models import ActionItemPage, MeetingDiscussedItem
from ..models.action_item import OGP_VALUE_FIELDS
from ..sites import full_url, municipality_name, site_of, site_url
from ..visibility import visible, visible_q
from .schema import SCHEMA_NAME, SCHEMA_VERSION


def _date(value):
    return value.isoformat() if value else None


# href="/..." (not "//host/..."): an internal link of the expanded rich text.
_RELATIVE_HREF = re.compile(r'(<a\b[^>]*?\shref=")/(?!/)')


def _absolute_links(html, base):
    return _RELATIVE_HREF.sub(lambda match: f"{match.group(1)}{base}/", html) if base else html


def _html(value, base=""):
    """Rich text as HTML, its links to pages and documents absolute on ``base``."""
    if not value:
        return ""
    return _absolute_links(expand_db_html(value), base)


_SPLIT = "<!--avp-rich-text-split-->"


def rich_texts_html(values, base=""):
    """Several rich texts as HTML (Wagtail's rendering: ``expand_db_html``), their links
    absolute on ``base``: expanded together, so their internal links cost one query per
    link type whatever the number of texts."""
    values = [str(value or "") for value in values]
    if not any(values):
        return values
    parts = expand_db_html(_SPLIT.join(values)).split(_SPLIT)
    if len(parts) != len(values):  # a text holding the separator itself
        return [_html(value, base) for value in values]
    return [
        _absolute_links(part, base) if value else ""
        for part, value in zip(parts, values, strict=True)
    ]


def _absolute(url, base):
    """``url`` made absolute on ``base`` (the site's root URL) when it is a local path."""
    if url and base and url.startswith("/") and not url.startswith("//"):
        return base + url
    return url or ""


def base_url(site, request=None):
    """The root URL (no final slash) absolute links of the document start with: the
    plan's site's (the address of the request when the plan is on that site)."""
    if site is not None:
        return site_url(site, request).rstrip("/")
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


def page_url(page, request):
    """The page's canonical (absolute) URL."""
    return full_url(page, request)


def _organisation(organisation):
    if organisation is None:
        return None
    return {"name": organisation.name, "kind": organisation.kind, "website": organisation.website}


def _person(person):
    if person is None:
        return None
    return {
        "name": person.name,
        "role": person.role,
        "organisation": person.organisation.name if person.organisation else "",
    }


def publisher_of(page, request=None, site=None):
    """The municipality publishing the page: its Wagtail site."""
    site = site or site_of(page, request)
    if site is None:
        return {"name": "", "url": ""}
    return {"name": municipality_name(site), "url": site_url(site, request)}


def export_items(plan, only=None, request=None):
    """Items of the plan (or just ``only``) the reader may see (avp_wagtail.visibility),
    with everything the export needs, in one query per collection."""
    items = ActionItemPage.objects.child_of(plan)
    if only is not None:
        items = items.filter(pk=only.pk)
    return list(
        visible(items, request)
        .select_related("theme", "lead_implementer")
        .prefetch_related(
            "partners__organisation",
            "milestones",
            "progress_updates",
            "tagged_items__tag",
        )
        .order_by("path")
    )


def _meetings_by_item(items, request):
    """Meetings the reader may see that discussed each item, keyed by the item's
    translation key."""
    keys = [item.translation_key for item in items]
    links = (
        MeetingDiscussedItem.objects.filter(
            visible_q(request, prefix="page"),
            item__translation_key__in=keys,
            page__locale_id=items[0].locale_id,
        )
        .select_related("page", "item")
        .order_by("page__start", "page__path")
        if items
        else []
    )
    meetings = {}
    for link in links:
        meeting = link.page
        meetings.setdefault(link.item.translation_key, []).append(
            {
                "title": meeting.title,
                "start": meeting.start.isoformat(),
                "url": page_url(meeting, request),
            }
        )
    return meetings


def item_dict(item, request, meetings=(), base=""):
    """One action item as exported (``base``: the site's root URL, for rich text links)."""
    return {
        "id": str(item.translation_key),
        "url": page_url(item, request),
        "title": item.title,
        "summary": item.summary,
        "problem": _html(item.problem, base),
        "activities": _html(item.activities, base),
        "expected_result": _html(item.expected_result, base),
        "theme": item.theme.title if item.theme else None,
        "lead_implementer": _organisation(item.lead_implementer),
        "lead_implementer_role": item.lead_implementer_role,
        "partners": [
            {**_organisation(partner.organisation), "role": partner.role}
            for partner in item.partners.all()
        ],
        "resources": {
            "budget_eur": str(item.budget) if item.budget is not None else None,
            "funding_source": item.funding_source,
            "people_and_time": item.people_and_time,
            "other_resources": item.other_resources,
        },
        "planned_start": _date(item.planned_start),
        "planned_end": _date(item.planned_end),
        "status": item.status,
        "progress": item.progress,
        "weight": item.weight,
        "quick_win": item.is_quick_win,
        "ogp_values": [
            value.value for value, name in OGP_VALUE_FIELDS.items() if getattr(item, name)
        ],
        "tags": sorted(tagged.tag.name for tagged in item.tagged_items.all()),
        "milestones": [
            {
                "title": milestone.title,
                "due_date": _date(milestone.due_date),
                "completed_date": _date(milestone.completed_date),
                "delay_reason": milestone.delay_reason,
            }
            for milestone in item.milestones.all()
        ],
        "progress_updates": [
            {
                "date": _date(update.date),
                "kind": update.kind,
                "title": update.title,
                "text": update.text,
                "status": update.status or None,
                "progress": update.progress,
            }
            for update in sorted(
                item.progress_updates.all(), key=lambda u: (u.date, u.sort_order or 0)
            )
        ],
        "meetings": list(meetings),
        "adapted_from": item.adapted_from(),
    }


def plan_export(plan, request=None, only=None):
    """The whole open data document of a plan, in the plan's language; with ``only`` (one
    of its items), the same document listing just that item."""
    items = export_items(plan, only, request)
    meetings = _meetings_by_item(items, request)
    programme = plan.get_parent().specific
    site = site_of(plan, request)
    base = base_url(site, request)
    return {
        "schema": SCHEMA_NAME,
        "schema_version": SCHEMA_VERSION,
        "generator": f"avp-wagtail {__version__}",
        "generated_at": timezone.now().replace(microsecond=0).isoformat(),
        "language": plan.locale.language_code,
        "publisher": publisher_of(plan, request, site),
        "programme": {
            "title": programme.title,
            "url": page_url(programme, request),
            "common_goal": getattr(programme, "common_goal", ""),
        },
        "plan": {
            "id": str(plan.translation_key),
            "url": page_url(plan, request),
            "title": plan.title,
            "summary": plan.summary,
            "common_goal": plan.get_common_goal(),
            "start_date": _date(plan.start_date),
            "end_date": _date(plan.end_date),
            "status": plan.status,
            "adoption_date": _date(plan.adoption_date),
            "adopted_document": _absolute(
                plan.adopted_document.url if plan.adopted_document else "", base
            ),
            "themes": [
                {"title": theme.title, "description": theme.description}
                for theme in plan.themes.all()
            ],
            "roles": {
                "initiating_politician": _person(plan.initiating_politician),
                "coordinating_official": _person(plan.coordinating_official),
                "community_representatives": [
                    _person(link.person)
                    for link in plan.community_representatives.select_related(
                        "person__organisation"
                    )
                ],
            },
            "monitoring": {
                "frequency": plan.monitoring_frequency,
                "every": plan.monitoring_every,
                "unit": plan.monitoring_unit if plan.monitoring_every else None,
                "first_due": _date(plan.monitoring_start),
                "change_procedure": _html(plan.change_procedure, base),
            },
        },
        "items": [
            item_dict(item, request, meetings.get(item.translation_key, ()), base) for item in items
        ],
    }


def export_filename(plan, extension):
    today = timezone.localdate().isoformat()
    return f"{plan.slug}-{plan.locale.language_code}-{today}.{extension}"
