"""What the package's own bulk actions (comments, ideas) share: a confirmation page whose
title and question have the count's plural forms, and which says why the items left out
are left out. Templates: ``avp_wagtail/admin/confirm_bulk_action.html`` (an action of our
own) and ``avp_wagtail/admin/confirm_bulk_delete.html`` (Wagtail's snippet delete)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

CONFIRM_ACTION_TEMPLATE = "avp_wagtail/admin/confirm_bulk_action.html"
CONFIRM_DELETE_TEMPLATE = "avp_wagtail/admin/confirm_bulk_delete.html"


class CountedWordingMixin:
    """Put before Wagtail's bulk action class. A subclass gives ``get_title(count)``,
    ``get_question(count)`` (may hold ``%(count)d``) and ``no_access_text``: why the
    chosen items listed apart are left out (e.g. "You may not delete these comments")."""

    no_access_text: Any = ""

    def get_title(self, count: int) -> str:
        raise NotImplementedError

    def get_question(self, count: int) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        count = len(context["items"])
        return {
            **context,
            "confirm_title": self.get_title(count),
            "question": self.get_question(count) % {"count": count},
            "no_access_msg": self.no_access_text,
        }


class ListingFiltersMixin:
    """ "Select all N in listing" acts on the listing as the editor filtered and searched
    it. Wagtail's bulk actions take every object of the model then (the listing's query
    string reaches them, but they read only ``id=all``: wagtail/wagtail#12853), so a
    moderator who filtered to the pending ideas and published "all" would also publish
    every hidden one. ``filterset_class`` and ``search_fields`` are the index view's."""

    filterset_class: Any = None
    search_fields: tuple[str, ...] = ()

    def get_all_objects_in_listing_query(self, parent_id: Any) -> Any:
        queryset = self.model.objects.all()  # type: ignore[attr-defined]
        request = self.request  # type: ignore[attr-defined]
        if self.filterset_class is not None:
            filters = self.filterset_class(request.GET, queryset=queryset, request=request)
            queryset = filters.qs
        query = request.GET.get("q", "").strip()
        if query and self.search_fields:
            condition = Q()
            for name in self.search_fields:
                condition |= Q(**{f"{name}__icontains": query})
            queryset = queryset.filter(condition)
        return queryset.values_list("pk", flat=True)
