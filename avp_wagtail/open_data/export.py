"""A plan as one JSON-ready dict: the open data document (D4, I3).

Built in a bounded number of queries whatever the number of items: one per collection
(items, partners, milestones, updates, tags, meetings), never one per item. Rich text is
exported as HTML with internal links made absolute.

Every URL in the document is absolute on the site the plan belongs to (its Wagtail Site's
hostname and port), whichever address the document was requested at.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from avp_wagtail import __version__
from avp_wagtail.core.sites import full_url, municipality_name, site_of, site_url
from avp_wagtail.core.visibility import visible, visible_q
from avp_wagtail.models import ActionItemPage, MeetingDiscussedItem, item_schema
from avp_wagtail.models.item_schema import MILESTONE_FIELDS, OGP_VALUE_FIELDS, ItemField, Value
from avp_wagtail.open_data.extensions import ExportContext, extend_document
from avp_wagtail.open_data.rich_text import absolute_links, html_of, resolve_page_links
from avp_wagtail.open_data.schema import SCHEMA_NAME, SCHEMA_VERSION


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


_SPLIT = "<!--avp-rich-text-split-->"


def rich_texts_html(
    values: list[Any], base: str = "", request: HttpRequest | None = None
) -> list[str]:
    """Several rich texts as HTML (Wagtail's rendering: ``expand_db_html``), their links
    absolute on ``base``: expanded together, their page links resolved at once
    (``resolve_page_links``), so internal links cost a constant number of queries whatever
    the number of texts and links."""
    values = resolve_page_links([str(value or "") for value in values], request)
    if not any(values):
        return values
    parts = expand_db_html(_SPLIT.join(values)).split(_SPLIT)
    if len(parts) != len(values):  # a text holding the separator itself
        return [html_of(value, base) for value in values]
    return [
        absolute_links(part, base) if value else ""
        for part, value in zip(parts, values, strict=True)
    ]


def _absolute(url: str | None, base: str) -> str:
    """``url`` made absolute on ``base`` (the site's root URL) when it is a local path."""
    if url and base and url.startswith("/") and not url.startswith("//"):
        return base + url
    return url or ""


def base_url(site: Site | None, request: HttpRequest | None = None) -> str:
    """The root URL (no final slash) absolute links of the document start with: the
    plan's site's (the address of the request when the plan is on that site)."""
    if site is not None:
        return site_url(site, request).rstrip("/")
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


def page_url(page: Any, request: HttpRequest | None) -> str:
    """The page's canonical (absolute) URL."""
    return full_url(page, request)


def _organisation(organisation: Any) -> dict[str, Any] | None:
    if organisation is None:
        return None
    return {"name": organisation.name, "kind": organisation.kind, "website": organisation.website}


def _person(person: Any) -> dict[str, Any] | None:
    if person is None:
        return None
    return {
        "name": person.name,
        "role": person.role,
        "organisation": person.organisation.name if person.organisation else "",
    }


def publisher_of(
    page: Any, request: HttpRequest | None = None, site: Site | None = None
) -> dict[str, str]:
    """The municipality publishing the page: its Wagtail site."""
    site = site or site_of(page, request)
    if site is None:
        return {"name": "", "url": ""}
    return {"name": municipality_name(site), "url": site_url(site, request)}


def export_items(plan: Any, only: Any = None, request: HttpRequest | None = None) -> list[Any]:
    """Items of the plan (or just ``only``) the reader may see (avp_wagtail.core.visibility),
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


def _meetings_by_item(
    items: list[Any], request: HttpRequest | None
) -> dict[Any, list[dict[str, Any]]]:
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
    meetings: dict[Any, list[dict[str, Any]]] = {}
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


@dataclass
class _Out:
    """What an item's values are exported with."""

    request: HttpRequest | None
    meetings: Any
    base: str
    # (item pk, field name) -> the field's HTML, expanded with every other rich text of the
    # document (rich_texts_html): a constant number of queries for their internal links.
    html: dict[tuple[int, str], str] | None = None

    def rich_text(self, item: Any, name: str) -> str:
        if self.html is not None and (item.pk, name) in self.html:
            return self.html[item.pk, name]
        return html_of(getattr(item, name), self.base)


def _field(item: Any, row: ItemField, out: _Out) -> Any:
    return getattr(item, row.name)


def _partners(item: Any, row: ItemField, out: _Out) -> Any:
    return [
        {**_organisation(partner.organisation), "role": partner.role}  # type: ignore[dict-item]
        for partner in item.partners.all()
    ]


def _milestones(item: Any, row: ItemField, out: _Out) -> Any:
    return [
        {field.json: EXPORTERS[field.value](milestone, field, out) for field in MILESTONE_FIELDS}
        for milestone in item.milestones.all()
    ]


def _progress_updates(item: Any, row: ItemField, out: _Out) -> Any:
    return [
        {
            "date": _date(update.date),
            "kind": update.kind,
            "title": update.title,
            "text": update.text,
            "status": update.status or None,
            "progress": update.progress,
        }
        for update in sorted(item.progress_updates.all(), key=lambda u: (u.date, u.sort_order or 0))
    ]


# Each value type as it is exported: (item, schema row, _Out) -> its JSON value.
EXPORTERS = {
    Value.ID: lambda item, row, out: str(getattr(item, row.name)),
    Value.URL: lambda item, row, out: page_url(item, out.request),
    Value.TEXT: _field,
    Value.RICH_TEXT: lambda item, row, out: out.rich_text(item, row.name),
    Value.DATE: lambda item, row, out: _date(getattr(item, row.name)),
    Value.INTEGER: _field,
    Value.AMOUNT: lambda item, row, out: (
        None if getattr(item, row.name) is None else str(getattr(item, row.name))
    ),
    Value.YES_NO: _field,
    Value.STATUS: _field,
    Value.THEME: lambda item, row, out: getattr(getattr(item, row.name), "title", None),
    Value.ORGANISATION: lambda item, row, out: _organisation(getattr(item, row.name)),
    Value.PARTNERS: _partners,
    Value.OGP_VALUES: lambda item, row, out: [
        value.value for value, name in OGP_VALUE_FIELDS.items() if getattr(item, name)
    ],
    Value.TAGS: lambda item, row, out: sorted(
        tagged.tag.name for tagged in item.tagged_items.all()
    ),
    Value.MILESTONES: _milestones,
    Value.PROGRESS_UPDATES: _progress_updates,
    Value.MEETINGS: lambda item, row, out: list(out.meetings),
    Value.ADAPTED_FROM: lambda item, row, out: item.adapted_from(),
}


def item_dict(
    item: Any,
    request: HttpRequest | None,
    meetings: Any = (),
    base: str = "",
    html: dict[tuple[int, str], str] | None = None,
) -> dict[str, Any]:
    """One action item as exported (``base``: the site's root URL, for rich text links;
    ``html``: its rich text already expanded, from ``items_html``): a key for each row of
    the schema with a JSON key, in the schema's order."""
    out = _Out(request, meetings, base, html)
    data: dict[str, Any] = {}
    for row in item_schema.json_fields():
        row.put(data, EXPORTERS[row.value](item, row, out))
    return data


def items_html(
    items: list[Any], base: str, request: HttpRequest | None = None
) -> dict[tuple[int, str], str]:
    """Every rich text field of ``items`` as HTML, keyed by (item pk, field name): expanded
    together, so their internal links cost one query per link type, not three per link."""
    names = [row.name for row in item_schema.json_fields() if row.value == Value.RICH_TEXT]
    keys = [(item.pk, name) for item in items for name in names]
    values = [getattr(item, name) for item in items for name in names]
    return dict(zip(keys, rich_texts_html(values, base, request), strict=True))


def plan_export(plan: Any, request: HttpRequest | None = None, only: Any = None) -> dict[str, Any]:
    """The whole open data document of a plan, in the plan's language; with ``only`` (one
    of its items), the same document listing just that item. Features add their keys
    (``open_data.extensions``: e.g. the ideas app's ``ideas`` and ``source_ideas``)."""
    items = export_items(plan, only, request)
    meetings = _meetings_by_item(items, request)
    programme = plan.get_parent().specific
    site = site_of(plan, request)
    base = base_url(site, request)
    html = items_html(items, base, request)
    document = {
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
                "change_procedure": html_of(plan.change_procedure, base),
            },
        },
        "items": [
            item_dict(item, request, meetings.get(item.translation_key, ()), base, html)
            for item in items
        ],
    }
    extend_document(document, ExportContext(plan, items, request, base, only))
    return document


def export_filename(plan: Any, extension: str) -> str:
    today = timezone.localdate().isoformat()
    return f"{plan.slug}-{plan.locale.language_code}-{today}.{extension}"
