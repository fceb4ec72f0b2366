"""The editor's choice of the later decision that changed a decision (D3, I1).

A plain ``FieldPanel`` on ``AgendaItem.changed_by`` would offer every agenda point of every
site of the installation, labelled with its title alone. This panel narrows the choice to
the agenda points of the other meetings of the same programme, in the meeting's language,
each labelled with its meeting and date. Whether the chosen point belongs to a *later*
meeting is checked by ``AgendaItem.clean``.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Case, When
from django.forms import ModelChoiceField
from django.http import HttpRequest
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

_CACHE_ATTRIBUTE = "_avp_decision_choices"


def _label(point: Any) -> str:
    from avp_wagtail.core.dates import format_date

    meeting = point.page
    return f"{meeting.title} ({format_date(meeting.start.date())}): {point.title}"


def _programme_path(instance: Any, request: HttpRequest | None) -> tuple[str, Any] | None:
    """The tree path of the programme of the agenda point being edited and its language. A
    new point (the edit form's blank row) has no page: the page of the edit view, or the
    parent (the programme) of the add view."""
    has_page = instance.page_id is not None or "page" in instance._state.fields_cache
    page = instance.page if has_page else None
    if page is not None and page.path:
        return page.path[: -Page.steplen], page.locale_id
    match = getattr(request, "resolver_match", None)
    kwargs = match.kwargs if match is not None else {}
    if "page_id" in kwargs:
        page = Page.objects.filter(pk=kwargs["page_id"]).first()
        if page is not None:
            return page.path[: -Page.steplen], page.locale_id
    if "parent_page_id" in kwargs:
        parent = Page.objects.filter(pk=kwargs["parent_page_id"]).first()
        if parent is not None:
            return parent.path, parent.locale_id
    return None


def later_decision_choices(instance: Any, request: HttpRequest | None) -> list[Any]:
    """The agenda points of the programme's meetings but this one, newest meeting first
    (one query per request and programme)."""
    agenda_item = apps.get_model("avp_wagtail", "AgendaItem")
    found = _programme_path(instance, request)
    if found is None:
        return []
    cache: dict[Any, Any] = getattr(request, _CACHE_ATTRIBUTE, None) or {}
    if request is not None:
        setattr(request, _CACHE_ATTRIBUTE, cache)
    if found not in cache:
        path, locale_id = found
        cache[found] = list(
            agenda_item.objects.filter(page__path__startswith=path, locale_id=locale_id)
            .select_related("page")
            .order_by("-page__start", "page_id", "sort_order")
        )
    own_page = instance.page_id
    return [point for point in cache[found] if point.page_id != own_page or own_page is None]


class LaterDecisionPanel(FieldPanel):
    """``FieldPanel("changed_by")`` with the choices narrowed (see the module)."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            field = self.form.fields.get(self.field_name) if self.form is not None else None
            if not isinstance(field, ModelChoiceField):
                return
            ids = [point.pk for point in later_decision_choices(self.instance, self.request)]
            current = self.instance.changed_by_id
            if current is not None and current not in ids:
                ids.append(current)
            model = apps.get_model("avp_wagtail", "AgendaItem")
            queryset = model.objects.filter(pk__in=ids).select_related("page")
            if ids:
                order = Case(*(When(pk=pk, then=n) for n, pk in enumerate(ids)))
                queryset = queryset.order_by(order)
            field.queryset = queryset
            field.label_from_instance = _label  # type: ignore[method-assign,assignment]
